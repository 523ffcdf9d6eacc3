package io.apistage.notice;

import java.util.Map;
import java.util.Optional;

/**
 * Secret values by name, looked up where they are used and nowhere else: the environment variable
 * {@code APISTAGE_SECRET_<NAME>} first, then the password of a {@code settings.xml} server whose id
 * is {@code NAME}.
 *
 * @param env the environment
 * @param servers server passwords by id
 * @since 0.2.0
 */
public record SecretValues(Map<String, String> env, Map<String, String> servers)
    implements NoticeDelivery.Secrets {

  /** The prefix of the environment variables that hold secrets. */
  public static final String ENV_PREFIX = "APISTAGE_SECRET_";

  public SecretValues {
    env = Map.copyOf(env);
    servers = Map.copyOf(servers);
  }

  @Override
  public Optional<String> value(String name) {
    String fromEnv = env.get(ENV_PREFIX + name);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    String fromServer = servers.get(name);
    return fromServer == null || fromServer.isEmpty() ? Optional.empty() : Optional.of(fromServer);
  }

  /** A safe text for logs and reports. */
  @Override
  public String toString() {
    return "SecretValues[" + servers.size() + " servers]";
  }
}
