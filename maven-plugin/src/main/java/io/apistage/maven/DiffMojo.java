package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.BehindMain;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows, for each stage, what a promotion of the working copy would change there: the assets to
 * create, update (field by field) and delete, and the gateway URL of every endpoint.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "diff",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class DiffMojo extends GatewayMojo {

  /**
   * The one stage to compare; all stages when absent.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * Fails the build when any stage differs from the working copy, for drift detection.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.failOnDiff", defaultValue = "false")
  private boolean failOnDiff;

  @Override
  protected String goal() {
    return DiffGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    DiffRequest request = new DiffRequest(Optional.ofNullable(stage), failOnDiff, stageServers());
    GoalResult diff =
        BehindMain.explainDiff(new DiffGoal(context, request).execute(), context, request);
    return gatewayDrift(context, diff, stage);
  }
}
