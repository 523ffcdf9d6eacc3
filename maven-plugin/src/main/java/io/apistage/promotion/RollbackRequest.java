package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import java.time.Clock;
import java.util.Map;

/**
 * The parameters of {@code rollback}.
 *
 * @param stage the stage to roll back ({@code apistage.stage})
 * @param promotion the promotion to undo ({@code apistage.promotion}), or null for the last one
 * @param clock the clock for the record's time
 * @param servers credentials of stage remotes by {@code settings.xml} server id
 * @since 0.1.0
 */
public record RollbackRequest(
    String stage, String promotion, Clock clock, Map<String, GitCredentials> servers) {

  public RollbackRequest {
    servers = Map.copyOf(servers);
  }

  /** A request without stage credentials (stages in this repository or on open remotes). */
  public RollbackRequest(String stage, String promotion, Clock clock) {
    this(stage, promotion, clock, Map.of());
  }

  /** A request on the system clock in UTC. */
  public static RollbackRequest of(
      String stage, String promotion, Map<String, GitCredentials> servers) {
    return new RollbackRequest(stage, promotion, Clock.systemUTC(), servers);
  }
}
