package io.apistage.versions;

import static io.apistage.versions.PlainValues.decimal;
import static io.apistage.versions.PlainValues.strings;

import io.apistage.problem.RuleId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Constraint keywords of a schema or parameter ({@code minimum}, {@code maxLength}, {@code
 * pattern}, {@code enum} and the like): whether a change accepts fewer values than before, and the
 * findings of an enum's values.
 *
 * @since 0.1.0
 */
final class Constraints {

  private Constraints() {}

  private static final Set<String> LOWER_BOUNDS =
      Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final Set<String> UPPER_BOUNDS =
      Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
  private static final Set<String> OTHER_CONSTRAINTS =
      Set.of("pattern", "multipleOf", "uniqueItems");

  /** Flags that, when true, let more values through: {@code null}, an empty parameter. */
  private static final Set<String> PERMISSIVE_FLAGS = Set.of("nullable", "allowEmptyValue");

  /** Patterns that match every string: a pattern changed to one of them is a pattern dropped. */
  private static final Set<String> ANY_STRING = Set.of(".*", "^.*$", "^.*", ".*$", "");

  /**
   * The rules that classify a change of an {@code enum}.
   *
   * @param valueRemoved a value no longer allowed
   * @param valueAdded a value newly allowed
   * @param restricted an enum where there was none
   * @param unrestricted the enum removed
   */
  record EnumRules(
      RuleId valueRemoved, RuleId valueAdded, RuleId restricted, RuleId unrestricted) {}

  /** Whether a keyword constrains the values a schema or parameter accepts. */
  static boolean isConstraint(String key) {
    return LOWER_BOUNDS.contains(key)
        || UPPER_BOUNDS.contains(key)
        || OTHER_CONSTRAINTS.contains(key)
        || PERMISSIVE_FLAGS.contains(key);
  }

  /**
   * Whether a constraint change changes nothing: a flag between absent and {@code false} (OpenAPI
   * 3.0's {@code exclusiveMaximum: false} bounds nothing), or a pattern between absent and one that
   * matches every string.
   */
  static boolean isNoChange(String key, Object before, Object after) {
    if (key.equals("pattern")) {
      return isAnyString(before) && isAnyString(after);
    }
    return (before == null || Boolean.FALSE.equals(before))
        && (after == null || Boolean.FALSE.equals(after));
  }

  private static boolean isAnyString(Object pattern) {
    return pattern == null || ANY_STRING.contains(String.valueOf(pattern));
  }

  /** Whether a constraint change accepts fewer values than before. */
  static boolean isTightened(String key, Object before, Object after) {
    if (PERMISSIVE_FLAGS.contains(key)) {
      return Boolean.TRUE.equals(before) && !Boolean.TRUE.equals(after);
    }
    if (key.equals("pattern") && (isAnyString(before) || isAnyString(after))) {
      return isAnyString(before) && !isAnyString(after);
    }
    if (before == null) {
      return after != null && !Boolean.FALSE.equals(after);
    }
    if (after == null) {
      return false;
    }
    BigDecimal b = decimal(before);
    BigDecimal a = decimal(after);
    if (a != null && b != null) {
      if (LOWER_BOUNDS.contains(key)) {
        return a.compareTo(b) > 0;
      }
      if (UPPER_BOUNDS.contains(key)) {
        return a.compareTo(b) < 0;
      }
    }
    if (Boolean.TRUE.equals(after) || Boolean.TRUE.equals(before)) {
      return Boolean.TRUE.equals(after);
    }
    return true;
  }

  /**
   * Whether a {@code type} change only widens or narrows numbers: {@code integer} → {@code number}
   * accepts more values, the reverse fewer.
   *
   * @return true for a widening, false for a narrowing, null for any other type change
   */
  static Boolean numberWidened(Object before, Object after) {
    if ("integer".equals(before) && "number".equals(after)) {
      return true;
    }
    if ("number".equals(before) && "integer".equals(after)) {
      return false;
    }
    return null;
  }

  /** The findings of an {@code enum} change of what {@code label} names. */
  static void classifyEnum(ChangePath loc, String label, EnumRules rules, List<Finding> out) {
    if (loc.from() == null) {
      out.add(loc.finding(rules.restricted(), label + " restricted to " + strings(loc.to())));
      return;
    }
    if (loc.to() == null) {
      out.add(
          loc.finding(
              rules.unrestricted(), label + " no longer restricted to " + strings(loc.from())));
      return;
    }
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    for (String v : before) {
      if (!after.contains(v)) {
        out.add(loc.finding(rules.valueRemoved(), "enum value " + v + " removed from " + label));
      }
    }
    for (String v : after) {
      if (!before.contains(v)) {
        out.add(loc.finding(rules.valueAdded(), "enum value " + v + " added to " + label));
      }
    }
  }
}
