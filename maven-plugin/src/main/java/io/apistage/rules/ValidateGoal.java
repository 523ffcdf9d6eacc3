package io.apistage.rules;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The {@code validate} goal: schemas, references, dependency and naming rules over the config root.
 *
 * @since 0.1.0
 */
public final class ValidateGoal {

  private final GoalContext context;

  /** The goal for a context. */
  public ValidateGoal(GoalContext context) {
    this.context = context;
  }

  /**
   * Runs the goal.
   *
   * @throws ApistageException when the config root is not a folder (a mistyped {@code
   *     apistage.configDir} must not pass as an empty, valid configuration)
   */
  public GoalResult execute() throws ApistageException, IOException {
    if (!Files.isDirectory(context.configDir())) {
      throw new ApistageException(
          "the config root "
              + context.configDir()
              + " is not a folder; pass"
              + " -Dapistage.configDir=<the folder that holds apis/, policies/, stages/, ...>");
    }
    Validation.Outcome outcome =
        new Validation().validate(new DirectorySource(context.configDir()));
    int files = outcome.config().filesRead().size();
    ValidateReport body = new ValidateReport(files, outcome.config().assets().size());
    boolean failed =
        !outcome.problems().isEmpty()
            && (Problems.hasErrors(outcome.problems()) || context.failOnWarning());
    String message =
        outcome.problems().isEmpty()
            ? Problems.plural(files, "file")
                + " valid, "
                + Problems.plural(outcome.config().assets().size(), "asset")
            : Problems.summary(outcome.problems());
    return new GoalResult(
        "validate", failed ? "VALIDATION_FAILED" : "OK", message, outcome.problems(), body);
  }
}
