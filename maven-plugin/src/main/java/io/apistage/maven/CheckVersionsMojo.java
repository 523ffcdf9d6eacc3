package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Classifies every change of an Api file against the base (breaking, additive, patch), checks that
 * the version bump matches, refuses breaking changes inside a major line and names the consumers a
 * breaking change affects.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "check-versions",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class CheckVersionsMojo extends AbstractApistageMojo {

  /**
   * The revision to compare with (branch, tag or commit); by default the merge base of HEAD with
   * the main branch ({@code origin/<main>} when it exists, else {@code <main>}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.base")
  private String base;

  @Override
  protected String goal() {
    return CheckVersionsGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new CheckVersionsGoal(context, new CheckVersionsRequest(base)).execute();
  }
}
