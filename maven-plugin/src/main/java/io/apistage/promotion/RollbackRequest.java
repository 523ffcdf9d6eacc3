package io.apistage.promotion;

import java.time.Clock;

/**
 * The parameters of {@code rollback}.
 *
 * @param stage the stage to roll back ({@code apistage.stage})
 * @param promotion the promotion to undo ({@code apistage.promotion}), or null for the last one
 * @param clock the clock for the record's time
 * @since 0.1.0
 */
public record RollbackRequest(String stage, String promotion, Clock clock) {

  /** A request on the system clock in UTC. */
  public static RollbackRequest of(String stage, String promotion) {
    return new RollbackRequest(stage, promotion, Clock.systemUTC());
  }
}
