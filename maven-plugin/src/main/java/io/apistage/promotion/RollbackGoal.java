package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
      Identity who = Who.of(context.env(), git, head, request.clock().instant());
      TreeRenderer renderer = new TreeRenderer(git);
      StageStore store = new StageStore(git, request.servers(), renderer);
      StageUpdater.Done<HistoryRecord> done =
          new StageUpdater(store, renderer, log)
              .update(stage, state -> rollback(stage, state, store, who, head), who, false);
      HistoryRecord record = done.result();
      String commit = done.commit().orElseThrow();
      List<AssetReport> reports = Records.reports(record);
      log.info(
          "rollback "
              + record.name()
              + " on "
              + stage.name()
              + ": success, commit "
              + commit.substring(0, 7)
              + " (undoes "
              + Records.text(record, "undoes")
              + ")");
      reports.forEach(r -> log.info(r.format()));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("stage", stage.name());
      body.put("promotion", record.name());
      body.put("undoes", Records.text(record, "undoes"));
      body.put("commit", commit);
      body.put("record", record.id());
      List<Map<String, Object>> assets = new ArrayList<>();
      reports.forEach(r -> assets.add(r.toMap()));
      body.put("assets", assets);
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

  private StageUpdater.Update<HistoryRecord> rollback(
      Stage stage, StageState state, StageStore store, Identity who, String head)
      throws ApistageException, IOException {
    List<HistoryRecord> history = state.history();
    Set<String> undone = new HashSet<>();
    for (HistoryRecord r : history) {
      if (r.is(RecordType.ROLLBACK) && Records.text(r, "undoes") != null) {
        undone.add(Records.text(r, "undoes"));
      }
    }
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
    Set<String> keys = new HashSet<>(Records.touched(target));
    for (HistoryRecord later : history) {
      if (later.number() > target.number()
          && later.is(RecordType.PROMOTION)
          && !undone.contains(later.id())) {
        List<String> overlap =
            Records.touched(later).stream().filter(keys::contains).sorted().toList();
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
    String base = Records.text(target, "base");
    StageState before =
        base == null
            ? StageState.empty(stage)
            : store.readAt(stage, base, StageReader.Depth.RESOLVED);
    Map<String, Object> running = new HashMap<>(state.assets());
    Map<String, Asset> authored = new HashMap<>(state.authored());
    Map<String, Asset> aliases = new HashMap<>(state.aliases());
    List<AssetReport> reports = new ArrayList<>();
    for (String key : new TreeSet<>(keys)) {
      String aliasPrefix = "alias/";
      boolean existed;
      if (key.startsWith(aliasPrefix)) {
        String name = key.substring(aliasPrefix.length());
        existed = restore(aliases, name, before.aliases().get(name));
      } else {
        existed = restore(authored, key, before.authored().get(key));
        restore(running, key, before.assets().get(key));
      }
      reports.add(
          new AssetReport(
              key,
              AssetStatus.SUCCESS,
              existed
                  ? "restored as it was before " + target.name()
                  : "removed: " + target.name() + " had created it"));
    }
    int number = state.nextRecordNumber();
    Map<String, Object> content =
        Records.content(
            RecordType.ROLLBACK,
            target.name(),
            null,
            stage.name(),
            who,
            head,
            stage.name(),
            null,
            state.commit(),
            reports,
            List.copyOf(new TreeSet<>(keys)),
            target.id());
    HistoryRecord record =
        new HistoryRecord(number, RecordType.ROLLBACK.id(), target.name(), content);
    List<HistoryRecord> records = new ArrayList<>(history);
    records.add(record);
    StageState.StageContent next =
        new StageState.StageContent(stage.name(), running, authored, aliases, records, record.id());
    String message =
        "Roll back " + target.name() + " on " + stage.name() + "\n\nUndoes " + target.id() + ".";
    return new StageUpdater.Update<>(next, message, record);
  }

  private static <V> boolean restore(Map<String, V> map, String key, V before) {
    if (before == null) {
      map.remove(key);
      return false;
    }
    map.put(key, before);
    return true;
  }

  /** The stage chain declared at HEAD. */
  static StageChain stages(GitRepo git, String head) throws ApistageException, IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, String> e : git.listFiles(head).entrySet()) {
      if (e.getKey().startsWith("stages/") && ConfigLoader.isYaml(e.getKey())) {
        files.put(e.getKey(), git.readBlob(e.getValue()));
      }
    }
    Config config = new ConfigLoader().load(new MemorySource(files));
    StageChain chain = StageChain.of(config);
    List<io.apistage.problem.Problem> problems = new ArrayList<>(config.problems());
    problems.addAll(chain.problems());
    if (Problems.hasErrors(problems)) {
      throw new ApistageException(
          "the stages at HEAD have errors: "
              + problems.get(0).format()
              + "; run mvn apistage:validate");
    }
    if (chain.isEmpty()) {
      throw new ApistageException(
          "this repository declares no stages; add stages/<name>.yaml with kind: Stage");
    }
    return chain;
  }
}
