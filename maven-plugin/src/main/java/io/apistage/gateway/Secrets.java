package io.apistage.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code ${secret:NAME}} references are resolved when a stage's gateway is configured: the
 * environment variable {@code APISTAGE_SECRET_<NAME>}, else the password of the {@code
 * settings.xml} server whose id is {@code NAME}. Values are never printed: {@link #toString} names
 * only what is known.
 *
 * @since 0.1.0
 */
public final class Secrets {

  /** A whole value that is one secret reference; group 1 is the name. */
  public static final Pattern REFERENCE =
      Pattern.compile("\\$\\{secret:([A-Za-z_][A-Za-z0-9_]*)\\}");

  /** The prefix of the environment variables that hold secrets. */
  public static final String ENV_PREFIX = "APISTAGE_SECRET_";

  private final Map<String, String> env;
  private final Map<String, String> servers;
  private final boolean placeholders;

  /**
   * Secrets from an environment and {@code settings.xml} servers.
   *
   * @param env the environment variables
   * @param servers server passwords by server id
   */
  public Secrets(Map<String, String> env, Map<String, String> servers) {
    this(env, servers, false);
  }

  private Secrets(Map<String, String> env, Map<String, String> servers, boolean placeholders) {
    this.env = new TreeMap<>(env);
    this.servers = new TreeMap<>(servers);
    this.placeholders = placeholders;
  }

  /**
   * Secrets that are never read: every name has a distinct placeholder value, so that {@code diff}
   * can render a stage to find what its gateway cannot enforce without any secret at hand.
   */
  public static Secrets placeholders() {
    return new Secrets(Map.of(), Map.of(), true);
  }

  /** The name a value references, when the whole value is {@code ${secret:NAME}}. */
  public static Optional<String> referenced(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = REFERENCE.matcher(value);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The value of a secret, or empty when neither source has it. */
  public Optional<String> value(String name) {
    if (placeholders) {
      return Optional.of("placeholder-" + name);
    }
    String fromEnv = env.get(ENV_PREFIX + name);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    return Optional.ofNullable(servers.get(name)).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "Secrets[values hidden]";
  }
}
