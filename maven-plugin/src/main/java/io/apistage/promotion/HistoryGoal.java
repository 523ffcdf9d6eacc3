package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.notice.NoticeLedger;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.RecordType;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code history} goal: a stage's promotions and rollbacks, oldest first, each with who, when,
 * its status and its per-asset report; without a stage, the last records of every stage. A record
 * or metadata file that does not parse is listed as a problem, never dropped in silence.
 *
 * @since 0.1.0
 */
public final class HistoryGoal {

  /** How many of each stage's last records the listing of every stage shows. */
  public static final int LAST_RECORDS = 5;

  private final GoalContext context;
  private final String stageName;
  private final Map<String, GitCredentials> servers;
  private final Log log;

  /** The goal for a context and the stage ({@code apistage.stage}), without stage credentials. */
  public HistoryGoal(GoalContext context, String stageName) {
    this(context, stageName, Map.of());
  }

  /**
   * The goal for a context, the stage ({@code apistage.stage}, or null for every stage) and the
   * credentials of stage remotes by {@code settings.xml} server id.
   */
  public HistoryGoal(GoalContext context, String stageName, Map<String, GitCredentials> servers) {
    this.context = context;
    this.stageName = stageName;
    this.servers = Map.copyOf(servers);
    this.log = context.log();
  }

  /**
   * Runs the goal: the whole history of the stage given, or without one the last {@link
   * #LAST_RECORDS} records of every stage, in promotion order.
   */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      StageChain chain = RollbackGoal.stages(git, head);
      StageStore store = new StageStore(git, servers);
      if (stageName != null && !stageName.isBlank()) {
        Stage stage = chain.required(stageName, "history");
        StageState state = store.read(stage, StageReader.Depth.HISTORY);
        HistoryReport body = list(stage, state, state.history());
        return result(state.problems(), "history of " + counts(stage, state), body);
      }
      List<HistoryReport> stages = new ArrayList<>();
      List<String> counts = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      for (Stage stage : chain.order()) {
        StageState state = store.read(stage, StageReader.Depth.HISTORY);
        List<HistoryRecord> all = state.history();
        stages.add(
            list(stage, state, all.subList(Math.max(0, all.size() - LAST_RECORDS), all.size())));
        counts.add(counts(stage, state));
        problems.addAll(state.problems());
      }
      return result(
          problems,
          "history of every stage (the last "
              + LAST_RECORDS
              + " records of each; -Dapistage.stage=<stage> for all of one): "
              + String.join("; ", counts),
          new HistoryReport.EveryStage(stages));
    }
  }

  private static GoalResult result(
      List<Problem> problems, String message, io.apistage.goal.ReportBody body) {
    boolean broken = Problems.hasErrors(problems);
    return new GoalResult(
        "history",
        broken ? "INVALID_STATE" : "OK",
        (broken ? Problems.summary(problems) + "; " : "") + message,
        problems,
        body);
  }

  /** Logs a stage's header and records, and returns them as the report's body. */
  private HistoryReport list(Stage stage, StageState state, List<HistoryRecord> shown) {
    log.info(
        "history of stage "
            + stage.name()
            + " ("
            + stage.state().describe()
            + ")"
            + state.commit().map(c -> " at " + c.substring(0, 7)).orElse(": nothing deployed yet"));
    NoticeLedger notices = NoticeLedger.of(state.history());
    for (HistoryRecord record : shown) {
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
      notices.lines(record.id()).forEach(line -> log.info("  " + line));
    }
    return new HistoryReport(stage.name(), state.commit().orElse(null), shown);
  }

  /** {@code qa: 2 promotions, 1 rollback}. */
  private static String counts(Stage stage, StageState state) {
    int promotions = (int) state.history().stream().filter(r -> r.is(RecordType.PROMOTION)).count();
    int rollbacks = (int) state.history().stream().filter(r -> r.is(RecordType.ROLLBACK)).count();
    return stage.name()
        + ": "
        + promotions
        + " promotion"
        + (promotions == 1 ? "" : "s")
        + ", "
        + rollbacks
        + " rollback"
        + (rollbacks == 1 ? "" : "s");
  }
}
