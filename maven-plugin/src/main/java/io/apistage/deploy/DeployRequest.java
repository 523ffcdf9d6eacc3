package io.apistage.deploy;

import io.apistage.git.GitCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code apistage:deploy} is asked to do.
 *
 * @param stage the stage to deploy
 * @param nginxConf the main configuration file of the running nginx
 * @param nginxBin the nginx binary
 * @param servers Git credentials by {@code settings.xml} server id, for stages on a remote
 * @param secretServers passwords by {@code settings.xml} server id, for secrets
 * @param readyWithin how long to wait for the gateway to answer the new commit
 * @since 0.1.0
 */
public record DeployRequest(
    String stage,
    Path nginxConf,
    String nginxBin,
    Map<String, GitCredentials> servers,
    Map<String, String> secretServers,
    Duration readyWithin) {

  public DeployRequest {
    Objects.requireNonNull(nginxConf, "nginxConf");
    Objects.requireNonNull(nginxBin, "nginxBin");
    servers = Map.copyOf(servers);
    secretServers = Map.copyOf(secretServers);
    Objects.requireNonNull(readyWithin, "readyWithin");
  }

  /** Never the passwords. */
  @Override
  public String toString() {
    return "DeployRequest[stage="
        + stage
        + ", nginxConf="
        + nginxConf
        + ", nginxBin="
        + nginxBin
        + "]";
  }
}
