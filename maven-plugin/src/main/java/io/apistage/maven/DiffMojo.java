package io.apistage.maven;

import io.apistage.git.GitCredentials;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Shows, for each stage, what a promotion of the working copy would change there: the assets to
 * create, update (field by field) and delete, and the gateway URL of every endpoint.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "diff",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class DiffMojo extends AbstractApistageMojo {

  /**
   * The one stage to compare; all stages when absent.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * Fails the build when any stage differs from the working copy, for drift detection.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.failOnDiff", defaultValue = "false")
  private boolean failOnDiff;

  /** The Maven settings, whose servers hold the credentials of stage remotes. */
  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  @Component private SettingsDecrypter decrypter;

  @Override
  protected String goal() {
    return DiffGoal.GOAL;
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    DiffRequest request =
        new DiffRequest(Optional.ofNullable(stage), failOnDiff, servers(settings, decrypter));
    return new DiffGoal(context, request).execute();
  }

  /**
   * Every {@code settings.xml} server with a user name, as credentials by id, passwords decrypted.
   */
  static Map<String, GitCredentials> servers(Settings settings, SettingsDecrypter decrypter)
      throws ApistageException {
    Map<String, GitCredentials> out = new TreeMap<>();
    if (settings == null) {
      return out;
    }
    for (Server server : settings.getServers()) {
      Server plain = server;
      if (decrypter != null) {
        SettingsDecryptionResult result =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
          if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
            throw new ApistageException(
                "cannot decrypt the password of settings.xml server "
                    + server.getId()
                    + ": "
                    + problem.getMessage());
          }
        }
        plain = result.getServer();
      }
      if (plain.getUsername() != null) {
        out.put(
            plain.getId(),
            new GitCredentials(
                plain.getUsername(), plain.getPassword() == null ? "" : plain.getPassword()));
      }
    }
    return out;
  }
}
