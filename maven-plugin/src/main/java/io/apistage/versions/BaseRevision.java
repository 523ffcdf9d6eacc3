package io.apistage.versions;

import io.apistage.git.GitRepo;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.util.Optional;

/**
 * The commit check-versions compares the working copy with: {@code apistage.base} when given (any
 * revision), else the merge base of {@code HEAD} with the main branch ({@code origin/<main>} when
 * it exists, else {@code <main>}). Every way this can fail is an {@link ApistageException} that
 * says what to do.
 *
 * @param commit the base commit id
 * @param revision the revision as the user knows it, e.g. {@code merge-base(HEAD, origin/main)}
 * @since 0.1.0
 */
public record BaseRevision(String commit, String revision) {

  /** The short form for messages: the revision and the first 10 digits of the commit. */
  public String describe() {
    return revision + " (" + commit.substring(0, Math.min(10, commit.length())) + ")";
  }

  private static final String UNSHALLOW =
      "run git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0;"
          + " in GitLab CI: GIT_DEPTH: 0)";

  /**
   * Resolves the base.
   *
   * @param git the repository
   * @param requested the value of {@code apistage.base}, or null/blank for the default
   * @param mainBranch the main branch of {@code apistage.yaml}
   */
  public static BaseRevision resolve(GitRepo git, String requested, String mainBranch)
      throws ApistageException, IOException {
    if (requested != null && !requested.isBlank()) {
      return explicit(git, requested.trim());
    }
    Optional<String> head = git.head();
    if (head.isEmpty()) {
      throw new ApistageException(
          "the Git repository has no commit yet, so there is no base to compare with;"
              + " commit the config first, or pass -Dapistage.base=<rev>");
    }
    MainBranch main = mainBranch(git, mainBranch);
    String mainName = main.name();
    String mainCommit = git.readRef(main.ref()).orElseThrow();
    Optional<String> base;
    try {
      base = git.mergeBase(head.get(), mainCommit);
    } catch (IOException e) {
      base = Optional.empty();
      if (!git.isShallow()) {
        throw e;
      }
    }
    if (base.isEmpty()) {
      if (git.isShallow()) {
        throw new ApistageException(
            "this clone is shallow and lacks the merge base of HEAD and "
                + mainName
                + "; "
                + UNSHALLOW
                + ", or pass -Dapistage.base=<rev>");
      }
      throw new ApistageException(
          "HEAD and "
              + mainName
              + " share no history, so there is no merge base to compare with;"
              + " pass -Dapistage.base=<rev>");
    }
    return new BaseRevision(base.get(), "merge-base(HEAD, " + mainName + ")");
  }

  /** The base the user named with {@code -Dapistage.base}. */
  private static BaseRevision explicit(GitRepo git, String rev)
      throws ApistageException, IOException {
    Optional<String> commit = git.resolveCommit(rev);
    if (commit.isEmpty()) {
      if (git.isShallow()) {
        throw new ApistageException(
            "apistage.base="
                + rev
                + " names no commit of this shallow clone; "
                + UNSHALLOW
                + ", or fetch that revision");
      }
      throw new ApistageException(
          "apistage.base="
              + rev
              + " names no branch, tag or commit of this repository;"
              + " pass an existing revision with -Dapistage.base=<branch|tag|commit>"
              + " (git fetch it first when it lives on a remote)");
    }
    return new BaseRevision(commit.get(), rev);
  }

  /**
   * The main branch's ref and the name shown for it.
   *
   * @param ref e.g. {@code refs/remotes/origin/main}
   * @param name e.g. {@code origin/main}
   */
  private record MainBranch(String ref, String name) {}

  /**
   * The main branch the merge base is taken from: {@code origin/<main>} when fetched, else the
   * local {@code <main>}.
   */
  private static MainBranch mainBranch(GitRepo git, String main)
      throws ApistageException, IOException {
    if (git.hasRef("refs/remotes/origin/" + main)) {
      return new MainBranch("refs/remotes/origin/" + main, "origin/" + main);
    }
    if (git.hasRef("refs/heads/" + main)) {
      return new MainBranch("refs/heads/" + main, main);
    }
    String detached = git.currentBranch().isEmpty() ? "HEAD is detached and " : "";
    throw new ApistageException(
        detached
            + "there is neither a branch "
            + main
            + " nor origin/"
            + main
            + " to find the base of this change; fetch it (git fetch origin "
            + main
            + ":refs/remotes/origin/"
            + main
            + (git.isShallow() ? ", or " + UNSHALLOW : "")
            + "), pass -Dapistage.base=<rev>,"
            + " or set mainBranch in apistage.yaml if the main branch has another name");
  }
}
