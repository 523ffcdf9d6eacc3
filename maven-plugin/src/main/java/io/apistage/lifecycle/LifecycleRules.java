package io.apistage.lifecycle;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.problem.Severity;

/**
 * The rule ids of the lifecycle goals' refusals and warnings (docs/lifecycle.md), and the problems
 * that carry them.
 *
 * @since 0.1.0
 */
final class LifecycleRules {

  static final RuleId YAML = RuleId.YAML;
  static final RuleId NEW_VERSION_EXISTS = RuleId.NEW_VERSION_EXISTS;
  static final RuleId NEW_VERSION_SOURCE = RuleId.NEW_VERSION_SOURCE;
  static final RuleId STATE_UNCHANGED = RuleId.STATE_UNCHANGED;
  static final RuleId STATE_MOVED_BACK = RuleId.STATE_MOVED_BACK;
  static final RuleId RETIRED_IN_USE = RuleId.RETIRED_IN_USE;
  static final RuleId UPGRADE_TO_DRAFT = RuleId.UPGRADE_TO_DRAFT;
  static final RuleId UPGRADE_TO_RETIRED = RuleId.UPGRADE_TO_RETIRED;
  static final RuleId RESTORE_EXISTS = RuleId.RESTORE_EXISTS;
  static final RuleId RESTORE_NEVER_EXISTED = RuleId.RESTORE_NEVER_EXISTED;

  private LifecycleRules() {}

  /** An error of a rule at a position. */
  static Problem error(String file, Position at, String field, RuleId rule, String message) {
    return problem(file, at, field, rule, Severity.ERROR, message);
  }

  /** A problem of a rule at a position. */
  static Problem problem(
      String file, Position at, String field, RuleId rule, Severity severity, String message) {
    return Problem.of(file, at, field, rule, severity, message);
  }
}
