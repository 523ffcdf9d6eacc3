package io.apistage.versions;

import io.apistage.problem.Bump;
import io.apistage.problem.RuleId;
import java.util.Objects;

/**
 * One classified difference between two versions of an Api document.
 *
 * @param rule the change rule of the catalogue, e.g. {@link RuleId#ENDPOINT_REMOVED}
 * @param field JSON pointer of the value in the new document (for a removal: in the old one)
 * @param message what changed, for the person reading the pull request
 * @param removal whether the value is gone from the new document (its position is the parent's)
 * @param baseField JSON pointer of the value in the old document, null when it has none there
 * @since 0.1.0
 */
public record Finding(
    RuleId rule, String field, String message, boolean removal, String baseField) {

  /** A finding whose old place is known only for a removal: its {@code field}. */
  public Finding(RuleId rule, String field, String message, boolean removal) {
    this(rule, field, message, removal, removal ? field : null);
  }

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    if (!rule.isChange()) {
      throw new IllegalArgumentException(rule.id() + " is not a change rule");
    }
  }

  /** The version step the difference needs: its rule's. */
  public Bump bump() {
    return rule.bump();
  }
}
