package io.apistage.goal;

import io.apistage.log.Log;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every goal gets: the config root, the report folder, the environment (for CI variables and
 * secrets; passed in so tests control it) and the log.
 *
 * @param configDir the config root
 * @param reportDir where reports are written
 * @param failOnWarning whether warnings fail the build
 * @param env the environment variables
 * @param log where messages go
 * @since 0.1.0
 */
public record GoalContext(
    Path configDir, Path reportDir, boolean failOnWarning, Map<String, String> env, Log log) {

  public GoalContext {
    configDir = configDir.toAbsolutePath().normalize();
    reportDir = reportDir.toAbsolutePath().normalize();
    env = Map.copyOf(env);
  }

  /** A context for tests and tools: system environment, no warnings failing. */
  public static GoalContext of(Path configDir, Path reportDir, Log log) {
    return new GoalContext(configDir, reportDir, false, System.getenv(), log);
  }

  /** This context with another environment. */
  public GoalContext withEnv(Map<String, String> other) {
    return new GoalContext(configDir, reportDir, failOnWarning, other, log);
  }

  /** This context with {@code failOnWarning} set. */
  public GoalContext withFailOnWarning(boolean value) {
    return new GoalContext(configDir, reportDir, value, env, log);
  }
}
