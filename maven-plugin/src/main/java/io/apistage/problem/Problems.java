package io.apistage.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Helpers over lists of problems: sorting, counting and the one-line summary the build fails with.
 *
 * @since 0.1.0
 */
public final class Problems {

  private Problems() {}

  /** A sorted, immutable copy. */
  public static List<Problem> sorted(Collection<Problem> problems) {
    List<Problem> copy = new ArrayList<>(problems);
    copy.sort(Problem.ORDER);
    return List.copyOf(copy);
  }

  /** Number of errors. */
  public static long errors(Collection<Problem> problems) {
    return problems.stream().filter(Problem::isError).count();
  }

  /** Number of warnings. */
  public static long warnings(Collection<Problem> problems) {
    return problems.size() - errors(problems);
  }

  /** Whether any problem is an error. */
  public static boolean hasErrors(Collection<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  /**
   * "3 problems in 2 files (2 errors, 1 warning)", in the manner of the Maven Enforcer's summary.
   */
  public static String summary(Collection<Problem> problems) {
    Set<String> files = new TreeSet<>();
    problems.forEach(p -> files.add(p.file()));
    long errors = errors(problems);
    long warnings = problems.size() - errors;
    return plural(problems.size(), "problem")
        + " in "
        + plural(files.size(), "file")
        + " ("
        + plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + ")";
  }

  /** "1 file", "2 files". */
  public static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
