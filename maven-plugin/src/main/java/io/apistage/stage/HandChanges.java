package io.apistage.stage;

import io.apistage.git.CommitInfo;
import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that find a stage's branch changed by hand, each a {@code stage-hand-change} warning:
 * a last commit without apistage's trailer, a running asset that is not its authored copy resolved
 * for the stage, a running asset without an authored copy and an authored copy the stage does not
 * run.
 *
 * @since 0.1.0
 */
final class HandChanges {

  private HandChanges() {}

  /** Finds a field in a running file, which is parsed again only when a field is asked for. */
  interface FieldPositions {
    Position of(String field) throws IOException;
  }

  /**
   * A warning when the commit at the tip of a stage's branch was not made by apistage (it lacks the
   * {@code Apistage-Stage} trailer), else nothing.
   */
  static List<Problem> checkLastCommit(GitRepo git, Stage stage, String commit) throws IOException {
    String branch = stage.state().branch();
    CommitInfo info = git.commitInfo(commit);
    if (info.message()
        .lines()
        .anyMatch(line -> line.strip().equals(StageStore.TRAILER + stage.name()))) {
      return List.of();
    }
    return List.of(
        Problem.warning(
            branch,
            Position.FILE,
            "",
            RuleId.STAGE_HAND_CHANGE,
            "the last commit "
                + commit.substring(0, 12)
                + " (\""
                + info.message().lines().findFirst().orElse("")
                + "\" by "
                + info.authorName()
                + ") was not made by apistage; the stage's branch was changed by hand, so what the"
                + " stage runs may differ from its promotions; inspect it with git log "
                + branch
                + " and mvn apistage:diff -Dapistage.stage="
                + stage.name()));
  }

  /**
   * A warning when a running asset is not what its authored copy gives for the stage.
   *
   * @param running the running asset in plain form, or null when the stage does not run it
   * @param runningFile the running file, {@code <branch>:<path>}
   * @param positionOf finds a field in the running file (which is parsed again only then)
   */
  static Optional<Problem> checkCopy(
      Stage stage,
      Asset authoredCopy,
      Object running,
      String runningFile,
      AliasResolver resolver,
      FieldPositions positionOf)
      throws IOException {
    if (running == null) {
      return Optional.empty();
    }
    AliasResolver.Resolved resolved = resolver.resolve(authoredCopy);
    if (!resolved.ok() || resolved.plain().equals(running)) {
      return Optional.empty();
    }
    var changes = TreeDiff.diff(resolved.plain(), running);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String field = changes.get(0).field();
    return Optional.of(
        Problem.warning(
            runningFile,
            positionOf.of(field),
            field,
            RuleId.STAGE_HAND_CHANGE,
            authoredCopy.key()
                + " differs from its authored copy resolved for stage "
                + stage.name()
                + " at "
                + (field.isEmpty() ? "/" : field)
                + (changes.size() > 1 ? " and " + (changes.size() - 1) + " more field(s)" : "")
                + "; it was changed by hand"));
  }

  /**
   * Warnings for running assets without an authored copy and authored copies the stage does not run
   * (unless their running file did not parse).
   *
   * @param runningFiles the running files by key
   * @param authoredKeys the keys of the authored copies
   * @param unreadable the keys whose running file did not parse
   */
  static List<Problem> checkPairs(
      String branch,
      Map<String, String> runningFiles,
      Set<String> authoredKeys,
      Set<String> unreadable) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> running : runningFiles.entrySet()) {
      if (!authoredKeys.contains(running.getKey())) {
        problems.add(
            Problem.warning(
                running.getValue(),
                Position.FILE,
                "",
                RuleId.STAGE_HAND_CHANGE,
                running.getKey()
                    + " has no authored copy under "
                    + StageLayout.AUTHORED
                    + "; it was added by hand, and the next promotion cannot resolve it anew"));
      }
    }
    for (String key : authoredKeys) {
      if (!runningFiles.containsKey(key) && !unreadable.contains(key)) {
        problems.add(
            Problem.warning(
                branch + ":" + StageLayout.AUTHORED + StageLayout.pathOfKey(key).orElse(key),
                Position.FILE,
                "",
                RuleId.STAGE_HAND_CHANGE,
                key
                    + " has an authored copy but the stage does not run it; it was removed by hand"));
      }
    }
    return problems;
  }
}
