package io.apistage.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as release tags carry it, ordered by semver precedence (a pre-release
 * before its release, build metadata ignored).
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param preRelease the pre-release part without its hyphen, or "" for a release
 * @param text the version as written
 * @since 0.1.0
 */
public record Version(long major, long minor, long patch, String preRelease, String text)
    implements Comparable<Version> {

  /** The semver grammar of semver.org, without a leading {@code v}. */
  public static final String REGEX =
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  /** The version a text spells, or empty when it is not a semantic version. */
  public static Optional<Version> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Version(
              Long.parseLong(m.group(1)),
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3)),
              m.group(4) == null ? "" : m.group(4),
              text));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a number beyond long is no version anyone releases
    }
  }

  @Override
  public int compareTo(Version o) {
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
      } else if (na || nb) {
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
