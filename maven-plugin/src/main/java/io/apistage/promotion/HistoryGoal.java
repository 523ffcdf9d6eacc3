package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
      StageState state = new StageStore(git, servers).read(stage);
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
      List<Map<String, Object>> records = new ArrayList<>();
      for (HistoryRecord record : state.history()) {
        String undoes = Records.text(record, "undoes");
        log.info(
            String.format(Locale.ROOT, "%06d", record.number())
                + " "
                + record.type()
                + " "
                + record.name()
                + "  "
                + Records.text(record, "status")
                + "  by "
                + Records.who(record)
                + " at "
                + Records.text(record, "when")
                + (undoes == null ? "" : "  undoes " + undoes));
        Records.reports(record).forEach(r -> log.info(r.format()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", record.id());
        entry.put("number", record.number());
        entry.putAll(record.content());
        records.add(entry);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("stage", stage.name());
      body.put("commit", state.commit().orElse(null));
      body.put("records", records);
      int promotions =
          (int) state.history().stream().filter(r -> Records.PROMOTION.equals(r.type())).count();
      int rollbacks =
          (int) state.history().stream().filter(r -> Records.ROLLBACK.equals(r.type())).count();
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
