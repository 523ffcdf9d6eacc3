package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.RollbackGoal;
import io.apistage.promotion.RollbackRequest;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Restores a stage to its state before a promotion (the last one by default) as a new commit.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", threadSafe = true, requiresProject = true)
public class RollbackMojo extends GatewayMojo {

  /**
   * The stage to roll back.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * The promotion to undo; by default the last one applied to the stage.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.promotion")
  private String promotion;

  /**
   * Computes and prints what the rollback would restore, and writes nothing.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  private boolean dryRun;

  /**
   * The name of the stage again, which rolling back a stage with {@code protected: true} needs.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.confirm")
  private String confirm;

  @Override
  protected String goal() {
    return "rollback";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return autoDeploy(
        context,
        new RollbackGoal(
                context,
                RollbackRequest.of(
                    stage,
                    promotion,
                    stageServers(),
                    secretServers(),
                    new RollbackRequest.Options(dryRun, confirm)))
            .execute());
  }
}
