package io.apistage.goal;

import java.util.List;

/**
 * What a promote run did or, in a dry run such as the one {@code check} makes of a pull request,
 * would do, in the terms the report package renders: one line per promotion and stage, what each
 * stage receives field by field (in the form of diff's plan), and how far the stages that receive
 * nothing stay behind the main branch, and why. {@code PromoteReport} is its record.
 *
 * @since 0.1.0
 */
public interface PromotionPlan extends ReportBody {

  /** Whether nothing was written. */
  boolean dryRun();

  /** One line per promotion and stage: {@code orders-to-qa -> qa: success}, with the reason. */
  List<String> outcomeLines();

  /** What the promotions change on each stage they apply to; none for a stage they leave. */
  List<DiffReport.StagePlan> changes();

  /**
   * For each stage that receives nothing, every asset that differs from the main branch with the
   * reason: {@code dev: api/orders@1 1.0.0 → 1.1.0 not applied; no pending promotion brings it:
   * ...}.
   */
  List<String> behind();
}
