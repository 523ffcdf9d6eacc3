package io.apistage.maven;

import io.apistage.deploy.DeployGoal;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders a stage's state for its gateway (nginx) and applies it with zero downtime: write beside,
 * {@code nginx -t}, atomic swap, graceful reload, wait until {@code /.well-known/apistage} answers
 * the new commit; any failure restores the previous configuration (docs/gateway.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy", threadSafe = true, requiresProject = true)
public class DeployMojo extends GatewayMojo {

  /**
   * The stage to deploy.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * Renders the stage and says what a deploy would change (the commit and checksum the gateway
   * runs, and those it would run), without writing a file, reloading nginx or recording anything.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  private boolean dryRun;

  @Override
  protected String goal() {
    return DeployGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    if (stage == null || stage.isBlank()) {
      throw new ApistageException("apistage:deploy needs the stage: pass -Dapistage.stage=<name>");
    }
    return new DeployGoal(context, deployRequest(stage), dryRun).execute();
  }
}
