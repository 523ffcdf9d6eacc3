package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the pending promotions of the checked-out commit, which must be on the main branch, to
 * their target stages, each stage atomically, with a report and a history record.
 *
 * @since 0.1.0
 */
@Mojo(name = "promote", threadSafe = true, requiresProject = true)
public class PromoteMojo extends GatewayMojo {

  /**
   * Applies only the promotion with this name.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.promotion")
  private String promotion;

  /**
   * Computes and reports what would be promoted without writing anything; works on any branch.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  private boolean dryRun;

  /**
   * Applies promotions again that a stage already received with the same content.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.repromote", defaultValue = "false")
  private boolean repromote;

  @Override
  protected String goal() {
    return "promote";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return autoDeploy(
        context,
        new PromoteGoal(
                context,
                PromoteRequest.of(promotion, dryRun, repromote, stageServers(), secretServers()))
            .execute());
  }
}
