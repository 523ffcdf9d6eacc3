package io.apistage.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The nearest known name to a misspelt one, for "did you mean" advice in messages: the known name
 * at the smallest edit distance (insertions, deletions, substitutions and swaps of neighbours),
 * when that distance is small for the name's length. Ties go to the alphabetically first name, so
 * the advice is the same on every run.
 *
 * @since 0.1.0
 */
public final class DidYouMean {

  private DidYouMean() {}

  /** The nearest of {@code known} to {@code given}, when one is near enough. */
  public static Optional<String> nearest(String given, Collection<String> known) {
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(known)) {
      if (candidate.equals(given)) {
        continue;
      }
      int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= allowed(given.length())
        ? Optional.of(best)
        : Optional.empty();
  }

  /** {@code "; did you mean X?"} for the nearest known name, else "". */
  public static String advice(String given, Collection<String> known) {
    return nearest(given, known).map(n -> "; did you mean " + n + "?").orElse("");
  }

  /** How many edits a name of a length may be away from its suggestion. */
  static int allowed(int length) {
    if (length <= 5) {
      return 1;
    }
    return length <= 10 ? 2 : 3;
  }

  /** The optimal string alignment distance: Levenshtein plus swaps of neighbouring characters. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
