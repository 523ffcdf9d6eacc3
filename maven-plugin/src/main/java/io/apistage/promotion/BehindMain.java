package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.model.TreeDiff;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problems;
import io.apistage.stage.DiffRequest;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How far a stage is behind the main branch, and why: every promotable asset whose authored form on
 * the stage differs from main's, with the reason no promotion has brought it (none selects it, its
 * source stage lacks it, it was applied before the source had it, or it is pending), and what to
 * do. Read-only: it judges with the promotions, the stage's history and the source's contents the
 * promote planner uses, and changes nothing.
 *
 * <pre>
 * dev: api/orders@1 1.0.0 → 1.1.0 not applied; no pending promotion brings it: add one to
 *   promotions/ or set `track: main` on dev
 * </pre>
 *
 * @since 0.1.0
 */
public final class BehindMain {

  private final Config main;
  private final List<PromotionSpec> specs;
  private final String mainLabel;

  /**
   * The judge for one main branch commit.
   *
   * @param main the assets on main as authored
   * @param specs the promotions on main that parse and follow the chain
   * @param mainLabel the main branch's name
   */
  public BehindMain(Config main, List<PromotionSpec> specs, String mainLabel) {
    this.main = main;
    this.specs = List.copyOf(specs);
    this.mainLabel = mainLabel;
  }

  /**
   * A diff's result with, for each stage it compared, why the stage is behind the checked-out
   * commit, the lines printed under the plans (at most {@value PromoteGoal#MAX_BEHIND} per stage)
   * and added to {@code diff.json}. A diff that did not compute changes nothing.
   */
  public static GoalResult explainDiff(GoalResult diff, GoalContext context, DiffRequest request)
      throws ApistageException, IOException {
    if (!(diff.body() instanceof DiffReport report)) {
      return diff;
    }
    // a stage that runs the working copy lacks nothing of it: only the others are read again
    Set<String> differing = new TreeSet<>();
    report.stages().stream()
        .filter(DiffReport.StagePlan::hasChanges)
        .forEach(p -> differing.add(p.stage()));
    if (differing.isEmpty()) {
      return diff;
    }
    List<String> lines = atHead(context.configDir(), request.servers(), differing::contains);
    if (lines.isEmpty()) {
      return diff;
    }
    context.log().info("Behind the checked-out commit, and why:");
    Map<String, Integer> shown = new TreeMap<>();
    for (String line : lines) {
      String stage = line.substring(0, line.indexOf(':'));
      if (shown.merge(stage, 1, Integer::sum) <= PromoteGoal.MAX_BEHIND) {
        context.log().info("  " + line);
      }
    }
    shown.forEach(
        (stage, n) -> {
          if (n > PromoteGoal.MAX_BEHIND) {
            context
                .log()
                .info(
                    "  "
                        + stage
                        + ": … and "
                        + (n - PromoteGoal.MAX_BEHIND)
                        + " more in diff.json (behind)");
          }
        });
    return new GoalResult(
        diff.goal(), diff.code(), diff.message(), diff.problems(), report.withBehind(lines));
  }

  /**
   * The lines of the stages {@code stages} accepts, as the stages are now, judged against the
   * checked-out commit: what {@code diff} adds to its plan. A commit whose files do not load gives
   * none (validate says why); a stage whose state cannot be read gives a line saying so.
   */
  public static List<String> atHead(
      Path configDir, Map<String, GitCredentials> servers, Predicate<String> stages)
      throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(configDir)) {
      Optional<String> head = git.head();
      if (head.isEmpty()) {
        return List.of();
      }
      Map<String, String> listing = git.listFiles(head.get(), new ArrayList<>());
      Map<String, byte[]> files = HeadSource.read(git, listing, path -> true);
      Config config = new ConfigLoader().load(new MemorySource(files));
      StageChain chain = StageChain.of(config);
      if (Problems.hasErrors(config.problems()) || Problems.hasErrors(chain.problems())) {
        return List.of();
      }
      List<PromotionSpec> specs = new ArrayList<>();
      for (Asset promotion : config.all(Kind.PROMOTION)) {
        PromotionSpec spec = PromotionSpec.parse(promotion, files.get(promotion.file())).spec();
        if (spec != null) {
          specs.add(spec);
        }
      }
      BehindMain judge = new BehindMain(config, specs, config.settings().mainBranch());
      StageStore store = new StageStore(git, servers);
      List<String> out = new ArrayList<>();
      for (Stage stage : chain.order()) {
        if (stages.test(stage.name())) {
          out.addAll(judge.explain(stage, store, chain));
        }
      }
      return out;
    }
  }

  /** One stage's lines, its state and its source's read from the store. */
  private List<String> explain(Stage stage, StageStore store, StageChain chain) throws IOException {
    try {
      StageState state = store.read(stage, StageReader.Depth.AUTHORED);
      Config source = null;
      if (!stage.isFirst()) {
        StageState from = store.read(chain.get(stage.promotesFrom()), StageReader.Depth.AUTHORED);
        source =
            PromotionSources.asConfig(
                new Planner.Contents(from.assets(), from.authored(), from.aliases()));
      }
      return explain(stage, state, source);
    } catch (ApistageException e) {
      return List.of(stage.name() + ": not compared with " + mainLabel + ": " + e.getMessage());
    }
  }

  /**
   * The lines of one stage, in key order: {@code <stage>: <what differs>; <why and what to do>}.
   *
   * @param stage the stage
   * @param state its state, authored copies, aliases and history read
   * @param source what its source stage holds as authored (null for a first stage, which takes
   *     main)
   */
  public List<String> explain(Stage stage, StageState state, Config source) {
    Map<String, Asset> there = new TreeMap<>(state.authored());
    state.aliases().values().forEach(a -> there.put(a.key(), a));
    Set<String> keys = new TreeSet<>();
    main.assets().values().stream()
        .filter(a -> PromotionSpec.PROMOTABLE.contains(a.kind()))
        .forEach(a -> keys.add(a.key()));
    keys.addAll(there.keySet());
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      Asset want = main.assets().get(key);
      Asset have = there.get(key);
      if (same(want, have)) {
        continue;
      }
      out.add(
          stage.name()
              + ": "
              + change(key, want, have, stage.name())
              + "; "
              + reason(stage, state, key, source));
    }
    return out;
  }

  private static boolean same(Asset want, Asset have) {
    if (want == null || have == null) {
      return want == have;
    }
    return want.body() == have.body()
        || TreeDiff.same(
            TreeDiff.normalize(want.body().toPlain()), TreeDiff.normalize(have.body().toPlain()));
  }

  /** "api/orders@1 1.0.0 → 1.1.0 not applied", or its form for a new or removed asset. */
  private String change(String key, Asset want, Asset have, String stage) {
    if (want == null) {
      return key + " removed on " + mainLabel + ", still on " + stage;
    }
    String to = version(want);
    if (have == null) {
      return key + (to == null ? "" : " " + to) + " not on " + stage;
    }
    String from = version(have);
    if (from != null && to != null && !from.equals(to)) {
      return key + " " + from + " → " + to + " not applied";
    }
    return key + (to == null ? "" : " " + to) + " differs from " + mainLabel + ", not applied";
  }

  private static String version(Asset asset) {
    return asset.kind() == Kind.API ? asset.str("version") : null;
  }

  /** Why no promotion has brought the asset, and what to do. */
  private String reason(Stage stage, StageState state, String key, Config source) {
    Asset asset = main.assets().get(key);
    if (stage.isFirst() && stage.track() != null) {
      return stage.name()
          + " tracks "
          + mainLabel
          + ": mvn apistage:promote on "
          + mainLabel
          + " brings it";
    }
    List<PromotionSpec> bringing = new ArrayList<>();
    for (PromotionSpec spec : specs) {
      if (spec.to().contains(stage.name())
          && asset != null
          && spec.selectors().stream().anyMatch(s -> s.matches(asset))) {
        bringing.add(spec);
      }
    }
    if (bringing.isEmpty()) {
      return "no pending promotion brings it: add one to promotions/"
          + (stage.isFirst() ? " or set `track: main` on " + stage.name() : "");
    }
    PromotionSpec spec = bringing.get(0);
    String from = stage.source().orElse(mainLabel);
    if (source != null && !same(asset, source.assets().get(key))) {
      Asset atSource = source.assets().get(key);
      String has =
          atSource == null
              ? "does not have it"
              : "has " + Optional.ofNullable(version(atSource)).orElse("another content");
      return "promotion "
          + spec.name()
          + " brings it from "
          + from
          + ", which "
          + has
          + ": "
          + from
          + " gets it first";
    }
    if (HistoryContent.applied(state.history(), spec.name(), spec.hash())) {
      return "promotion "
          + spec.name()
          + " was applied to "
          + stage.name()
          + " with this content before "
          + from
          + " had it: change "
          + spec.file()
          + " or promote with -Dapistage.repromote=true";
    }
    return "promotion "
        + spec.name()
        + " is pending: mvn apistage:promote on "
        + mainLabel
        + " applies it";
  }
}
