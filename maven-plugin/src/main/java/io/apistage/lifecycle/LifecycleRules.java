package io.apistage.lifecycle;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;

/**
 * The rule ids of the lifecycle goals' refusals and warnings (docs/lifecycle.md), and the problems
 * that carry them.
 *
 * @since 0.1.0
 */
final class LifecycleRules {

  static final String YAML = "yaml";
  static final String NEW_VERSION_EXISTS = "new-version-exists";
  static final String NEW_VERSION_SOURCE = "new-version-source";
  static final String STATE_UNCHANGED = "state-unchanged";
  static final String STATE_MOVED_BACK = "state-moved-back";
  static final String RETIRED_IN_USE = "retired-in-use";
  static final String UPGRADE_TO_DRAFT = "upgrade-to-draft";
  static final String UPGRADE_TO_RETIRED = "upgrade-to-retired";
  static final String RESTORE_EXISTS = "restore-exists";
  static final String RESTORE_NEVER_EXISTED = "restore-never-existed";

  private LifecycleRules() {}

  /** An error of a rule at a position. */
  static Problem error(String file, Position at, String field, String rule, String message) {
    return problem(file, at, field, rule, Severity.ERROR, message);
  }

  /** A problem of a rule at a position. */
  static Problem problem(
      String file, Position at, String field, String rule, Severity severity, String message) {
    return new Problem(file, at.line(), at.column(), field, rule, severity, message);
  }
}
