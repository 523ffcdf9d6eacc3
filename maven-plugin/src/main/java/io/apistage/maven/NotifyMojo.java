package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.notice.NotifyGoal;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Delivers the pending change notices of one stage or of every stage to the applications' webhooks,
 * signed per Standard Webhooks; what a receiver does not take stays pending.
 *
 * @since 0.2.0
 */
@Mojo(name = "notify", threadSafe = true, requiresProject = true)
public class NotifyMojo extends AbstractApistageMojo {

  /**
   * The stage whose notices are delivered; every stage when absent.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * Lists the notices that would be sent, per stage, with their last recorded try; sends nothing
   * and writes nothing to a stage.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  private boolean dryRun;

  @Override
  protected String goal() {
    return NotifyGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new NotifyGoal(
            context,
            new NotifyGoal.Request(
                stage,
                stageServers(),
                dryRun ? Map.of() : secretServers(),
                Clock.systemUTC(),
                dryRun))
        .execute();
  }
}
