package io.apistage.versions;

import java.util.Objects;

/**
 * One classified difference between two versions of an Api document.
 *
 * @param rule the rule id from {@link ChangeRules}, e.g. {@code endpoint-removed}
 * @param bump the version step the difference needs
 * @param field JSON pointer of the value in the new document (for a removal: in the old one)
 * @param message what changed, for the person reading the pull request
 * @param removal whether the value is gone from the new document (its position is the parent's)
 * @since 0.1.0
 */
public record Finding(String rule, Bump bump, String field, String message, boolean removal) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(bump, "bump");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
