package io.apistage.rules;

import io.apistage.cache.ValidateCache;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code validate} goal: schemas, references, dependency and naming rules over the config root.
 *
 * @since 0.1.0
 */
public final class ValidateGoal {

  private final GoalContext context;
  private final Path cacheDir;

  /** The goal for a context, without a cache: every file is parsed and checked. */
  public ValidateGoal(GoalContext context) {
    this(context, null);
  }

  /**
   * The goal for a context, keeping the validate cache in {@code cacheDir} (docs/validate.md, "The
   * cache"); null for none.
   */
  public ValidateGoal(GoalContext context, Path cacheDir) {
    this.context = context;
    this.cacheDir = cacheDir;
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
    Validation.Outcome outcome = validate();
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

  private Validation.Outcome validate() throws IOException {
    DirectorySource source = new DirectorySource(context.configDir());
    if (cacheDir == null) {
      return new Validation().validate(source);
    }
    ValidateCache cache = ValidateCache.open(cacheDir, context.configDir(), context.log());
    Validation.Outcome outcome = new Validation().validate(source, cache);
    cache.save();
    ValidateCache.Stats stats = cache.stats();
    context
        .log()
        .info(
            "validate cache: "
                + stats.hits()
                + " files unchanged, "
                + stats.misses()
                + " parsed and checked ("
                + cache.file()
                + ")");
    return outcome;
  }
}
