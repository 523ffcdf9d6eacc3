package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.lifecycle.RestoreGoal;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Brings back an Api file deleted in an earlier commit, from the last commit that had it
 * (docs/lifecycle.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "restore", threadSafe = true, requiresProject = true)
public class RestoreMojo extends AbstractEditMojo {

  @Override
  protected String goal() {
    return RestoreGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new RestoreGoal(context, api, dryRun).execute();
  }
}
