package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.report.PlanText;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code diff} goal: for one stage or every stage, compares the working copy, resolved for that
 * stage (aliases with the stage's values, secrets left as references), with the stage's state, and
 * lists what a promotion would create, update (field by field) and delete, with the gateway URL of
 * every endpoint. Prints a plan on the console; the result's body is {@code diff.json}, and the
 * report package renders {@code diff.md} for a pull-request comment from it.
 *
 * <p>Every stage, the first and the later ones, is compared with the working copy: the plan shows
 * what each stage will change once the working copy has travelled the chain to it. (A promotion to
 * a later stage takes its source stage's state; when that stage runs the working copy, the two
 * agree.)
 *
 * @since 0.1.0
 */
public final class DiffGoal {

  /** The goal's name and report file name. */
  public static final String GOAL = "diff";

  private final GoalContext context;
  private final DiffRequest request;

  /** The goal for a context and request. */
  public DiffGoal(GoalContext context, DiffRequest request) {
    this.context = context;
    this.request = request;
  }

  /**
   * Runs the goal.
   *
   * @throws ApistageException for an unknown stage or a config root outside a Git work tree
   */
  public GoalResult execute() throws ApistageException, IOException {
    WorkingCopy loaded = WorkingCopy.load(context.configDir());
    List<Problem> problems = new ArrayList<>(loaded.problems());
    if (Problems.hasErrors(problems)) {
      return new GoalResult(
          GOAL,
          "INVALID_CONFIG",
          "the working copy does not load: "
              + Problems.summary(problems)
              + "; fix it (mvn apistage:validate) first",
          problems,
          new DiffReport(List.of()));
    }
    problems.addAll(loaded.chain().problems());
    List<Stage> stages = stages(loaded.chain());
    if (stages.isEmpty()) {
      context.log().info("No stages declared (stages/<name>.yaml); nothing to compare");
      return new GoalResult(
          GOAL, "OK", "no stages to compare", problems, new DiffReport(List.of()));
    }
    List<StageDiff> diffs = new ArrayList<>();
    List<String> notCompared = new ArrayList<>();
    try (GitRepo git = GitRepo.open(context.configDir())) {
      StageStore store = new StageStore(git, request.servers());
      for (Stage stage : stages) {
        List<Problem> stageProblems = new ArrayList<>();
        StageDiff diff = compare(stage, store, loaded, stageProblems);
        problems.addAll(stageProblems);
        if (diff == null) {
          notCompared.add(notCompared(stage, stageProblems));
          continue;
        }
        diffs.add(diff);
        failOnDiff(stage, diff).ifPresent(problems::add);
      }
    }
    DiffReport body = new DiffReport(diffs.stream().map(StageDiff::toReport).toList());
    String message = message(diffs, notCompared);
    if (Problems.hasErrors(problems)) {
      message = Problems.summary(problems) + "; " + message;
    }
    return new GoalResult(GOAL, code(problems), message, problems, body);
  }

  /** The stage asked for, or every stage in chain order. */
  private List<Stage> stages(StageChain chain) throws ApistageException {
    if (request.stage().isPresent()) {
      return List.of(chain.get(request.stage().get()));
    }
    List<Stage> stages = new ArrayList<>();
    for (String name : chain.names()) {
      stages.add(chain.find(name).orElseThrow());
    }
    return stages;
  }

  private String notCompared(Stage stage, List<Problem> stageProblems) {
    String line =
        "Plan for "
            + stage.name()
            + ": not computed; "
            + Problems.summary(stageProblems)
            + " (listed below)";
    context.log().info(line);
    return line;
  }

  /** The drift error of a stage that differs, when {@code apistage.failOnDiff} is set. */
  private Optional<Problem> failOnDiff(Stage stage, StageDiff diff) {
    if (!diff.hasChanges() || !request.failOnDiff()) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            stage.file(),
            Position.FILE,
            "",
            RuleId.DRIFT,
            "stage "
                + stage.name()
                + " differs from the working copy ("
                + diff.summary()
                + ") and apistage.failOnDiff is set; promote the changes or revert them"));
  }

  /**
   * An asset resolved for a stage; when a reference does not resolve, the asset's file is read
   * again so the problems point at their lines.
   */
  private AliasResolver.Resolved resolve(WorkingCopy.Prepared asset, AliasResolver resolver) {
    ParsedFile file =
        new YamlParser().parse(context.configDir().resolve(asset.file()), asset.file());
    if (!file.ok() || !(file.root() instanceof YMap body)) {
      return new AliasResolver.Resolved(null, asset.plain(), Set.of(), file.problems());
    }
    return resolver.resolve(
        new Asset(asset.kind(), asset.name(), asset.major(), asset.file(), null, body));
  }

  /** The diff of one stage, printed as its plan; null when the stage cannot be compared. */
  private StageDiff compare(
      Stage stage, StageStore store, WorkingCopy loaded, List<Problem> problems)
      throws IOException {
    StageState state;
    try {
      state = store.read(stage, StageReader.Depth.RUNNING);
    } catch (StageLocationException e) {
      String field = e.field().yamlName();
      problems.add(
          Problem.error(
              stage.file(),
              StageChain.position(stage, field),
              "/state/" + field,
              RuleId.STAGE_STATE,
              e.getMessage()));
      return null;
    }
    problems.addAll(state.problems());
    AliasResolver resolver = new AliasResolver(loaded.aliases(), stage.name());
    Map<String, Object> desired = desired(loaded, resolver, problems);
    String gatewayUrl = gatewayUrl(stage, resolver, problems);
    if (Problems.hasErrors(problems)) {
      return null;
    }
    StageDiff diff =
        StageDiffer.diff(stage.name(), state.commit(), desired, state.assets(), gatewayUrl);
    PlanText.console(diff.toReport(), header(stage, state), context.log().styler())
        .forEach(context.log()::info);
    return diff;
  }

  /** Every deployable asset of the working copy resolved for the stage, by key. */
  private Map<String, Object> desired(
      WorkingCopy loaded, AliasResolver resolver, List<Problem> problems) {
    Map<String, Object> desired = new ConcurrentSkipListMap<>();
    List<Problem> unresolved = new CopyOnWriteArrayList<>();
    loaded.assets().parallelStream()
        .forEach(
            asset -> {
              if (!asset.usesAliases()) {
                desired.put(asset.key(), asset.plain());
                return;
              }
              Optional<Object> plain = resolver.resolvePlain(asset.plain());
              if (plain.isPresent()) {
                desired.put(asset.key(), plain.get());
                return;
              }
              AliasResolver.Resolved again = resolve(asset, resolver);
              if (again.ok()) {
                desired.put(asset.key(), again.plain());
              } else {
                unresolved.addAll(again.problems());
              }
            });
    problems.addAll(unresolved);
    return desired;
  }

  /** The stage's gateway URL with its aliases resolved, or null when it declares none. */
  private static String gatewayUrl(Stage stage, AliasResolver resolver, List<Problem> problems) {
    if (stage.gatewayUrl() == null) {
      return null;
    }
    Asset stageAsset = new Asset(Kind.STAGE, stage.name(), 0, stage.file(), null, stage.body());
    AliasResolver.Resolved url =
        resolver.resolveString(stageAsset, "/gatewayUrl", stage.gatewayUrl());
    problems.addAll(url.problems());
    return (String) url.plain();
  }

  private static String header(Stage stage, StageState state) {
    return state
        .commit()
        .map(
            c ->
                "Stage "
                    + stage.name()
                    + " (state "
                    + stage.state().describe()
                    + " at "
                    + c.substring(0, 12)
                    + ")")
        .orElse(
            "Stage "
                + stage.name()
                + " (no state yet: "
                + stage.state().describe()
                + " does not exist, so everything is to create)");
  }

  private static String code(List<Problem> problems) {
    if (problems.stream().anyMatch(p -> p.isError() && p.is(RuleId.DRIFT))) {
      return "DIFF_FOUND";
    }
    return Problems.hasErrors(problems) ? "DIFF_FAILED" : "OK";
  }

  private static String message(List<StageDiff> diffs, List<String> notCompared) {
    List<String> parts = new ArrayList<>();
    for (StageDiff d : diffs) {
      parts.add(d.stage() + ": " + (d.hasChanges() ? d.summary() : "no changes"));
    }
    String compared =
        Problems.plural(diffs.size(), "stage")
            + " compared"
            + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    return notCompared.isEmpty()
        ? compared
        : compared + ", " + Problems.plural(notCompared.size(), "stage") + " not compared";
  }
}
