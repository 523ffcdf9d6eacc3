package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.rules.ValidateGoal;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates every file of the config root: schemas, references, dependency and naming rules.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "validate",
    defaultPhase = LifecyclePhase.VALIDATE,
    threadSafe = true,
    requiresProject = true)
public class ValidateMojo extends AbstractApistageMojo {

  /**
   * Fails the build on warnings as well as errors.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  @Override
  protected boolean failOnWarning() {
    return failOnWarning;
  }

  @Override
  protected String goal() {
    return "validate";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new ValidateGoal(context).execute();
  }
}
