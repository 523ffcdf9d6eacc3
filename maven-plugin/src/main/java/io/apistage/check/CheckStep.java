package io.apistage.check;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import java.io.IOException;

/**
 * One goal the pull-request check runs: {@code validate}, {@code check-versions} or {@code diff}.
 *
 * @since 0.1.0
 */
public interface CheckStep {

  /** The goal's name, e.g. {@code check-versions}. */
  String goal();

  /** Runs the goal. */
  GoalResult run(GoalContext context) throws ApistageException, IOException;

  /** A step of a name and a function. */
  static CheckStep of(String goal, Runner runner) {
    return new CheckStep() {
      @Override
      public String goal() {
        return goal;
      }

      @Override
      public GoalResult run(GoalContext context) throws ApistageException, IOException {
        return runner.run(context);
      }
    };
  }

  /** The body of a step. */
  @FunctionalInterface
  interface Runner {
    /** Runs the goal. */
    GoalResult run(GoalContext context) throws ApistageException, IOException;
  }
}
