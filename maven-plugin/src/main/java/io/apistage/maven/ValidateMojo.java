package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.rules.ValidateGoal;
import java.io.File;
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

  /**
   * The folder of the incremental validate cache: per file, its parse and schema problems and its
   * parsed tree, keyed by the file's content, so that a later run parses and checks only the files
   * that changed (docs/validate.md, "The cache"). Keep it between CI runs to profit from it.
   *
   * @since 0.2.0
   */
  @Parameter(
      property = "apistage.cacheDir",
      defaultValue = "${project.build.directory}/apistage/validate-cache")
  private File cacheDir;

  /**
   * Uses the validate cache; {@code false} parses and checks every file and leaves the cache as it
   * is.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.cache", defaultValue = "true")
  private boolean cache;

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
    return new ValidateGoal(context, cache ? cacheDir.toPath() : null).execute();
  }
}
