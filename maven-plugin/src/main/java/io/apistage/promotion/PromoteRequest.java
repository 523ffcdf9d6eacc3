package io.apistage.promotion;

import java.time.Clock;

/**
 * The parameters of {@code promote}.
 *
 * @param promotion the one promotion to apply ({@code apistage.promotion}), or null for all pending
 *     ones
 * @param dryRun whether to compute and report without writing ({@code apistage.dryRun})
 * @param repromote whether to apply promotions again that were applied with the same content
 *     ({@code apistage.repromote})
 * @param clock the clock for the records' time
 * @since 0.1.0
 */
public record PromoteRequest(String promotion, boolean dryRun, boolean repromote, Clock clock) {

  /** A request on the system clock in UTC. */
  public static PromoteRequest of(String promotion, boolean dryRun, boolean repromote) {
    return new PromoteRequest(promotion, dryRun, repromote, Clock.systemUTC());
  }
}
