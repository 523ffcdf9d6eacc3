package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.notice.NoticePlanner;
import io.apistage.notice.NotifyGoal;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problems;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Operator;
import io.apistage.stage.RecordType;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code rollback} goal: restores the assets a promotion changed on a stage to what they were
 * before it, as a new commit with a rollback record; the stage's history is never rewritten. A
 * promotion other than the last can be undone only when no later promotion changed the same assets.
 *
 * @since 0.1.0
 */
public final class RollbackGoal {

  private final GoalContext context;
  private final RollbackRequest request;
  private final Log log;

  /** The goal for a context and request. */
  public RollbackGoal(GoalContext context, RollbackRequest request) {
    this.context = context;
    this.request = request;
    this.log = context.log();
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      StageChain chain = stages(git, head);
      Stage stage = chain.required(request.stage(), "rollback");
      boolean dryRun = request.options().dryRun();
      if (stage.protectedStage() && !dryRun) {
        guardProtected(git, stage, head);
      }
      Identity who = Operator.of(context.env(), git, head, request.clock().instant());
      TreeRenderer renderer = new TreeRenderer(git);
      StageStore store = new StageStore(git, request.servers(), renderer);
      StageUpdater.Done<HistoryRecord> done =
          new StageUpdater(store, renderer, log)
              .update(stage, state -> rollback(stage, state, store, who, head), who, dryRun);
      HistoryRecord record = done.result();
      List<AssetReport> reports = HistoryContent.reports(record);
      if (dryRun) {
        return dryRunResult(stage, record, reports);
      }
      String commit = done.commit().orElseThrow();
      log.info(
          "rollback "
              + record.name()
              + " on "
              + stage.name()
              + ": success, commit "
              + commit.substring(0, 7)
              + " (undoes "
              + HistoryContent.text(record, "undoes")
              + ")");
      reports.forEach(r -> log.info(r.format()));
      deliverNotices(git, stage, who);
      RollbackReport body =
          new RollbackReport(
              stage.name(),
              record.name(),
              HistoryContent.text(record, "undoes"),
              commit,
              record.id(),
              reports);
      return new GoalResult(
          "rollback",
          "OK",
          "rollback: "
              + stage.name()
              + " restored to its state before "
              + record.name()
              + " ("
              + Problems.plural(reports.size(), "asset")
              + ")",
          List.of(),
          body);
    }
  }

  /**
   * Refuses to roll back a {@code protected: true} stage from a commit that is not on the main
   * branch, or without {@code -Dapistage.confirm=<stage>}.
   */
  private void guardProtected(GitRepo git, Stage stage, String head)
      throws ApistageException, IOException {
    String main = new ConfigLoader().loadSettings(context.configDir()).settings().mainBranch();
    MainBranch.require(
        git, main, head, "stage " + stage.name() + " is protected: it is rolled back");
    if (!stage.name().equals(request.options().confirm())) {
      throw new ApistageException(
          "stage "
              + stage.name()
              + " is protected (protected: true in "
              + stage.file()
              + "): rolling it back needs -Dapistage.confirm="
              + stage.name()
              + (request.options().confirm() == null
                  ? ""
                  : " (-Dapistage.confirm=" + request.options().confirm() + " names another stage)")
              + "; -Dapistage.dryRun=true shows what would be restored");
    }
  }

  /** What a dry run reports: the record it would write, nothing written, no notice sent. */
  private GoalResult dryRunResult(Stage stage, HistoryRecord record, List<AssetReport> reports) {
    log.info(
        "rollback (dry run) "
            + record.name()
            + " on "
            + stage.name()
            + ": would restore "
            + Problems.plural(reports.size(), "asset")
            + "; nothing was written");
    reports.forEach(r -> log.info(r.format()));
    return new GoalResult(
        "rollback",
        "OK",
        "rollback (dry run): "
            + stage.name()
            + " would be restored to its state before "
            + record.name()
            + " ("
            + Problems.plural(reports.size(), "asset")
            + "); nothing was written",
        List.of(),
        new RollbackReport(
            stage.name(),
            record.name(),
            HistoryContent.text(record, "undoes"),
            null,
            record.id(),
            reports));
  }

  /** Sends the stage's pending notices; what a receiver does not take waits, with a warning. */
  private void deliverNotices(GitRepo git, Stage stage, Identity who) throws IOException {
    try {
      NotifyGoal.report(
          NotifyGoal.run(
                  git,
                  new StageStore(git, request.servers()),
                  who,
                  context,
                  request.secretServers(),
                  request.clock())
              .deliver(stage),
          context);
    } catch (ApistageException e) {
      log.warn(stage.name() + ": notices not delivered: " + e.getMessage());
    }
  }

  private StageUpdater.Update<HistoryRecord> rollback(
      Stage stage, StageState state, StageStore store, Identity who, String head)
      throws ApistageException, IOException {
    List<HistoryRecord> history = state.history();
    Set<String> undone = undone(history);
    HistoryRecord target = target(stage, history, undone);
    Set<String> keys = new TreeSet<>(HistoryContent.touched(target));
    refuseLaterOverlap(stage, history, undone, target, keys);
    String base = HistoryContent.text(target, "base");
    StageState before =
        base == null
            ? StageState.empty(stage)
            : store.readAt(stage, base, StageReader.Depth.RESOLVED);
    Restoring restoring = new Restoring(state);
    List<AssetReport> reports = new ArrayList<>();
    for (String key : keys) {
      reports.add(restoring.restore(key, before, target.name()));
    }
    Map<String, Object> content =
        HistoryContent.content(RecordType.ROLLBACK, target.name(), stage.name(), who)
            .source(head, stage.name(), null)
            .base(state.commit())
            .changes(reports, List.copyOf(keys))
            .undoes(target.id())
            .toMap();
    String id =
        new HistoryRecord(
                state.nextRecordNumber(), RecordType.ROLLBACK.id(), target.name(), Map.of())
            .id();
    NoticePlanner.attach(
        content,
        new NoticePlanner.StageChange(
            stage.name(), id, target.name(), String.valueOf(content.get("when"))),
        state.assets(),
        restoring.running);
    HistoryRecord record =
        new HistoryRecord(
            state.nextRecordNumber(), RecordType.ROLLBACK.id(), target.name(), content);
    List<HistoryRecord> records = new ArrayList<>(history);
    records.add(record);
    String message =
        "Roll back " + target.name() + " on " + stage.name() + "\n\nUndoes " + target.id() + ".";
    return new StageUpdater.Update<>(
        restoring.content(stage.name(), records, record.id()), message, record);
  }

  /** The ids of the records that rollbacks undid. */
  private static Set<String> undone(List<HistoryRecord> history) {
    Set<String> undone = new HashSet<>();
    for (HistoryRecord r : history) {
      if (r.is(RecordType.ROLLBACK) && HistoryContent.text(r, "undoes") != null) {
        undone.add(HistoryContent.text(r, "undoes"));
      }
    }
    return undone;
  }

  /** The last promotion not undone yet, of the requested name when one is requested. */
  private HistoryRecord target(Stage stage, List<HistoryRecord> history, Set<String> undone)
      throws ApistageException {
    HistoryRecord target = null;
    for (HistoryRecord r : history) {
      if (r.is(RecordType.PROMOTION)
          && !undone.contains(r.id())
          && (request.promotion() == null || request.promotion().equals(r.name()))) {
        target = r;
      }
    }
    if (target == null) {
      throw new ApistageException(
          request.promotion() == null
              ? "stage "
                  + stage.name()
                  + " has no promotion to roll back (see mvn apistage:history -Dapistage.stage="
                  + stage.name()
                  + ")"
              : "stage "
                  + stage.name()
                  + " has no applied promotion named "
                  + request.promotion()
                  + " that is not rolled back already; see mvn apistage:history -Dapistage.stage="
                  + stage.name());
    }
    return target;
  }

  /** Refuses to undo a promotion when a later one, not undone, changed one of its assets. */
  private static void refuseLaterOverlap(
      Stage stage,
      List<HistoryRecord> history,
      Set<String> undone,
      HistoryRecord target,
      Set<String> keys)
      throws ApistageException {
    for (HistoryRecord later : history) {
      if (later.number() > target.number()
          && later.is(RecordType.PROMOTION)
          && !undone.contains(later.id())) {
        List<String> overlap =
            HistoryContent.touched(later).stream().filter(keys::contains).sorted().toList();
        if (!overlap.isEmpty()) {
          throw new ApistageException(
              "cannot roll back "
                  + target.name()
                  + " on "
                  + stage.name()
                  + ": the later promotion "
                  + later.name()
                  + " ("
                  + later.id()
                  + ") changed the same assets ("
                  + String.join(", ", overlap)
                  + "); roll back "
                  + later.name()
                  + " first");
        }
      }
    }
  }

  /** The stage's assets, aliases and documents as the rollback restores them, key by key. */
  private static final class Restoring {
    private static final String ALIAS_PREFIX = "alias/";
    private final Map<String, Object> running;
    private final Map<String, Asset> authored;
    private final Map<String, Asset> aliases;

    Restoring(StageState state) {
      this.running = new HashMap<>(state.assets());
      this.authored = new HashMap<>(state.authored());
      this.aliases = new HashMap<>(state.aliases());
    }

    /** Puts back what {@code before} had at a key, or removes what the promotion created. */
    AssetReport restore(String key, StageState before, String promotion) {
      boolean existed;
      if (key.startsWith(ALIAS_PREFIX)) {
        String name = key.substring(ALIAS_PREFIX.length());
        existed = put(aliases, name, before.aliases().get(name));
      } else {
        existed = put(authored, key, before.authored().get(key));
        put(running, key, before.assets().get(key));
      }
      return new AssetReport(
          key,
          AssetStatus.SUCCESS,
          existed
              ? "restored as it was before " + promotion
              : "removed: " + promotion + " had created it");
    }

    StageState.StageContent content(String stage, List<HistoryRecord> records, String lastRecord) {
      return new StageState.StageContent(stage, running, authored, aliases, records, lastRecord);
    }

    private static <V> boolean put(Map<String, V> map, String key, V before) {
      if (before == null) {
        map.remove(key);
        return false;
      }
      map.put(key, before);
      return true;
    }
  }

  /** The stage chain declared at HEAD; see {@link StageChain#declaredAt}. */
  static StageChain stages(GitRepo git, String head) throws ApistageException, IOException {
    return StageChain.declaredAt(git, head);
  }
}
