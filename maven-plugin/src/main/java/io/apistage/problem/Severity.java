package io.apistage.problem;

import java.util.Locale;

/**
 * How serious a {@link Problem} is: errors fail the build, warnings only with {@code
 * apistage.failOnWarning}.
 *
 * @since 0.1.0
 */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used on the console and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
