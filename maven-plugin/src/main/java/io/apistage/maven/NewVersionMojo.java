package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.lifecycle.NewVersionGoal;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Starts the next major line of an API: {@code apis/<api>/v<N+1>.yaml} from the highest line, at
 * {@code <N+1>.0.0}, as a draft, without the old line's id (docs/lifecycle.md).
 *
 * @since 0.1.0
 */
@Mojo(name = "new-version", threadSafe = true, requiresProject = true)
public class NewVersionMojo extends AbstractEditMojo {

  @Override
  protected String goal() {
    return NewVersionGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new NewVersionGoal(context, api, dryRun).execute();
  }
}
