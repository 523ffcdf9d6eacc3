package io.apistage.promotion;

import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalResult;
import io.apistage.goal.PromotionPlan;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code promote.json}: whether the run was a dry run, the main branch commit it
 * promoted from, each promotion's outcome per stage in the order the stages were updated, what the
 * promotions change on each stage (diff's form: {@code changes}), and how far the stages that
 * received nothing are behind the main branch ({@code behindAfterRun}).
 *
 * @param dryRun whether nothing was written
 * @param sourceCommit the checked-out commit
 * @param promotions every outcome
 * @param changes what the promotions change on each stage they apply to
 * @param behind the lines of the stages left behind main, with the reasons
 * @since 0.1.0
 */
public record PromoteReport(
    boolean dryRun,
    String sourceCommit,
    List<PromotionOutcome> promotions,
    List<DiffReport.StagePlan> changes,
    List<String> behind)
    implements PromotionPlan {

  public PromoteReport {
    promotions = List.copyOf(promotions);
    changes = List.copyOf(changes);
    behind = List.copyOf(behind);
  }

  /** A report of outcomes only: nothing changed, nothing judged behind. */
  public PromoteReport(boolean dryRun, String sourceCommit, List<PromotionOutcome> promotions) {
    this(dryRun, sourceCommit, promotions, List.of(), List.of());
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dryRun", dryRun);
    out.put("sourceCommit", sourceCommit);
    List<Map<String, Object>> list = new ArrayList<>();
    promotions.forEach(o -> list.add(o.toJson()));
    out.put("promotions", list);
    List<Map<String, Object>> plans = new ArrayList<>();
    changes.forEach(p -> plans.add(p.toJson()));
    out.put("changes", plans);
    out.put("behindAfterRun", behind);
    return out;
  }

  @Override
  public List<String> outcomeLines() {
    List<String> out = new ArrayList<>();
    promotions.forEach(o -> out.add(o.line(dryRun)));
    return out;
  }

  /** How many outcomes have a status. */
  public long count(PromotionOutcome.Status status) {
    return promotions.stream().filter(o -> o.status() == status).count();
  }

  /**
   * "promote: 2 applied, 1 skipped, 0 failed", or its dry-run form; a run that applies nothing adds
   * how many assets each stage is behind main.
   */
  public String summary() {
    String counts =
        (dryRun
                ? "promote (dry run): "
                    + count(PromotionOutcome.Status.SUCCESS)
                    + " would be applied, "
                : "promote: " + count(PromotionOutcome.Status.SUCCESS) + " applied, ")
            + count(PromotionOutcome.Status.SKIPPED)
            + " skipped, "
            + count(PromotionOutcome.Status.FAILURE)
            + " failed";
    // a run that applied something says what it did; one that applied nothing says why
    boolean appliedNothing = count(PromotionOutcome.Status.SUCCESS) == 0;
    return behind.isEmpty() || !appliedNothing
        ? counts
        : counts + "; behind main: " + behindCounts() + " (listed above)";
  }

  /** "dev 2 assets, prod 4 assets": how many assets each stage is behind, in chain order. */
  private String behindCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    behind.forEach(line -> counts.merge(line.substring(0, line.indexOf(':')), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((stage, n) -> parts.add(stage + " " + Problems.plural(n, "asset")));
    return String.join(", ", parts);
  }

  /** The goal's result: this report with the run's problems, failed when any is an error. */
  public GoalResult result(List<Problem> problems, String message) {
    boolean failed = Problems.hasErrors(problems);
    return new GoalResult(
        "promote",
        failed ? "PROMOTION_FAILED" : "OK",
        failed ? message + "; " + Problems.summary(problems) : message,
        problems,
        this);
  }
}
