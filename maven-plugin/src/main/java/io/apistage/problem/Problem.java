package io.apistage.problem;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about the user's configuration, at a position in a file of the config root.
 *
 * @param file path relative to the config root, with forward slashes
 * @param line 1-based line of the offending value, 0 when the problem concerns the whole file
 * @param column 1-based column of the offending value, 0 when the problem concerns the whole file
 * @param field JSON pointer of the offending value inside the document, "" for the whole document
 * @param rule the {@link RuleId#id()} of the rule that produced the problem (for example {@code
 *     schema})
 * @param severity error or warning
 * @param message what is wrong and what to do, for the person fixing the YAML
 * @param basePlace for a finding of check-versions in an OpenAPI file, where its element was at the
 *     base commit; null otherwise
 * @since 0.1.0
 */
public record Problem(
    String file,
    int line,
    int column,
    String field,
    String rule,
    Severity severity,
    String message,
    BasePlace basePlace) {

  /** Problems in the order they are printed: by file, line, column, then rule and message. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::rule)
          .thenComparing(Problem::message);

  /**
   * Where the console form places a problem that belongs to no file: a goal that could not run, a
   * setting of the run.
   */
  public static final String NO_FILE_PLACE = "(configuration root)";

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
  }

  /** A problem without a base place. */
  public Problem(
      String file,
      int line,
      int column,
      String field,
      String rule,
      Severity severity,
      String message) {
    this(file, line, column, field, rule, severity, message, null);
  }

  /** An error of a rule at a position. */
  public static Problem error(String file, Position at, String field, RuleId rule, String message) {
    return of(file, at, field, rule, Severity.ERROR, message);
  }

  /** A warning of a rule at a position. */
  public static Problem warning(
      String file, Position at, String field, RuleId rule, String message) {
    return of(file, at, field, rule, Severity.WARNING, message);
  }

  /** A problem of a rule at a position, with a severity decided by the caller. */
  public static Problem of(
      String file, Position at, String field, RuleId rule, Severity severity, String message) {
    return new Problem(file, at.line(), at.column(), field, rule.id(), severity, message);
  }

  /** Whether the problem is one of a rule. */
  public boolean is(RuleId other) {
    return rule.equals(other.id());
  }

  /** This problem with another severity, e.g. when a rule is configured as a warning. */
  public Problem withSeverity(Severity other) {
    return new Problem(file, line, column, field, rule, other, message, basePlace);
  }

  /** This problem with the place its element had at the base commit; null for none. */
  public Problem withBasePlace(BasePlace place) {
    return new Problem(file, line, column, field, rule, severity, message, place);
  }

  /**
   * This problem in another file at the same place, e.g. the OpenAPI file an Api's part came from.
   */
  public Problem inFile(String other) {
    return new Problem(other, line, column, field, rule, severity, message, basePlace);
  }

  /** True for errors. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The console form {@code <file>:<line>:<column>: <severity> [<rule>] <message>}; a problem of a
   * whole file drops {@code :0:0}, and one of no file (file {@code .}) is placed at {@link
   * #NO_FILE_PLACE}. A problem with a {@link #basePlace()} has it on a second line, indented.
   */
  public String format() {
    String place = file.equals(".") ? NO_FILE_PLACE : file;
    if (line > 0) {
      place += ":" + line + ":" + column;
    }
    String out = place + ": " + severity.label() + " [" + rule + "] " + message;
    return basePlace == null ? out : out + "\n    " + basePlace.format();
  }

  @Override
  public String toString() {
    return format();
  }
}
