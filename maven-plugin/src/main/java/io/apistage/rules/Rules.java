package io.apistage.rules;

import java.util.List;

/**
 * The catalogue of validation rules, in the order they run.
 *
 * @since 0.1.0
 */
public final class Rules {

  private Rules() {}

  /** Every rule. */
  public static List<Rule> all() {
    return List.of();
  }
}
