package io.apistage.stage;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitNames;
import io.apistage.git.GitRemote;
import io.apistage.git.GitRepo;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a stage's branch is and how it moves: the ref {@code refs/heads/<branch>} of this
 * repository, or the branch of the remote a stage names, fetched into {@code
 * refs/apistage/remotes/<stage>} before reading and moved by a push that succeeds only if the
 * remote branch has not moved. Names are checked before any ref is read or written, since a stage
 * file read from a commit has not been through its schema.
 *
 * @since 0.1.0
 */
final class StageRefs {

  private final GitRepo git;
  private final Map<String, GitCredentials> servers;

  StageRefs(GitRepo git, Map<String, GitCredentials> servers) {
    this.git = git;
    this.servers = Collections.unmodifiableMap(new TreeMap<>(servers));
  }

  /** The commit a stage's branch points at, fetching it first when it lives on a remote. */
  Optional<String> currentCommit(Stage stage) throws StageLocationException, IOException {
    checkNames(stage);
    Stage.StateLocation location = stage.state();
    if (!location.isRemote()) {
      return git.readRef(location.localRef(stage.name()));
    }
    try {
      return remote(stage).fetch(location.remoteRef(), location.localRef(stage.name()));
    } catch (StageLocationException e) {
      throw onStage(stage, e.field(), e);
    } catch (ApistageException e) {
      throw onStage(stage, StageLocationException.Field.REMOTE, e);
    }
  }

  /**
   * Moves a stage's branch from {@code base} to {@code commit} if it still points at {@code base}.
   *
   * @return whether it moved; false when another run moved it first
   */
  boolean compareAndSwap(Stage stage, Optional<String> base, String commit, String reflog)
      throws StageLocationException, IOException {
    Stage.StateLocation location = stage.state();
    if (!location.isRemote()) {
      return git.compareAndSwap(location.localRef(stage.name()), base, commit, reflog);
    }
    try {
      GitRemote.PushOutcome outcome =
          remote(stage).push(commit, location.remoteRef(), base, location.localRef(stage.name()));
      return outcome == GitRemote.PushOutcome.UPDATED;
    } catch (StageLocationException e) {
      throw onStage(stage, e.field(), e);
    } catch (ApistageException e) {
      throw onStage(stage, StageLocationException.Field.REMOTE, e);
    }
  }

  /**
   * Refuses a stage whose {@code state.branch} is not a Git branch name or whose {@code
   * state.remote} is neither a remote's name nor an allowed URL.
   */
  static void checkNames(Stage stage) throws StageLocationException {
    Stage.StateLocation location = stage.state();
    if (!GitNames.isValidBranch(location.branch())) {
      throw new StageLocationException(
          StageLocationException.Field.BRANCH,
          "state.branch "
              + GitNames.quote(location.branch())
              + " in "
              + stage.file()
              + " is not a valid Git branch name; give "
              + GitNames.BRANCH_RULES,
          null);
    }
    if (location.isRemote() && !GitNames.isValidRemote(location.remote())) {
      throw new StageLocationException(
          StageLocationException.Field.REMOTE,
          "state.remote "
              + GitNames.quote(location.remote())
              + " in "
              + stage.file()
              + " is refused; give "
              + GitNames.REMOTE_RULES,
          null);
    }
  }

  private static StageLocationException onStage(
      Stage stage, StageLocationException.Field field, ApistageException e) {
    return new StageLocationException(
        field,
        "stage " + stage.name() + " (state " + stage.state().describe() + "): " + e.getMessage(),
        e);
  }

  private GitRemote remote(Stage stage) throws StageLocationException {
    Stage.StateLocation location = stage.state();
    GitCredentials credentials = null;
    if (location.server() != null) {
      credentials = servers.get(location.server());
      if (credentials == null) {
        throw new StageLocationException(
            StageLocationException.Field.SERVER,
            "state.server '"
                + location.server()
                + "' in "
                + stage.file()
                + " names no <server> of settings.xml"
                + (servers.isEmpty() ? "" : " (it has " + String.join(", ", servers.keySet()) + ")")
                + "; add one with <id>"
                + location.server()
                + "</id>, <username> and <password> to ~/.m2/settings.xml",
            null);
      }
    }
    try {
      return GitRemote.open(git, location.remote(), credentials);
    } catch (ApistageException e) {
      throw new StageLocationException(
          StageLocationException.Field.REMOTE,
          "state.remote in " + stage.file() + ": " + e.getMessage(),
          e);
    }
  }
}
