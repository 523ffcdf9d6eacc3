package io.apistage.maven;

import io.apistage.check.CheckGoal;
import io.apistage.check.CheckStep;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.rules.ValidateGoal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The pull-request check in one goal, bound to {@code verify}: runs validate, check-versions and
 * diff for all stages, collects every problem and fails once; writes {@code check.json}, {@code
 * check.md}, {@code check.sarif} and {@code TEST-apistage-check.xml}.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractApistageMojo {

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
    return "check";
  }

  @Override
  protected GoalResult run(GoalContext context) throws IOException {
    List<CheckStep> steps = new ArrayList<>();
    steps.add(CheckStep.of("validate", c -> new ValidateGoal(c).execute()));
    return new CheckGoal(context, steps).execute();
  }
}
