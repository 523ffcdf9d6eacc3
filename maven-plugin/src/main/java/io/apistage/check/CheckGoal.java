package io.apistage.check;

import io.apistage.goal.CheckReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ReportBody;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.report.Reports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code check} goal, one goal for a pull request: runs {@code validate}, {@code
 * check-versions} and {@code diff} for all stages, writes each one's JSON report, and merges
 * everything into one result, so the build fails once with every problem of every goal. A goal that
 * cannot run (no base to compare with, a shallow clone) does not stop the others: it becomes a
 * problem of its own.
 *
 * @since 0.1.0
 */
public final class CheckGoal {

  /** The file of a problem that concerns the project as a whole, not one file. */
  public static final String PROJECT = ".";

  private final GoalContext context;
  private final List<CheckStep> steps;

  /** The goal running the given steps in order. */
  public CheckGoal(GoalContext context, List<CheckStep> steps) {
    this.context = context;
    this.steps = List.copyOf(steps);
  }

  /** Runs every step and merges their results. */
  public GoalResult execute() throws IOException {
    Set<Problem> problems = new LinkedHashSet<>();
    List<CheckReport.GoalRun> goals = new ArrayList<>();
    List<ReportBody> reports = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (CheckStep step : steps) {
      try {
        GoalResult result = step.run(context);
        Reports.writeJson(result, context.reportDir());
        problems.addAll(result.problems());
        reports.add(result.body());
        goals.add(
            new CheckReport.GoalRun(
                step.goal(),
                result.status(),
                result.code(),
                result.message(),
                result.problems().size()));
        messages.add(step.goal() + ": " + result.message());
      } catch (ApistageException e) {
        String message = step.goal() + " could not run: " + e.getMessage();
        // a goal that could not run concerns the project, not a line of a file: 0:0; each goal
        // check runs has a catalogue entry of that id for this problem
        problems.add(
            Problem.error(PROJECT, new Position(0, 0), "", RuleId.of(step.goal()), message));
        goals.add(new CheckReport.GoalRun(step.goal(), "error", "NOT_RUN", e.getMessage(), 1));
        messages.add(message);
      }
    }
    List<Problem> all = new ArrayList<>(problems);
    boolean failed = Problems.hasErrors(all) || (context.failOnWarning() && !all.isEmpty());
    String message =
        all.isEmpty() ? String.join("; ", messages) : Problems.summary(all) + " (" + names() + ")";
    return new GoalResult(
        "check", failed ? "CHECK_FAILED" : "OK", message, all, new CheckReport(goals, reports));
  }

  private String names() {
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.goal()));
    return String.join(", ", names);
  }
}
