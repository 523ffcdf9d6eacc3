package io.apistage.versions;

import io.apistage.problem.Bump;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]} with the precedence of
 * semver.org (build metadata is ignored when comparing).
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param preRelease the pre-release part without the dash, "" when absent
 * @param text the version as written
 * @since 0.1.0
 */
public record SemVer(long major, long minor, long patch, String preRelease, String text)
    implements Comparable<SemVer> {

  /**
   * The grammar of semver.org, without a leading {@code v}; numbers are kept to 18 digits so that
   * they fit a {@code long}. Release tags embed it ({@code TagPattern}).
   */
  public static final String REGEX =
      "(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";

  private static final Pattern SEMVER = Pattern.compile(REGEX);

  /** The version a text names, or empty when it is not a semantic version. */
  public static Optional<SemVer> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SEMVER.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemVer(
            Long.parseLong(m.group(1)),
            Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)),
            m.group(4) == null ? "" : m.group(4),
            text.trim()));
  }

  /**
   * The step from {@code this} to {@code next}: the first of major, minor, patch that grew, or
   * {@link Bump#NONE} when none did (equal, lower, or only the pre-release differs).
   */
  public Bump bumpTo(SemVer next) {
    if (next.major != major) {
      return next.major > major ? Bump.MAJOR : Bump.NONE;
    }
    if (next.minor != minor) {
      return next.minor > minor ? Bump.MINOR : Bump.NONE;
    }
    if (next.patch != patch) {
      return next.patch > patch ? Bump.PATCH : Bump.NONE;
    }
    return Bump.NONE;
  }

  /** The smallest version above this one with the given bump, e.g. 1.4.2 + minor = 1.5.0. */
  public SemVer next(Bump bump) {
    return switch (bump) {
      case MAJOR -> of(major + 1, 0, 0);
      case MINOR -> of(major, minor + 1, 0);
      case PATCH, NONE ->
          preRelease.isEmpty() ? of(major, minor, patch + 1) : of(major, minor, patch);
    };
  }

  /** A release version without pre-release. */
  public static SemVer of(long major, long minor, long patch) {
    return new SemVer(major, minor, patch, "", major + "." + minor + "." + patch);
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
    }
    String[] a = preRelease.split("\\.");
    String[] b = o.preRelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean na = a[i].chars().allMatch(Character::isDigit);
      boolean nb = b[i].chars().allMatch(Character::isDigit);
      int d;
      if (na && nb) {
        d = new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]));
      } else if (na != nb) {
        d = na ? -1 : 1;
      } else {
        d = a[i].compareTo(b[i]);
      }
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public String toString() {
    return text;
  }
}
