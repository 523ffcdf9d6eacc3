package io.apistage.problem;

import java.util.Locale;

/**
 * How large a version step a change needs, or how large a step two versions are apart: none, patch
 * (documentation), minor (additive, backward compatible) or major (breaking).
 *
 * @since 0.1.0
 */
public enum Bump {
  NONE,
  PATCH,
  MINOR,
  MAJOR;

  /**
   * The lower-case name used in reports: {@code none}, {@code patch}, {@code minor}, {@code major}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The larger of two bumps. */
  public Bump max(Bump other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Whether this bump is at least {@code other}. */
  public boolean covers(Bump other) {
    return compareTo(other) >= 0;
  }
}
