package io.apistage.rules;

import io.apistage.model.Config;
import io.apistage.problem.Problem;
import java.util.List;

/**
 * One check over the whole configuration that needs no Git history. Rules return problems; nothing
 * throws for a user's mistake.
 *
 * @since 0.1.0
 */
public interface Rule {

  /**
   * The problems this rule finds. Documents may have failed their schemas: a rule reads only
   * well-formed values and leaves the rest to the schema, so that one typo gives one problem.
   */
  List<Problem> check(Config config);

  /**
   * The same, reading what the rule needs of each file alone from {@code facts} (found once per
   * run, or kept by the validate cache); rules that need no such facts ignore them.
   */
  default List<Problem> check(Config config, Facts facts) {
    return check(config);
  }
}
