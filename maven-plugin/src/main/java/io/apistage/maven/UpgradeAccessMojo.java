package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.lifecycle.UpgradeAccessGoal;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves the applications and packages that use one line of an API to another line, and lists per
 * consumer the breaking changes between the two lines (docs/lifecycle.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "upgrade-access", threadSafe = true, requiresProject = true)
public class UpgradeAccessMojo extends AbstractEditMojo {

  /**
   * The major line the consumers move to.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.to")
  private String to;

  /**
   * The major line the consumers move from; by default every other line of the API.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.from")
  private String from;

  /**
   * The applications and packages to move, comma separated; by default all that use the line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.consumers")
  private String consumers;

  @Override
  protected String goal() {
    return UpgradeAccessGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new UpgradeAccessGoal(
            context, new UpgradeAccessGoal.Request(api, to, from, consumers, dryRun))
        .execute();
  }
}
