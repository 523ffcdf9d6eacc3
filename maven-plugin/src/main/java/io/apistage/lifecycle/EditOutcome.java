package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
   * @param subject what the goal is about, for its report
   */
  static GoalResult refused(String goal, Problem problem, EditReport.Subject subject) {
    return new GoalResult(
        goal,
        REFUSED,
        goal + " refused, nothing written: " + problem.message(),
        List.of(problem),
        EditReport.nothingWritten(subject));
  }

  /** Nothing to edit: the goal's aim holds already; nothing was written. */
  static GoalResult nothingToDo(
      String goal, String message, List<Problem> notes, EditReport.Subject subject) {
    return new GoalResult(goal, "OK", message, notes, EditReport.nothingWritten(subject));
  }

  /** A refusal because a file to edit cannot be read as a YAML mapping: the reader's problems. */
  static GoalResult unreadable(String goal, ApiLines.YamlText file, EditReport.Subject subject) {
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
    return new GoalResult(
        goal,
        REFUSED,
        goal + " refused, nothing written: " + file.path() + " cannot be read; fix it first",
        problems,
        EditReport.nothingWritten(subject));
  }

  /**
   * Validates, then writes or shows the edits.
   *
   * @param context the goal's context
   * @param goal the goal's name
   * @param edits the files to write
   * @param dryRun whether to show a unified diff instead of writing
   * @param notes warnings of the goal itself (they do not stop the edit)
   * @param subject what the goal is about, for its report
   */
  static GoalResult apply(
      GoalContext context,
      String goal,
      FileEdits edits,
      boolean dryRun,
      List<Problem> notes,
      EditReport.Subject subject)
      throws IOException {
    List<Problem> problems = new ArrayList<>(notes);
    problems.addAll(new Validation().validate(edits.source()).problems());
    String files = String.join(", ", edits.paths());
    if (Problems.hasErrors(problems)) {
      return new GoalResult(
          goal,
          VALIDATION_FAILED,
          goal
              + " refused, nothing written: the configuration would not validate with the change to "
              + files
              + " ("
              + Problems.summary(problems)
              + ")",
          problems,
          new EditReport(subject, dryRun, List.of(), null));
    }
    if (dryRun) {
      edits.diff().forEach(context.log()::info);
      EditReport body = new EditReport(subject, true, List.of(), String.join("\n", edits.diff()));
      return new GoalResult(
          goal,
          "OK",
          goal + " dry run: would write " + files + "; nothing written",
          problems,
          body);
    }
    edits.write();
    return new GoalResult(
        goal,
        "OK",
        goal + " wrote " + files + "; review the change and commit it",
        problems,
        new EditReport(subject, false, edits.paths(), null));
  }
}
