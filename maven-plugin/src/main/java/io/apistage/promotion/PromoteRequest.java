package io.apistage.promotion;

import io.apistage.git.GitCredentials;
import java.time.Clock;
import java.util.Map;

/**
 * The parameters of {@code promote}.
 *
 * @param promotion the one promotion to apply ({@code apistage.promotion}), or null for all pending
 *     ones
 * @param dryRun whether to compute and report without writing ({@code apistage.dryRun})
 * @param repromote whether to apply promotions again that were applied with the same content
 *     ({@code apistage.repromote})
 * @param clock the clock for the records' time
 * @param servers credentials of stage remotes by {@code settings.xml} server id
 * @param secretServers passwords of {@code settings.xml} servers by id, for the secrets of notices'
 *     webhooks (when {@code APISTAGE_SECRET_<NAME>} is not set)
 * @since 0.1.0
 */
public record PromoteRequest(
    String promotion,
    boolean dryRun,
    boolean repromote,
    Clock clock,
    Map<String, GitCredentials> servers,
    Map<String, String> secretServers) {

  public PromoteRequest {
    servers = Map.copyOf(servers);
    secretServers = Map.copyOf(secretServers);
  }

  /** A request whose webhook secrets come from the environment only. */
  public PromoteRequest(
      String promotion,
      boolean dryRun,
      boolean repromote,
      Clock clock,
      Map<String, GitCredentials> servers) {
    this(promotion, dryRun, repromote, clock, servers, Map.of());
  }

  /** A request without stage credentials (stages in this repository or on open remotes). */
  public PromoteRequest(String promotion, boolean dryRun, boolean repromote, Clock clock) {
    this(promotion, dryRun, repromote, clock, Map.of());
  }

  /** A request on the system clock in UTC. */
  public static PromoteRequest of(
      String promotion,
      boolean dryRun,
      boolean repromote,
      Map<String, GitCredentials> servers,
      Map<String, String> secretServers) {
    return new PromoteRequest(
        promotion, dryRun, repromote, Clock.systemUTC(), servers, secretServers);
  }
}
