package io.apistage.maven;

import io.apistage.deploy.AutoDeploy;
import io.apistage.deploy.DeployRequest;
import io.apistage.deploy.GatewayDrift;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that put a stage on its gateway: {@code deploy}, and {@code promote} and {@code
 * rollback} for stages with {@code deploy: auto}. Holds the host-specific nginx properties.
 *
 * @since 0.1.0
 */
public abstract class GatewayMojo extends AbstractApistageMojo {

  /**
   * The main configuration file of the running nginx; its {@code http {}} block must contain {@code
   * include apistage/*.conf;}. apistage owns {@code <its folder>/apistage/<stage>.conf}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.nginx.conf", defaultValue = "/etc/nginx/nginx.conf")
  private File nginxConf;

  /**
   * The nginx binary.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.nginx.bin", defaultValue = "nginx")
  private String nginxBin;

  /**
   * Seconds to wait for the reloaded gateway to answer the new commit.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.nginx.readySeconds", defaultValue = "30")
  private int readySeconds;

  /** The Maven settings, whose servers may hold secrets (id = the secret's name). */
  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings mavenSettings;

  /** Decrypts the passwords of the settings' servers. */
  @Component private SettingsDecrypter secretDecrypter;

  /** The deploy request of a stage with this goal's properties. */
  protected DeployRequest deployRequest(String stage) throws ApistageException {
    return new DeployRequest(
        stage,
        nginxConf.toPath(),
        nginxBin,
        stageServers(),
        secretServers(mavenSettings, secretDecrypter),
        Duration.ofSeconds(readySeconds));
  }

  /** Deploys the stages a promote or rollback result changed whose gateway is {@code auto}. */
  protected GoalResult autoDeploy(GoalContext context, GoalResult result)
      throws ApistageException, IOException {
    return AutoDeploy.after(context, result, deployRequest(null));
  }

  /** Adds to a diff what the gateways cannot enforce and where they drift from their stages. */
  protected GoalResult gatewayDrift(GoalContext context, GoalResult result, String stage)
      throws ApistageException, IOException {
    return GatewayDrift.after(context, result, stage, deployRequest(null));
  }

  /** The password of every settings.xml server by id, decrypted; secrets are looked up here. */
  static Map<String, String> secretServers(Settings settings, SettingsDecrypter decrypter) {
    Map<String, String> out = new TreeMap<>();
    if (settings == null) {
      return out;
    }
    for (Server server : settings.getServers()) {
      Server plain =
          decrypter == null
              ? server
              : decrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
      if (plain != null && plain.getPassword() != null) {
        out.put(plain.getId(), plain.getPassword());
      }
    }
    return out;
  }
}
