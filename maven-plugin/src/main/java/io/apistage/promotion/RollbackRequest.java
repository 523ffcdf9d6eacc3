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
 * @param secretServers passwords of {@code settings.xml} servers by id, for the secrets of notices'
 *     webhooks (when {@code APISTAGE_SECRET_<NAME>} is not set)
 * @param options the dry run switch and the confirmation a protected stage needs
 * @since 0.1.0
 */
public record RollbackRequest(
    String stage,
    String promotion,
    Clock clock,
    Map<String, GitCredentials> servers,
    Map<String, String> secretServers,
    Options options) {

  /**
   * What keeps an operator's rollback safe.
   *
   * @param dryRun compute and report what would be restored, write nothing ({@code
   *     apistage.dryRun})
   * @param confirm the stage's name, which rolling back a {@code protected: true} stage needs
   *     ({@code apistage.confirm})
   */
  public record Options(boolean dryRun, String confirm) {

    /** A rollback for real, without a confirmation. */
    public static final Options NONE = new Options(false, null);
  }

  public RollbackRequest {
    servers = Map.copyOf(servers);
    secretServers = Map.copyOf(secretServers);
    options = options == null ? Options.NONE : options;
  }

  /** A request without a dry run or a confirmation. */
  public RollbackRequest(
      String stage,
      String promotion,
      Clock clock,
      Map<String, GitCredentials> servers,
      Map<String, String> secretServers) {
    this(stage, promotion, clock, servers, secretServers, Options.NONE);
  }

  /** A request whose webhook secrets come from the environment only. */
  public RollbackRequest(
      String stage, String promotion, Clock clock, Map<String, GitCredentials> servers) {
    this(stage, promotion, clock, servers, Map.of());
  }

  /** A request without stage credentials (stages in this repository or on open remotes). */
  public RollbackRequest(String stage, String promotion, Clock clock) {
    this(stage, promotion, clock, Map.of());
  }

  /** A request on the system clock in UTC. */
  public static RollbackRequest of(
      String stage,
      String promotion,
      Map<String, GitCredentials> servers,
      Map<String, String> secretServers,
      Options options) {
    return new RollbackRequest(
        stage, promotion, Clock.systemUTC(), servers, secretServers, options);
  }
}
