package io.apistage.rules;

import io.apistage.model.Config;
import io.apistage.problem.Problem;
import java.util.List;

/**
 * One check over the whole configuration that needs no Git history. Rules return problems;
 * nothing throws for a user's mistake.
 *
 * @since 0.1.0
 */
public interface Rule {

  /** The problems this rule finds in a configuration whose documents passed their schemas. */
  List<Problem> check(Config config);
}
