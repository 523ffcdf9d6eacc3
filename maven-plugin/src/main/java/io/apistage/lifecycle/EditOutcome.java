package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step every lifecycle goal shares: validate the whole config root with the edits applied,
 * then show them (dry run) or write them. Nothing is written when validation finds an error.
 * Nothing is committed: the person reviews the change and commits it.
 *
 * @since 0.1.0
 */
public final class EditOutcome {

  /** The report code when the edited configuration does not validate. */
  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

  /** The report code of a refused goal. */
  public static final String REFUSED = "REFUSED";

  private EditOutcome() {}

  /**
   * A refusal: nothing was written.
   *
   * @param goal the goal's name
   * @param problem the reason, at its file and position
   * @param body the goal's report body
   */
  public static GoalResult refused(String goal, Problem problem, Map<String, Object> body) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    out.put("written", List.of());
    return result(
        goal,
        REFUSED,
        goal + " refused, nothing written: " + problem.message(),
        List.of(problem),
        out);
  }

  /** Nothing to edit: the goal's aim holds already; nothing was written. */
  public static GoalResult nothingToDo(
      String goal, String message, List<Problem> notes, Map<String, Object> body) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    out.put("written", List.of());
    return result(goal, "OK", message, notes, out);
  }

  /** A refusal because a file to edit cannot be read as a YAML mapping: the reader's problems. */
  public static GoalResult unreadable(
      String goal, ApiLines.YamlText file, Map<String, Object> body) {
    List<Problem> problems =
        file.parsed().problems().isEmpty()
            ? List.of(
                LifecycleRules.error(
                    file.path(),
                    Position.FILE,
                    "",
                    LifecycleRules.YAML,
                    "the document is not a mapping of keys to values"))
            : file.parsed().problems();
    Map<String, Object> out = new LinkedHashMap<>(body);
    out.put("written", List.of());
    return result(
        goal,
        REFUSED,
        goal + " refused, nothing written: " + file.path() + " cannot be read; fix it first",
        problems,
        out);
  }

  /**
   * Validates, then writes or shows the edits.
   *
   * @param context the goal's context
   * @param goal the goal's name
   * @param edits the files to write
   * @param dryRun whether to show a unified diff instead of writing
   * @param notes warnings of the goal itself (they do not stop the edit)
   * @param body the goal's report body, completed with the files written
   */
  public static GoalResult apply(
      GoalContext context,
      String goal,
      FileEdits edits,
      boolean dryRun,
      List<Problem> notes,
      Map<String, Object> body)
      throws IOException {
    List<Problem> problems = new ArrayList<>(notes);
    problems.addAll(new Validation().validate(edits.source()).problems());
    Map<String, Object> out = new LinkedHashMap<>(body);
    out.put("dryRun", dryRun);
    String files = String.join(", ", edits.paths());
    if (Problems.hasErrors(problems)) {
      out.put("written", List.of());
      return result(
          goal,
          VALIDATION_FAILED,
          goal
              + " refused, nothing written: the configuration would not validate with the change to "
              + files
              + " ("
              + Problems.summary(problems)
              + ")",
          problems,
          out);
    }
    if (dryRun) {
      edits.diff().forEach(context.log()::info);
      out.put("written", List.of());
      out.put("diff", String.join("\n", edits.diff()));
      return result(
          goal, "OK", goal + " dry run: would write " + files + "; nothing written", problems, out);
    }
    edits.write();
    out.put("written", edits.paths());
    return result(
        goal, "OK", goal + " wrote " + files + "; review the change and commit it", problems, out);
  }

  /** The one place a lifecycle goal's result is made, its report body in plain values. */
  private static GoalResult result(
      String goal, String code, String message, List<Problem> problems, Map<String, Object> body) {
    return new GoalResult(goal, code, message, problems, () -> body);
  }
}
