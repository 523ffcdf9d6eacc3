package io.apistage.check;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.problem.Severity;
import io.apistage.report.Reports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    Map<String, Object> merged = new LinkedHashMap<>();
    List<Map<String, Object>> goals = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (CheckStep step : steps) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("goal", step.goal());
      try {
        GoalResult result = step.run(context);
        Reports.writeJson(result, context.reportDir());
        problems.addAll(result.problems());
        result.body().forEach(merged::putIfAbsent);
        entry.put("status", result.status());
        entry.put("code", result.code());
        entry.put("message", result.message());
        entry.put("problems", result.problems().size());
        messages.add(step.goal() + ": " + result.message());
      } catch (ApistageException e) {
        String message = step.goal() + " could not run: " + e.getMessage();
        // each goal check runs has a catalogue entry of that id for this problem
        String rule = RuleId.of(step.goal()).id();
        problems.add(new Problem(PROJECT, 0, 0, "", rule, Severity.ERROR, message));
        entry.put("status", "error");
        entry.put("code", "NOT_RUN");
        entry.put("message", e.getMessage());
        entry.put("problems", 1);
        messages.add(message);
      }
      goals.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("goals", goals);
    body.putAll(merged);
    List<Problem> all = new ArrayList<>(problems);
    boolean failed = Problems.hasErrors(all) || (context.failOnWarning() && !all.isEmpty());
    String message =
        all.isEmpty() ? String.join("; ", messages) : Problems.summary(all) + " (" + names() + ")";
    return new GoalResult("check", failed ? "CHECK_FAILED" : "OK", message, all, body);
  }

  private String names() {
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.goal()));
    return String.join(", ", names);
  }
}
