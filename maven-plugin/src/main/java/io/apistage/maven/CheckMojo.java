package io.apistage.maven;

import io.apistage.check.CheckGoal;
import io.apistage.check.CheckStep;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.MergePlan;
import io.apistage.promotion.PromoteRequest;
import io.apistage.rules.ValidateGoal;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The pull-request check in one goal, bound to {@code verify}: runs validate, check-versions, diff
 * for all stages and promote as a dry run (what merging will do), collects every problem and fails
 * once; writes {@code check.json}, {@code check.md}, {@code check.sarif} and {@code
 * TEST-apistage-check.xml}.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class CheckMojo extends AbstractApistageMojo {

  /**
   * Fails the build on warnings as well as errors.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /**
   * The revision check-versions compares with (branch, tag or commit); by default the merge base of
   * HEAD with the main branch ({@code origin/<main>} when it exists, else {@code <main>}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.base")
  private String base;

  /**
   * The one stage diff compares; all stages when absent.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * The folder of the validate step's incremental cache (docs/validate.md, "The cache").
   *
   * @since 0.2.0
   */
  @Parameter(
      property = "apistage.cacheDir",
      defaultValue = "${project.build.directory}/apistage/validate-cache")
  private File cacheDir;

  /**
   * Uses the validate step's cache; {@code false} parses and checks every file.
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
    return "check";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    DiffRequest diff = new DiffRequest(Optional.ofNullable(stage), false, stageServers());
    // what merging does: promote's dry run at HEAD; notices are not sent in a dry run
    PromoteRequest plan = PromoteRequest.of(null, true, false, stageServers(), Map.of());
    List<CheckStep> steps =
        List.of(
            CheckStep.of(
                "validate", c -> new ValidateGoal(c, cache ? cacheDir.toPath() : null).execute()),
            CheckStep.of(
                CheckVersionsGoal.GOAL,
                c -> new CheckVersionsGoal(c, new CheckVersionsRequest(base)).execute()),
            CheckStep.of(DiffGoal.GOAL, c -> new DiffGoal(c, diff).execute()),
            CheckStep.of("promote", c -> MergePlan.of(c, plan)));
    return new CheckGoal(context, steps).execute();
  }
}
