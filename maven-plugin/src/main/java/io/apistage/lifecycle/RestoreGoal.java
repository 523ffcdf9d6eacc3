package io.apistage.lifecycle;

import io.apistage.git.GitRepo;
import io.apistage.git.PathHistory;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code restore} goal: an Api file deleted in an earlier commit comes back with the content of
 * the last commit that had it (the trash and restore of the lifecycle seed). Refused when the file
 * exists, or when no commit of the checked-out history ever had it; the refusal names the commits
 * it looked at.
 *
 * @since 0.1.0
 */
public final class RestoreGoal {

  /** The goal's name. */
  public static final String GOAL = "restore";

  private static final int NAMED = 10;

  private final GoalContext context;
  private final String line;
  private final boolean dryRun;

  /**
   * The goal.
   *
   * @param context the goal's context
   * @param line the API line ({@code apistage.api}, e.g. {@code orders@1})
   * @param dryRun whether to show the restored file as a diff instead of writing it
   */
  public RestoreGoal(GoalContext context, String line, boolean dryRun) {
    this.context = context;
    this.line = line;
    this.dryRun = dryRun;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    ApiLines.Ref ref = new ApiLines(context.configDir()).requireLine(line, GOAL, "apistage.api");
    String base = "apis/" + ref.api() + "/v" + ref.major();
    for (String ext : List.of(".yaml", ".yml")) {
      if (Files.exists(context.configDir().resolve(base + ext), LinkOption.NOFOLLOW_LINKS)) {
        RestoreReport body = new RestoreReport(ref.toString(), base + ext, null, null);
        return EditOutcome.refused(
            GOAL,
            LifecycleRules.error(
                base + ext,
                Position.FILE,
                "",
                LifecycleRules.RESTORE_EXISTS,
                base
                    + ext
                    + " exists; restore brings back a deleted file only (to undo changes"
                    + " to it: git checkout -- "
                    + base
                    + ext
                    + ")"),
            body);
      }
    }
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      List<String> looked = new ArrayList<>();
      for (String ext : List.of(".yaml", ".yml")) {
        PathHistory.Found found = PathHistory.of(git, head, base + ext);
        looked.addAll(found.touching());
        if (found.lastWith().isPresent()) {
          return restore(ref, found);
        }
      }
      RestoreReport body = new RestoreReport(ref.toString(), base + ".yaml", null, looked);
      return EditOutcome.refused(
          GOAL,
          LifecycleRules.error(
              base + ".yaml",
              Position.FILE,
              "",
              LifecycleRules.RESTORE_NEVER_EXISTED,
              base
                  + ".yaml (or .yml) is in no commit of the history of HEAD "
                  + head.substring(0, 7)
                  + (looked.isEmpty()
                      ? ": no commit touched it"
                      : ": looked at " + named(looked) + ", none has it")
                  + "; there is nothing to restore"),
          body);
    }
  }

  private GoalResult restore(ApiLines.Ref ref, PathHistory.Found found) throws IOException {
    String commit = found.lastWith().orElseThrow();
    List<String> deletedIn = found.touching().subList(0, found.touching().indexOf(commit));
    RestoreReport body = new RestoreReport(ref.toString(), found.path(), commit, found.touching());
    context
        .log()
        .info(
            GOAL
                + ": "
                + found.path()
                + " from commit "
                + commit.substring(0, 7)
                + ", the last that had it"
                + (deletedIn.isEmpty()
                    ? " (HEAD; the file is deleted in the working copy only)"
                    : " (deleted in " + named(deletedIn) + ")"));
    FileEdits edits =
        new FileEdits(context.configDir()).put(found.path(), null, found.content().orElseThrow());
    return EditOutcome.apply(context, GOAL, edits, dryRun, List.of(), body);
  }

  /** Short ids of commits, the first ten named and the rest counted. */
  private static String named(List<String> commits) {
    List<String> shown = commits.stream().limit(NAMED).map(c -> c.substring(0, 7)).toList();
    return (commits.size() == 1 ? "commit " : "commits ")
        + String.join(", ", shown)
        + (commits.size() > NAMED ? " and " + (commits.size() - NAMED) + " more" : "");
  }
}
