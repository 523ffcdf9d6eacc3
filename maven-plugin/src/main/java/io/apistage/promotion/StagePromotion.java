package io.apistage.promotion;

import io.apistage.git.Identity;
import io.apistage.goal.DiffReport;
import io.apistage.notice.NoticePlanner;
import io.apistage.problem.ApistageException;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.RecordType;
import io.apistage.stage.Stage;
import io.apistage.stage.StageDiffer;
import io.apistage.stage.StageState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promotions one run applies to one stage: each is skipped when the stage has it already,
 * planned against the stage's state, and the ones that apply are written with one commit and a
 * history record each; an asset that fails fails its promotion only.
 *
 * @since 0.1.0
 */
final class StagePromotion {

  private final Stage stage;
  private final List<PromotionSpec> work;
  private final PromotionSources sources;
  private final Identity who;
  private final PromoteRequest request;
  private final String head;

  /**
   * The promotions {@code work} to apply to {@code stage}, from {@code sources}, at the checked-out
   * commit {@code head}.
   */
  StagePromotion(
      Stage stage,
      List<PromotionSpec> work,
      PromotionSources sources,
      Identity who,
      PromoteRequest request,
      String head) {
    this.stage = stage;
    this.work = List.copyOf(work);
    this.sources = sources;
    this.who = who;
    this.request = request;
    this.head = head;
  }

  /** What one computation produced: the outcomes, and what to write (null when nothing). */
  private record StageRun(
      List<PromotionOutcome> outcomes,
      StageState.StageContent content,
      Planner.Contents contents,
      DiffReport.StagePlan change) {}

  /** What the last run changed on the stage, asset by asset and field by field, if anything. */
  private DiffReport.StagePlan change;

  /**
   * Applies the promotions; when the stage cannot be updated at all, each of them fails with the
   * reason.
   */
  List<PromotionOutcome> run(StageUpdater updater) throws IOException {
    try {
      StageUpdater.Done<StageRun> done = updater.update(stage, this::plan, who, request.dryRun());
      StageRun run = done.result();
      change = run.change();
      if (request.dryRun() && run.content() != null) {
        sources.computed(stage.name(), run.contents());
      }
      String commit = done.commit().orElse(null);
      return run.outcomes().stream().map(o -> o.committedAs(commit)).toList();
    } catch (ApistageException e) {
      List<PromotionOutcome> out = new ArrayList<>();
      for (PromotionSpec spec : work) {
        out.add(PromotionOutcome.failed(spec.name(), stage.name(), e.getMessage(), List.of()));
      }
      return out;
    }
  }

  /**
   * What the last {@link #run} changed on the stage (or, in a dry run, would change), in the form
   * of diff's plan; empty when it applied nothing.
   */
  Optional<DiffReport.StagePlan> change() {
    return Optional.ofNullable(change);
  }

  /** The stage's content and history as the promotions applied so far leave them. */
  private static final class Progress {
    private final StageState state;
    private final List<HistoryRecord> history;
    private final List<String> applied = new ArrayList<>();
    private Planner.Contents contents;
    private int number;
    private String lastRecord;

    Progress(StageState state) {
      this.state = state;
      this.history = new ArrayList<>(state.history());
      this.contents = new Planner.Contents(state.assets(), state.authored(), state.aliases());
      this.number = state.nextRecordNumber();
      this.lastRecord = state.lastRecord();
    }

    /** The id the next promotion record will have. */
    String nextId(String promotion) {
      return new HistoryRecord(number, RecordType.PROMOTION.id(), promotion, Map.of()).id();
    }

    void record(String promotion, Map<String, Object> content) {
      HistoryRecord record =
          new HistoryRecord(number++, RecordType.PROMOTION.id(), promotion, content);
      history.add(record);
      lastRecord = record.id();
      applied.add(promotion);
    }

    StageState.StageContent content(String stageName) {
      return new StageState.StageContent(
          stageName,
          contents.running(),
          contents.authored(),
          contents.aliases(),
          history,
          lastRecord);
    }
  }

  private StageUpdater.Update<StageRun> plan(StageState state)
      throws ApistageException, IOException {
    PromotionSources.Found from = sources.of(stage);
    Planner planner = new Planner();
    Progress progress = new Progress(state);
    List<PromotionOutcome> outcomes = new ArrayList<>();
    for (PromotionSpec spec : work) {
      outcomes.add(apply(spec, planner, from, progress));
    }
    if (progress.applied.isEmpty()) {
      return new StageUpdater.Update<>(null, null, new StageRun(outcomes, null, null, null));
    }
    StageState.StageContent next = progress.content(stage.name());
    // what the promotions change, computed as diff computes it, so both count a change alike
    DiffReport.StagePlan plan =
        StageDiffer.diff(
                stage.name(), state.commit(), progress.contents.running(), state.assets(), null)
            .toReport();
    return new StageUpdater.Update<>(
        next,
        commitMessage(progress.applied, from),
        new StageRun(outcomes, next, progress.contents, plan));
  }

  /** Plans one promotion on what the earlier ones left; records it when it applies. */
  private PromotionOutcome apply(
      PromotionSpec spec, Planner planner, PromotionSources.Found from, Progress progress)
      throws ApistageException, IOException {
    boolean mirror = PromoteGoal.TRACK_MAIN.equals(spec.name()) && spec.file() == null;
    if (!mirror
        && !request.repromote()
        && HistoryContent.applied(progress.history, spec.name(), spec.hash())) {
      return PromotionOutcome.skipped(
          spec.name(),
          stage.name(),
          "already applied to "
              + stage.name()
              + " with this content; edit "
              + spec.file()
              + " or pass -Dapistage.repromote=true to apply it again");
    }
    Planner.Plan plan = planner.plan(spec, from.source(), stage.name(), progress.contents, mirror);
    if (plan.failed()) {
      long failures =
          plan.reports().stream().filter(r -> r.status() == AssetStatus.FAILURE).count();
      return PromotionOutcome.failed(
          spec.name(),
          stage.name(),
          failures
              + " asset"
              + (failures == 1 ? "" : "s")
              + " failed; nothing of it was applied to "
              + stage.name(),
          plan.reports());
    }
    if (mirror && plan.touched().isEmpty()) {
      return PromotionOutcome.skipped(
          spec.name(),
          stage.name(),
          stage.name()
              + " is already in line with "
              + sources.mainLabel()
              + " at "
              + head.substring(0, 7));
    }
    record(spec, from, progress, plan, mirror);
    return PromotionOutcome.applied(spec.name(), stage.name(), plan.reports());
  }

  /** Moves the run on to the plan's result and records it, with the notices it owes. */
  private void record(
      PromotionSpec spec,
      PromotionSources.Found from,
      Progress progress,
      Planner.Plan plan,
      boolean mirror) {
    Map<String, Object> running = progress.contents.running();
    progress.contents = plan.after();
    Map<String, Object> content =
        HistoryContent.content(RecordType.PROMOTION, spec.name(), stage.name(), who)
            .spec(mirror ? null : spec)
            .source(head, from.source().label(), from.stageCommit())
            .base(progress.state.commit())
            .changes(plan.reports(), plan.touched())
            .toMap();
    if (mirror) {
      // a first stage that tracks main has no promotion file: its content is the commit itself
      content.put("hash", head);
    }
    NoticePlanner.attach(
        content,
        new NoticePlanner.StageChange(
            stage.name(),
            progress.nextId(spec.name()),
            spec.name(),
            String.valueOf(content.get("when"))),
        running,
        progress.contents.running());
    progress.record(spec.name(), content);
  }

  private String commitMessage(List<String> applied, PromotionSources.Found from) {
    return "Promote "
        + String.join(", ", applied)
        + " to "
        + stage.name()
        + "\n\nFrom "
        + from.source().label()
        + (from.stageCommit() == null ? "" : " at " + from.stageCommit())
        + ", "
        + sources.mainLabel()
        + " at "
        + head
        + ".";
  }
}
