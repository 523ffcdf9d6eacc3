package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.report.AtomicFiles;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.StringCache;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code diff} goal: for one stage or every stage, compares the working copy, resolved for that
 * stage (aliases with the stage's values, secrets left as references), with the stage's state, and
 * lists what a promotion would create, update (field by field) and delete, with the gateway URL of
 * every endpoint. Prints a plan on the console and writes {@code diff.json} (the result's body) and
 * {@code diff.md} for a pull-request comment.
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
    Loaded loaded = load();
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
    StageChain chain = loaded.chain();
    problems.addAll(chain.problems());
    List<Stage> stages = new ArrayList<>();
    if (request.stage().isPresent()) {
      stages.add(chain.get(request.stage().get()));
    } else {
      for (String name : chain.names()) {
        stages.add(chain.find(name).orElseThrow());
      }
    }
    if (stages.isEmpty()) {
      context.log().info("No stages declared (stages/<name>.yaml); nothing to compare");
      writeMarkdown(List.of(), List.of());
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
          String line =
              "Plan for "
                  + stage.name()
                  + ": not computed; "
                  + Problems.summary(stageProblems)
                  + " (listed below)";
          context.log().info(line);
          notCompared.add(line);
          continue;
        }
        diffs.add(diff);
        if (diff.hasChanges() && request.failOnDiff()) {
          problems.add(
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
      }
    }
    writeMarkdown(diffs, notCompared);
    DiffReport body = new DiffReport(diffs.stream().map(StageDiff::toReport).toList());
    String message = message(diffs, notCompared);
    if (Problems.hasErrors(problems)) {
      message = Problems.summary(problems) + "; " + message;
    }
    return new GoalResult(GOAL, code(problems), message, problems, body);
  }

  /**
   * The working copy as the diff needs it: each deployable asset in plain normalized form (its YAML
   * tree is not kept: 10,000 Apis would not fit the heap twice), the aliases and the stages.
   */
  private record Loaded(
      List<Prepared> assets,
      Map<String, Asset> aliases,
      StageChain chain,
      List<Problem> problems) {}

  /** One deployable asset of the working copy: where it is and its normalized document. */
  private record Prepared(
      Kind kind, String name, int major, String file, Object plain, boolean usesAliases) {
    String key() {
      return Asset.key(kind, name, major);
    }
  }

  /** One file of the working copy as read: a deployable asset in plain form, or a whole asset. */
  private record Read(Prepared prepared, Asset whole, List<Problem> problems) {}

  /**
   * Reads the working copy file by file, keeping each deployable asset only in plain form as soon
   * as it is parsed, and the aliases and stages whole; files of other kinds are not read.
   */
  private Loaded load() throws IOException {
    DirectorySource source = new DirectorySource(context.configDir());
    List<Problem> problems = new ArrayList<>(source.skipped());
    Map<String, String> seen = new HashMap<>();
    List<String> files = new ArrayList<>();
    for (String path : source.paths()) {
      Optional<ConfigLoader.Placement> place =
          ConfigLoader.isYaml(path) ? ConfigLoader.place(path) : Optional.empty();
      if (place.isEmpty()
          || !(StageLayout.isDeployable(place.get().kind())
              || place.get().kind() == Kind.ALIAS
              || place.get().kind() == Kind.STAGE)) {
        continue;
      }
      Optional<Problem> again = ConfigLoader.claim(seen, place.get(), path);
      if (again.isPresent()) {
        problems.add(again.get());
      } else {
        files.add(path);
      }
    }
    YamlParser parser = new YamlParser();
    Path root = source.root();
    List<Read> read =
        files.parallelStream()
            .map(
                path -> {
                  ConfigLoader.Placement p = ConfigLoader.place(path).orElseThrow();
                  ParsedFile file = parser.parse(root.resolve(path), path);
                  if (!file.ok()) {
                    return new Read(null, null, file.problems());
                  }
                  if (!(file.root() instanceof YMap body)) {
                    return new Read(
                        null,
                        null,
                        List.of(
                            Problem.error(
                                path,
                                file.root().position(),
                                "",
                                RuleId.SCHEMA,
                                "the document must be a mapping with kind, name and the fields of its kind")));
                  }
                  if (!StageLayout.isDeployable(p.kind())) {
                    return new Read(
                        null,
                        new Asset(p.kind(), p.name(), p.major(), path, null, body),
                        List.of());
                  }
                  Object plain = StringCache.shareAll(TreeDiff.normalize(body.toPlain()));
                  Prepared prepared =
                      new Prepared(
                          p.kind(),
                          p.name(),
                          p.major(),
                          path,
                          plain,
                          AliasResolver.mentionsAlias(plain));
                  return new Read(prepared, null, file.problems());
                })
            .toList();
    List<Prepared> assets = new ArrayList<>();
    Map<String, Asset> aliases = new TreeMap<>();
    List<Stage> stages = new ArrayList<>();
    for (Read item : read) {
      problems.addAll(item.problems());
      if (item.prepared() != null) {
        assets.add(item.prepared());
      } else if (item.whole() != null && item.whole().kind() == Kind.ALIAS) {
        aliases.put(item.whole().name(), item.whole());
      } else if (item.whole() != null) {
        stages.add(Stage.of(item.whole()));
      }
    }
    return new Loaded(assets, aliases, StageChain.of(stages), problems);
  }

  /**
   * An asset resolved for a stage; when a reference does not resolve, the asset's file is read
   * again so the problems point at their lines.
   */
  private AliasResolver.Resolved resolve(Prepared asset, AliasResolver resolver) {
    ParsedFile file =
        new YamlParser().parse(context.configDir().resolve(asset.file()), asset.file());
    if (!file.ok() || !(file.root() instanceof YMap body)) {
      return new AliasResolver.Resolved(null, asset.plain(), Set.of(), file.problems());
    }
    return resolver.resolve(
        new Asset(asset.kind(), asset.name(), asset.major(), asset.file(), null, body));
  }

  private StageDiff compare(Stage stage, StageStore store, Loaded loaded, List<Problem> problems)
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
              } else {
                AliasResolver.Resolved again = resolve(asset, resolver);
                if (again.ok()) {
                  desired.put(asset.key(), again.plain());
                } else {
                  unresolved.addAll(again.problems());
                }
              }
            });
    problems.addAll(unresolved);
    String gatewayUrl = null;
    if (stage.gatewayUrl() != null) {
      Asset stageAsset = new Asset(Kind.STAGE, stage.name(), 0, stage.file(), null, stage.body());
      AliasResolver.Resolved url =
          resolver.resolveString(stageAsset, "/gatewayUrl", stage.gatewayUrl());
      problems.addAll(url.problems());
      gatewayUrl = (String) url.plain();
    }
    if (Problems.hasErrors(problems)) {
      return null;
    }
    StageDiff diff =
        StageDiffer.diff(stage.name(), state.commit(), desired, state.assets(), gatewayUrl);
    String header =
        state
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
    PlanText.console(diff, header).forEach(context.log()::info);
    return diff;
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

  private void writeMarkdown(List<StageDiff> diffs, List<String> notCompared) throws IOException {
    AtomicFiles.write(
        context.reportDir().resolve(GOAL + ".md"), PlanText.markdown(diffs, notCompared));
  }
}
