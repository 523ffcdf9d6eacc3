package io.apistage.promotion;

import io.apistage.goal.GoalResult;
import io.apistage.goal.ReportBody;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code promote.json}: whether the run was a dry run, the main branch commit it
 * promoted from, and each promotion's outcome per stage, in the order the stages were updated.
 *
 * @param dryRun whether nothing was written
 * @param sourceCommit the checked-out commit
 * @param promotions every outcome
 * @since 0.1.0
 */
public record PromoteReport(boolean dryRun, String sourceCommit, List<PromotionOutcome> promotions)
    implements ReportBody {

  public PromoteReport {
    promotions = List.copyOf(promotions);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dryRun", dryRun);
    out.put("sourceCommit", sourceCommit);
    List<Map<String, Object>> list = new ArrayList<>();
    promotions.forEach(o -> list.add(o.toJson()));
    out.put("promotions", list);
    return out;
  }

  /** How many outcomes have a status. */
  public long count(PromotionOutcome.Status status) {
    return promotions.stream().filter(o -> o.status() == status).count();
  }

  /** "promote: 2 applied, 1 skipped, 0 failed", or its dry-run form. */
  public String summary() {
    return (dryRun
            ? "promote (dry run): " + count(PromotionOutcome.Status.SUCCESS) + " would be applied, "
            : "promote: " + count(PromotionOutcome.Status.SUCCESS) + " applied, ")
        + count(PromotionOutcome.Status.SKIPPED)
        + " skipped, "
        + count(PromotionOutcome.Status.FAILURE)
        + " failed";
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
