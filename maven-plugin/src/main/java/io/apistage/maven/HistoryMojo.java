package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.HistoryGoal;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists a stage's promotions and rollbacks with who, when, status and the per-asset report; without
 * a stage, the last five records of every stage.
 *
 * @since 0.1.0
 */
@Mojo(name = "history", threadSafe = true, requiresProject = true)
public class HistoryMojo extends AbstractApistageMojo {

  /**
   * The stage whose whole history is listed; absent, the last five records of every stage are.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  @Override
  protected String goal() {
    return "history";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new HistoryGoal(context, stage, stageServers()).execute();
  }
}
