package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.report.CheckReports;
import io.apistage.report.Reports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The one way into every goal: skip handling, the shared parameters, printing problems, writing
 * reports and translating the engine's outcome into Maven's exceptions. Each goal fills in {@link
 * #run}.
 *
 * @since 0.1.0
 */
public abstract class AbstractApistageMojo extends AbstractMojo {

  /**
   * The config root: the folder holding {@code apis/}, {@code stages/} and the other kind folders.
   * It may be a sub-folder of a Git work tree.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.configDir", defaultValue = "${project.basedir}")
  protected File configDir;

  /**
   * The folder the goal writes its reports into.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.reportDir", defaultValue = "${project.build.directory}/apistage")
  protected File reportDir;

  /**
   * Skips the goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.skip", defaultValue = "false")
  protected boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("apistage: skipped (apistage.skip=true)");
      return;
    }
    Log log = new MavenLog(getLog());
    GoalContext context =
        new GoalContext(
            configDir.toPath(), reportDir.toPath(), failOnWarning(), System.getenv(), log);
    GoalResult result;
    try {
      result = run(context);
      for (Problem problem : result.problems()) {
        if (problem.isError()) {
          log.error(problem.format());
        } else {
          log.warn(problem.format());
        }
      }
      Reports.writeJson(result, context.reportDir());
      if (CheckReports.isCheckingGoal(goal())) {
        CheckReports.write(result, context);
      }
      afterReports(context, result);
    } catch (ApistageException e) {
      getLog().debug(e);
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("apistage " + goal() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "apistage "
              + goal()
              + " failed unexpectedly ("
              + e
              + "); please report this with the output of mvn -e",
          e);
    }
    if (result.fails(context.failOnWarning())) {
      throw new MojoFailureException(result.message());
    }
    log.info(result.message());
  }

  /** Whether warnings fail the build; goals with an {@code apistage.failOnWarning} override. */
  protected boolean failOnWarning() {
    return false;
  }

  /** The goal's name, for messages. */
  protected abstract String goal();

  /** Runs the goal's engine. */
  protected abstract GoalResult run(GoalContext context) throws ApistageException, IOException;

  /** Writes further reports; the default writes none. */
  protected void afterReports(GoalContext context, GoalResult result) throws IOException {}
}
