package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.lifecycle.SetStateGoal;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves an API line's state forward (draft → published → deprecated → retired) with the version
 * bump the change needs; refuses to retire a line still in use (docs/lifecycle.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "set-state", threadSafe = true, requiresProject = true)
public class SetStateMojo extends AbstractEditMojo {

  /**
   * The state to move to: published, deprecated or retired.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.state")
  private String state;

  @Override
  protected String goal() {
    return SetStateGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new SetStateGoal(context, api, state, dryRun).execute();
  }
}
