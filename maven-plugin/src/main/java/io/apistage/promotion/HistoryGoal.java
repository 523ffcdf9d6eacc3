package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.RecordType;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code history} goal: a stage's promotions and rollbacks, oldest first, each with who, when,
 * its status and its per-asset report.
 *
 * @since 0.1.0
 */
public final class HistoryGoal {

  private final GoalContext context;
  private final String stageName;
  private final Map<String, GitCredentials> servers;
  private final Log log;

  /** The goal for a context and the stage ({@code apistage.stage}), without stage credentials. */
  public HistoryGoal(GoalContext context, String stageName) {
    this(context, stageName, Map.of());
  }

  /**
   * The goal for a context, the stage ({@code apistage.stage}) and the credentials of stage remotes
   * by {@code settings.xml} server id.
   */
  public HistoryGoal(GoalContext context, String stageName, Map<String, GitCredentials> servers) {
    this.context = context;
    this.stageName = stageName;
    this.servers = Map.copyOf(servers);
    this.log = context.log();
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      StageChain chain = RollbackGoal.stages(git, head);
      Stage stage = chain.required(stageName, "history");
      StageState state = new StageStore(git, servers).read(stage, StageReader.Depth.HISTORY);
      log.info(
          "history of stage "
              + stage.name()
              + " ("
              + stage.state().describe()
              + ")"
              + state
                  .commit()
                  .map(c -> " at " + c.substring(0, 7))
                  .orElse(": nothing deployed yet"));
      for (HistoryRecord record : state.history()) {
        String undoes = HistoryContent.text(record, "undoes");
        log.info(
            String.format(Locale.ROOT, "%06d", record.number())
                + " "
                + record.type()
                + " "
                + record.name()
                + "  "
                + HistoryContent.text(record, "status")
                + "  by "
                + HistoryContent.who(record)
                + " at "
                + HistoryContent.text(record, "when")
                + (undoes == null ? "" : "  undoes " + undoes));
        HistoryContent.reports(record).forEach(r -> log.info(r.format()));
      }
      HistoryReport body =
          new HistoryReport(stage.name(), state.commit().orElse(null), state.history());
      int promotions =
          (int) state.history().stream().filter(r -> r.is(RecordType.PROMOTION)).count();
      int rollbacks = state.history().size() - promotions;
      return new GoalResult(
          "history",
          "OK",
          "history of "
              + stage.name()
              + ": "
              + promotions
              + " promotion"
              + (promotions == 1 ? "" : "s")
              + ", "
              + rollbacks
              + " rollback"
              + (rollbacks == 1 ? "" : "s"),
          List.of(),
          body);
    }
  }
}
