package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.model.Settings;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.rules.PromotionChainRule;
import io.apistage.rules.ReferenceRule;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The {@code promote} goal: applies the promotions of the checked-out commit (which must be on the
 * main branch) that a target stage has not received with their current content, stage by stage in
 * promotion order, each stage with one atomic commit, and reports per promotion, stage and asset.
 *
 * @since 0.1.0
 */
public final class PromoteGoal {

  /** The name under which a first stage's {@code track: main} update is reported and recorded. */
  public static final String TRACK_MAIN = "track-main";

  private final GoalContext context;
  private final PromoteRequest request;
  private final Log log;

  /** The goal for a context and request. */
  public PromoteGoal(GoalContext context, PromoteRequest request) {
    this.context = context;
    this.request = request;
    this.log = context.log();
  }

  /**
   * One promotion's outcome on one stage, as in {@code promote.json}.
   *
   * @param name the promotion
   * @param stage the target stage
   * @param status success, failure or skipped
   * @param commit the stage commit that applied it, or null
   * @param reason why it was skipped or failed, or null
   * @param assets the per-asset report
   */
  record Outcome(
      String name,
      String stage,
      String status,
      String commit,
      String reason,
      List<AssetReport> assets) {
    Outcome {
      assets = List.copyOf(assets);
    }

    Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", name);
      out.put("stage", stage);
      out.put("status", status);
      out.put("commit", commit);
      if (reason != null) {
        out.put("reason", reason);
      }
      List<Map<String, Object>> list = new ArrayList<>();
      assets.forEach(a -> list.add(a.toMap()));
      out.put("assets", list);
      return out;
    }
  }

  /** The warning for a symbolic link committed where asset files are read. */
  private static Problem linkSkipped(String path) {
    return Problem.warning(
        path,
        Position.FILE,
        "",
        RuleId.LAYOUT,
        "symbolic link not followed: "
            + path
            + " is committed as a link; apistage reads only regular files, so promote does not see"
            + " it");
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      List<String> links = new ArrayList<>();
      Map<String, String> listing = git.listFiles(head, links);
      Map<String, byte[]> files = read(git, listing, PromoteGoal::isControlFile);
      Config config = new ConfigLoader().load(new MemorySource(files));
      List<Problem> problems = new ArrayList<>(config.problems());
      links.stream()
          .filter(ConfigLoader::isReadPath)
          .map(PromoteGoal::linkSkipped)
          .forEach(problems::add);
      StageChain chain = StageChain.of(config);
      problems.addAll(chain.problems());
      if (Problems.hasErrors(problems)) {
        return result(problems, List.of(), head, "nothing promoted: " + Problems.summary(problems));
      }
      if (chain.isEmpty()) {
        throw new ApistageException(
            "this repository declares no stages; add stages/<name>.yaml with kind: Stage");
      }
      Settings settings = config.settings();
      if (!request.dryRun()) {
        MainBranch.require(git, settings.mainBranch(), head, "promote applies promotions");
      }
      List<PromotionSpec> specs = specs(config, files, problems);
      Identity who = Who.of(context.env(), git, head, request.clock().instant());
      log.info(
          "apistage promote: commit "
              + head.substring(0, 7)
              + ", stages "
              + String.join(" -> ", chain.names())
              + (request.dryRun() ? " (dry run: nothing is written)" : ""));

      StageStore store = new StageStore(git, request.servers());
      TreeRenderer renderer = new TreeRenderer(git);
      StageReader reader = new StageReader(git, store, renderer);
      StageUpdater updater = new StageUpdater(store, reader, renderer, log);
      HeadSource main = new HeadSource(git, listing, settings.mainBranch(), log, renderer);
      Map<String, Planner.Contents> dryRunContents = new HashMap<>();
      List<Outcome> outcomes = new ArrayList<>();
      for (Stage stage : chain.order()) {
        List<PromotionSpec> work = new ArrayList<>();
        boolean tracks =
            stage.isFirst()
                && stage.track() != null
                && (stage.track().equals("main") || stage.track().equals(settings.mainBranch()))
                && (request.promotion() == null || TRACK_MAIN.equals(request.promotion()));
        if (tracks) {
          work.add(trackSpec(stage));
        }
        for (PromotionSpec spec : specs) {
          if (spec.to().contains(stage.name())) {
            work.add(spec);
          }
        }
        if (work.isEmpty()) {
          continue;
        }
        List<Outcome> stageOutcomes;
        try {
          StageUpdater.Done<StageRun> done =
              updater.update(
                  stage,
                  state -> plan(stage, state, work, main, chain, reader, dryRunContents, who, head),
                  who,
                  request.dryRun());
          StageRun run = done.result();
          if (request.dryRun() && run.content() != null) {
            dryRunContents.put(stage.name(), run.contents());
          }
          String commit = done.commit().orElse(null);
          stageOutcomes = new ArrayList<>();
          for (Outcome o : run.outcomes()) {
            stageOutcomes.add(
                "success".equals(o.status())
                    ? new Outcome(o.name(), o.stage(), o.status(), commit, o.reason(), o.assets())
                    : o);
          }
        } catch (ApistageException e) {
          stageOutcomes = new ArrayList<>();
          for (PromotionSpec spec : work) {
            stageOutcomes.add(
                new Outcome(spec.name(), stage.name(), "failure", null, e.getMessage(), List.of()));
          }
        }
        for (Outcome o : stageOutcomes) {
          print(o);
          if ("failure".equals(o.status())) {
            problems.add(
                Problem.error(
                    file(specs, o.name()),
                    Position.FILE,
                    "",
                    RuleId.PROMOTION,
                    "promotion " + o.name() + " failed on " + o.stage() + ": " + o.reason()));
          }
        }
        outcomes.addAll(stageOutcomes);
      }
      long applied = outcomes.stream().filter(o -> "success".equals(o.status())).count();
      long skipped = outcomes.stream().filter(o -> "skipped".equals(o.status())).count();
      long failed = outcomes.stream().filter(o -> "failure".equals(o.status())).count();
      String message =
          (request.dryRun()
                  ? "promote (dry run): " + applied + " would be applied, "
                  : "promote: " + applied + " applied, ")
              + skipped
              + " skipped, "
              + failed
              + " failed";
      return result(problems, outcomes, head, message);
    }
  }

  /** What one stage's run computed: per-promotion outcomes and the content to write. */
  private record StageRun(
      List<Outcome> outcomes, StageState.StageContent content, Planner.Contents contents) {}

  private StageUpdater.Update<StageRun> plan(
      Stage stage,
      StageState state,
      List<PromotionSpec> work,
      HeadSource main,
      StageChain chain,
      StageReader reader,
      Map<String, Planner.Contents> dryRunContents,
      Identity who,
      String head)
      throws ApistageException, IOException {
    Planner planner = new Planner();
    Planner.Contents contents =
        new Planner.Contents(state.assets(), state.authored(), state.aliases());
    Planner.Source source;
    String sourceStageCommit = null;
    if (stage.isFirst()) {
      source = main.get();
    } else {
      Stage from = chain.get(stage.promotesFrom());
      Planner.Contents fromContents = dryRunContents.get(from.name());
      if (fromContents == null) {
        StageState fromState = reader.read(from, false);
        sourceStageCommit = fromState.commit().orElse(null);
        fromContents =
            new Planner.Contents(fromState.assets(), fromState.authored(), fromState.aliases());
      }
      source = new Planner.Source(asConfig(fromContents), from.name());
    }
    List<HistoryRecord> history = new ArrayList<>(state.history());
    int number = state.nextRecordNumber();
    List<Outcome> outcomes = new ArrayList<>();
    List<String> applied = new ArrayList<>();
    String lastRecord = state.lastRecord();
    for (PromotionSpec spec : work) {
      boolean mirror = TRACK_MAIN.equals(spec.name()) && spec.file() == null;
      if (!mirror && !request.repromote() && Records.applied(history, spec.name(), spec.hash())) {
        outcomes.add(
            new Outcome(
                spec.name(),
                stage.name(),
                "skipped",
                null,
                "already applied to "
                    + stage.name()
                    + " with this content; edit "
                    + spec.file()
                    + " or pass -Dapistage.repromote=true to apply it again",
                List.of()));
        continue;
      }
      Planner.Plan plan = planner.plan(spec, source, stage.name(), contents, mirror);
      if (plan.failed()) {
        long failures =
            plan.reports().stream().filter(r -> r.status() == AssetStatus.FAILURE).count();
        outcomes.add(
            new Outcome(
                spec.name(),
                stage.name(),
                "failure",
                null,
                failures
                    + " asset"
                    + (failures == 1 ? "" : "s")
                    + " failed; nothing of it was applied to "
                    + stage.name(),
                plan.reports()));
        continue;
      }
      if (mirror && plan.touched().isEmpty()) {
        outcomes.add(
            new Outcome(
                spec.name(),
                stage.name(),
                "skipped",
                null,
                stage.name()
                    + " is already in line with "
                    + main.label()
                    + " at "
                    + head.substring(0, 7),
                List.of()));
        continue;
      }
      contents = plan.after();
      Map<String, Object> content =
          Records.content(
              Records.PROMOTION,
              spec.name(),
              mirror ? null : spec,
              stage.name(),
              who,
              head,
              source.label(),
              sourceStageCommit,
              state.commit(),
              plan.reports(),
              plan.touched(),
              null);
      if (mirror) {
        content.put("hash", head);
      }
      HistoryRecord record = new HistoryRecord(number++, Records.PROMOTION, spec.name(), content);
      history.add(record);
      lastRecord = record.id();
      applied.add(spec.name());
      outcomes.add(new Outcome(spec.name(), stage.name(), "success", null, null, plan.reports()));
    }
    if (applied.isEmpty()) {
      return new StageUpdater.Update<>(null, null, new StageRun(outcomes, null, null));
    }
    StageState.StageContent next =
        new StageState.StageContent(
            stage.name(),
            contents.running(),
            contents.authored(),
            contents.aliases(),
            history,
            lastRecord);
    String message =
        "Promote "
            + String.join(", ", applied)
            + " to "
            + stage.name()
            + "\n\nFrom "
            + source.label()
            + (sourceStageCommit == null ? "" : " at " + sourceStageCommit)
            + ", "
            + main.label()
            + " at "
            + head
            + ".";
    return new StageUpdater.Update<>(next, message, new StageRun(outcomes, next, contents));
  }

  /**
   * Stage and promotion files and the settings: all the goal reads at HEAD unless the first stage
   * has work.
   */
  private static boolean isControlFile(String path) {
    return path.startsWith(Kind.STAGE.folder() + "/")
        || path.startsWith(Kind.PROMOTION.folder() + "/")
        || path.equals("apistage.yaml")
        || path.equals("apistage.yml");
  }

  private static Map<String, byte[]> read(
      GitRepo git, Map<String, String> listing, Predicate<String> which) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, String> e : listing.entrySet()) {
      if (ConfigLoader.isYaml(e.getKey()) && which.test(e.getKey())) {
        files.put(e.getKey(), git.readBlob(e.getValue()));
      }
    }
    return files;
  }

  /** The whole config at HEAD, read the first time a first stage needs it. */
  private static final class HeadSource {
    private final GitRepo git;
    private final Map<String, String> listing;
    private final String label;
    private Planner.Source source;

    private final Log log;
    private final TreeRenderer renderer;

    HeadSource(
        GitRepo git, Map<String, String> listing, String label, Log log, TreeRenderer renderer) {
      this.log = log;
      this.renderer = renderer;
      this.git = git;
      this.listing = listing;
      this.label = label;
    }

    String label() {
      return label;
    }

    Planner.Source get() throws ApistageException, IOException {
      if (source == null) {
        long started = System.nanoTime();
        Map<String, byte[]> files = read(git, listing, path -> true);
        Config config = new ConfigLoader().load(new MemorySource(files));
        for (Asset asset : config.assets().values()) {
          renderer.authored(asset.body(), files.get(asset.file()));
        }
        log.debug(
            "read "
                + config.assets().size()
                + " assets at HEAD in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
        List<Problem> errors = config.problems().stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
          throw new ApistageException(
              "the config at HEAD has "
                  + Problems.summary(errors)
                  + ", first "
                  + errors.get(0).format()
                  + "; run mvn apistage:validate and fix them before promoting");
        }
        source = new Planner.Source(config, label);
      }
      return source;
    }
  }

  private static Config asConfig(Planner.Contents contents) {
    Map<String, Asset> assets = new TreeMap<>(contents.authored());
    contents.aliases().values().forEach(a -> assets.put(a.key(), a));
    return new Config(assets, Settings.DEFAULTS, List.of(), List.of());
  }

  private PromotionSpec trackSpec(Stage stage) {
    return new PromotionSpec(
        TRACK_MAIN,
        "the first stage follows the main branch",
        null,
        List.of(stage.name()),
        List.of(),
        Include.ALL,
        Include.ALL,
        Overwrite.ALL,
        false,
        null,
        "",
        null);
  }

  private List<PromotionSpec> specs(
      Config config, Map<String, byte[]> files, List<Problem> problems) throws ApistageException {
    List<Asset> promotions = config.all(Kind.PROMOTION);
    if (TRACK_MAIN.equals(request.promotion())) {
      return List.of();
    }
    if (request.promotion() != null) {
      List<Asset> named =
          promotions.stream().filter(a -> a.name().equals(request.promotion())).toList();
      if (named.isEmpty()) {
        throw new ApistageException(
            "no promotion named '"
                + request.promotion()
                + "' (apistage.promotion) at HEAD"
                + (promotions.isEmpty()
                    ? "; promotions/ is empty"
                    : "; known: "
                        + String.join(", ", promotions.stream().map(Asset::name).toList()))
                + "; pass one with -Dapistage.promotion=<name>, or omit it for every pending promotion");
      }
      promotions = named;
    }
    List<PromotionSpec> out = new ArrayList<>();
    for (Asset asset : promotions) {
      PromotionSpec.Parsed parsed = PromotionSpec.parse(asset, files.get(asset.file()));
      List<Problem> found = new ArrayList<>(parsed.problems());
      if (parsed.spec() != null) {
        // the stages it names exist, and it follows their chain: validate's rules, as validate says
        found.addAll(ReferenceRule.unknownStages(config, asset));
        found.addAll(PromotionChainRule.check(config, asset));
      }
      if (found.isEmpty()) {
        out.add(parsed.spec());
      } else {
        problems.addAll(found);
      }
    }
    return out;
  }

  private static String file(List<PromotionSpec> specs, String name) {
    for (PromotionSpec spec : specs) {
      if (spec.name().equals(name) && spec.file() != null) {
        return spec.file();
      }
    }
    return "stages";
  }

  private void print(Outcome o) {
    StringBuilder line = new StringBuilder(o.name() + " -> " + o.stage() + ": " + o.status());
    if (o.commit() != null) {
      line.append(", commit ").append(o.commit(), 0, 7);
    } else if (request.dryRun() && "success".equals(o.status())) {
      line.append(" (dry run, not written)");
    }
    if (o.reason() != null) {
      line.append(": ").append(o.reason());
    }
    if ("failure".equals(o.status())) {
      log.error(line.toString());
    } else {
      log.info(line.toString());
    }
    for (AssetReport report : o.assets()) {
      if (report.status() == AssetStatus.FAILURE) {
        log.error(report.format());
      } else if (report.status() == AssetStatus.WARNING) {
        log.warn(report.format());
      } else {
        log.info(report.format());
      }
    }
  }

  private GoalResult result(
      List<Problem> problems, List<Outcome> outcomes, String head, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dryRun", request.dryRun());
    body.put("sourceCommit", head);
    List<Map<String, Object>> list = new ArrayList<>();
    outcomes.forEach(o -> list.add(o.toMap()));
    body.put("promotions", list);
    boolean failed = Problems.hasErrors(problems);
    return new GoalResult(
        "promote",
        failed ? "PROMOTION_FAILED" : "OK",
        failed ? message + "; " + Problems.summary(problems) : message,
        problems,
        body);
  }
}
