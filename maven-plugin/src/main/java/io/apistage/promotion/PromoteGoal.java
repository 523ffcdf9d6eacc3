package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.model.Settings;
import io.apistage.notice.NoticeRun;
import io.apistage.notice.NotifyGoal;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.report.PlanText;
import io.apistage.rules.PromotionChainRule;
import io.apistage.rules.ReferenceRule;
import io.apistage.stage.Operator;
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

/**
 * The {@code promote} goal: applies the promotions of the checked-out commit (which must be on the
 * main branch) that a target stage has not received with their current content, stage by stage in
 * promotion order, each stage with one atomic commit ({@link StagePromotion}), and reports per
 * promotion, stage and asset ({@link PromoteReport}).
 *
 * @since 0.1.0
 */
public final class PromoteGoal {

  /** The name under which a first stage's {@code track: main} update is reported and recorded. */
  public static final String TRACK_MAIN = "track-main";

  /** Most lines behind main printed per stage; promote.json has them all. */
  static final int MAX_BEHIND = 20;

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
   * What the goal reads at the checked-out commit before it touches a stage.
   *
   * @param listing every file of the commit, path to blob id
   * @param files the stage and promotion files and the settings, by path
   * @param config those files loaded
   * @param chain the stages
   * @param problems what loading them found
   */
  record Control(
      Map<String, String> listing,
      Map<String, byte[]> files,
      Config config,
      StageChain chain,
      List<Problem> problems) {}

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      Control control = control(git, head);
      List<Problem> problems = control.problems();
      if (Problems.hasErrors(problems)) {
        return new PromoteReport(request.dryRun(), head, List.of())
            .result(problems, "nothing promoted: " + Problems.summary(problems));
      }
      StageChain chain = control.chain();
      if (chain.isEmpty()) {
        throw new ApistageException(
            "this repository declares no stages; add stages/<name>.yaml with kind: Stage");
      }
      Settings settings = control.config().settings();
      if (!request.dryRun()) {
        MainBranch.require(git, settings.mainBranch(), head, "promote applies promotions");
      }
      List<PromotionSpec> specs = specs(control.config(), control.files(), problems);
      log.info(
          "apistage promote: commit "
              + head.substring(0, 7)
              + ", stages "
              + String.join(" -> ", chain.names())
              + (request.dryRun() ? " (dry run: nothing is written)" : ""));
      TreeRenderer renderer = new TreeRenderer(git);
      StageStore store = new StageStore(git, request.servers(), renderer);
      StageUpdater updater = new StageUpdater(store, renderer, log);
      HeadSource main =
          new HeadSource(git, control.listing(), settings.mainBranch(), log, renderer);
      List<Problem> invalid = main.validate();
      if (Problems.hasErrors(invalid)) {
        // a promotion of an asset that does not exist would otherwise apply as an empty commit
        return new PromoteReport(request.dryRun(), head, List.of())
            .result(
                invalid,
                "nothing promoted: commit "
                    + head.substring(0, 7)
                    + " does not validate; fix what mvn apistage:validate reports, then promote");
      }
      PromotionSources sources = new PromotionSources(main, chain, store);
      Identity who = Operator.of(context.env(), git, head, request.clock().instant());
      Run run = new Run(sources, updater, who, head);
      for (Stage stage : chain.order()) {
        run.stage(stage, work(stage, settings, specs), problems);
      }
      if (!request.dryRun()) {
        deliverNotices(git, chain, who);
      }
      BehindMain judge = new BehindMain(main.get().config(), specs, settings.mainBranch());
      List<String> behind = run.behind(chain, store, judge);
      PromoteReport report =
          new PromoteReport(request.dryRun(), head, run.outcomes, run.changes, behind);
      return report.result(problems, report.summary());
    }
  }

  /** One run over the stages: the outcomes and changes so far. */
  private final class Run {
    private final PromotionSources sources;
    private final StageUpdater updater;
    private final Identity who;
    private final String head;
    private final List<PromotionOutcome> outcomes = new ArrayList<>();
    private final List<DiffReport.StagePlan> changes = new ArrayList<>();
    private final Set<String> received = new HashSet<>();

    Run(PromotionSources sources, StageUpdater updater, Identity who, String head) {
      this.sources = sources;
      this.updater = updater;
      this.who = who;
      this.head = head;
    }

    /** Applies a stage's promotions, prints their outcomes and what they change. */
    void stage(Stage stage, List<PromotionSpec> work, List<Problem> problems) throws IOException {
      if (work.isEmpty()) {
        return;
      }
      StagePromotion promotion = new StagePromotion(stage, work, sources, who, request, head);
      List<PromotionOutcome> done = promotion.run(updater);
      done.forEach(o -> reportOutcome(o, stage, work, problems));
      outcomes.addAll(done);
      if (done.stream().anyMatch(o -> o.status() == PromotionOutcome.Status.SUCCESS)) {
        received.add(stage.name());
      }
      promotion
          .change()
          .ifPresent(
              change -> {
                changes.add(change);
                String header =
                    request.dryRun()
                        ? "Stage " + stage.name() + ": what the promotions would change (dry run)"
                        : "Stage " + stage.name() + ": what the promotions changed";
                PlanText.console(change, header, log.styler()).forEach(log::info);
              });
    }

    /**
     * For each stage that received nothing, the assets it lacks of main with the reason, printed; a
     * stage whose state cannot be read is left out (its promotions said why).
     */
    List<String> behind(StageChain chain, StageStore store, BehindMain judge) throws IOException {
      List<String> out = new ArrayList<>();
      for (Stage stage : chain.order()) {
        if (received.contains(stage.name())) {
          continue;
        }
        try {
          StageState state = store.read(stage, StageReader.Depth.AUTHORED);
          Config source = stage.isFirst() ? null : sources.of(stage).source().config();
          out.addAll(judge.explain(stage, state, source));
        } catch (ApistageException e) {
          log.info(
              stage.name() + ": not compared with " + sources.mainLabel() + ": " + e.getMessage());
        }
      }
      print(out);
      return out;
    }

    /** The lines behind main, at most {@value #MAX_BEHIND} per stage, the rest counted. */
    private void print(List<String> lines) {
      if (lines.isEmpty()) {
        return;
      }
      log.info("Behind " + sources.mainLabel() + " after this run:");
      Map<String, Integer> shown = new HashMap<>();
      Map<String, Integer> hidden = new LinkedHashMap<>();
      for (String line : lines) {
        String stage = line.substring(0, line.indexOf(':'));
        if (shown.merge(stage, 1, Integer::sum) <= MAX_BEHIND) {
          log.info("  " + line);
        } else {
          hidden.merge(stage, 1, Integer::sum);
        }
      }
      hidden.forEach(
          (stage, n) -> log.info("  " + stage + ": … and " + n + " more in promote.json (behind)"));
    }
  }

  /**
   * Sends every stage's pending notices (this run's and any an earlier run left), after the stages
   * moved. A receiver that does not take a notice, or a stage that cannot record the delivery,
   * never fails the promotion: a warning says what waits.
   */
  private void deliverNotices(GitRepo git, StageChain chain, Identity who) throws IOException {
    NoticeRun run =
        NotifyGoal.run(
            git,
            new StageStore(git, request.servers()),
            who,
            context,
            request.secretServers(),
            request.clock());
    for (Stage stage : chain.order()) {
      try {
        NotifyGoal.report(run.deliver(stage), context);
      } catch (ApistageException e) {
        log.warn(stage.name() + ": notices not delivered: " + e.getMessage());
      }
    }
  }

  /** The control files at {@code head}, loaded, with the stage chain and their problems. */
  static Control control(GitRepo git, String head) throws IOException {
    List<String> links = new ArrayList<>();
    Map<String, String> listing = git.listFiles(head, links);
    Map<String, byte[]> files = HeadSource.read(git, listing, PromoteGoal::isControlFile);
    Config config = new ConfigLoader().load(new MemorySource(files));
    List<Problem> problems = new ArrayList<>(config.problems());
    links.stream()
        .filter(ConfigLoader::isReadPath)
        .map(PromoteGoal::linkSkipped)
        .forEach(problems::add);
    StageChain chain = StageChain.of(config);
    problems.addAll(chain.problems());
    return new Control(listing, files, config, chain, problems);
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

  /**
   * The promotions a stage receives in this run: its {@code track: main} update when it is a first
   * stage that tracks the main branch, then the promotions that target it.
   */
  private List<PromotionSpec> work(Stage stage, Settings settings, List<PromotionSpec> specs) {
    List<PromotionSpec> work = new ArrayList<>();
    boolean tracks =
        stage.isFirst()
            && stage.track() != null
            && (stage.track().equals("main") || stage.track().equals(settings.mainBranch()))
            && (request.promotion() == null || TRACK_MAIN.equals(request.promotion()));
    if (tracks) {
      work.add(PromotionSpec.trackMain(TRACK_MAIN, stage.name()));
    }
    for (PromotionSpec spec : specs) {
      if (spec.to().contains(stage.name())) {
        work.add(spec);
      }
    }
    return work;
  }

  /**
   * Prints an outcome; a failure is also a problem of the promotion file, or for the {@code track:
   * main} update, which has none, of the stage file that asks for it.
   */
  private void reportOutcome(
      PromotionOutcome outcome, Stage stage, List<PromotionSpec> work, List<Problem> problems) {
    outcome.print(log, request.dryRun());
    if (outcome.status() != PromotionOutcome.Status.FAILURE) {
      return;
    }
    PromotionSpec spec =
        work.stream().filter(s -> s.name().equals(outcome.name())).findFirst().orElseThrow();
    problems.add(
        Problem.error(
            spec.file() != null ? spec.file() : stage.file(),
            spec.file() != null ? Position.FILE : stage.body().valuePosition("track"),
            spec.file() != null ? "" : "/track",
            RuleId.PROMOTION,
            "promotion "
                + outcome.name()
                + " failed on "
                + outcome.stage()
                + ": "
                + outcome.reason()));
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
}
