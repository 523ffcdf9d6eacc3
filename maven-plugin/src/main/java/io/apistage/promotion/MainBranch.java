package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.util.Optional;

/**
 * The rule that stages change only from the main branch: the checked-out commit must be on {@code
 * origin/<main>} when that exists, else on {@code <main>}.
 *
 * @since 0.1.0
 */
final class MainBranch {

  private MainBranch() {}

  /**
   * The ref the main branch is read from: {@code origin/<main>} when fetched, else {@code <main>}.
   */
  static Optional<String> ref(GitRepo git, String main) throws IOException {
    if (git.hasRef("refs/remotes/origin/" + main)) {
      return Optional.of("refs/remotes/origin/" + main);
    }
    if (git.hasRef("refs/heads/" + main)) {
      return Optional.of("refs/heads/" + main);
    }
    return Optional.empty();
  }

  /** Refuses unless {@code head} is on the main branch; {@code what} names the refused action. */
  static void require(GitRepo git, String main, String head, String what)
      throws ApistageException, IOException {
    Optional<String> ref = ref(git, main);
    if (ref.isEmpty()) {
      throw new ApistageException(
          what
              + " only from the main branch, but this repository has no branch "
              + main
              + " (nor origin/"
              + main
              + "); fetch it, or set mainBranch in apistage.yaml; -Dapistage.dryRun=true shows what would happen");
    }
    String mainCommit = git.readRef(ref.get()).orElseThrow();
    if (!git.isAncestor(head, mainCommit)) {
      String shortRef = ref.get().replace("refs/remotes/", "").replace("refs/heads/", "");
      throw new ApistageException(
          what
              + " only from a commit on the main branch: HEAD "
              + head.substring(0, 7)
              + " is not on "
              + shortRef
              + "; merge it into "
              + main
              + " first, or run with -Dapistage.dryRun=true to see what would happen");
    }
  }
}
