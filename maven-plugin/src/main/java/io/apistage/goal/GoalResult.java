package io.apistage.goal;

import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.List;
import java.util.Objects;

/**
 * What a goal found and did: its problems (sorted), the report body of its goal, and the code and
 * message of the report envelope (DESIGN.md section 7).
 *
 * @param goal the goal's name, e.g. {@code validate}; the JSON report is {@code <goal>.json}
 * @param code the envelope code, e.g. {@code VALIDATION_FAILED}, or {@code OK}
 * @param message one line for the user
 * @param problems every problem, sorted
 * @param body the goal-specific part of the report, one record per goal
 * @since 0.1.0
 */
public record GoalResult(
    String goal, String code, String message, List<Problem> problems, ReportBody body) {

  public GoalResult {
    problems = Problems.sorted(problems);
    Objects.requireNonNull(body, "body");
  }

  /** Whether the build fails: any error, or any warning when warnings fail the build. */
  public boolean fails(boolean failOnWarning) {
    return Problems.hasErrors(problems) || (failOnWarning && !problems.isEmpty());
  }

  /**
   * {@code error} when any problem is an error or the goal failed for another reason (its code is
   * not {@code OK}, e.g. warnings under {@code failOnWarning}), else {@code success}.
   */
  public String status() {
    return Problems.hasErrors(problems) || !"OK".equals(code) ? "error" : "success";
  }
}
