package io.apistage.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may call each Api major of a stage: the applications that use it directly ({@code apis}) or
 * through a subscription's package, with their api keys resolved from secrets, and the plan each
 * subscription puts the application on. Gateway-neutral; a key is never part of a message.
 *
 * @since 0.1.0
 */
public final class Access {

  /** What an api key may hold, so that every gateway can match it exactly. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._+/=-][A-Za-z0-9._~+/=-]{7,}");

  /** The applications (sorted) that may call an Api major, by {@code orders@1}. */
  private final Map<String, Set<String>> consumers = new TreeMap<>();

  /** The plans of the applications that reach an Api major by a subscription, by api ref. */
  private final Map<String, Map<String, Set<String>>> plans = new TreeMap<>();

  /** The resolved keys of each application, in the order of its credentials. */
  private final Map<String, List<String>> keys = new TreeMap<>();

  private Access() {}

  /**
   * Reads access from a stage's assets (plain, by key), resolving every credential of every
   * application; what cannot be resolved is a problem.
   */
  public static Access of(Map<String, Object> assets, Secrets secrets, StageProblems problems) {
    Access access = new Access();
    Map<String, String> owners = new HashMap<>();
    for (Map.Entry<String, Object> e : assets.entrySet()) {
      if (e.getKey().startsWith("application/") && e.getValue() instanceof Map<?, ?> app) {
        String name = e.getKey().substring("application/".length());
        for (Object ref : list(app.get("apis"))) {
          access.consumers.computeIfAbsent(String.valueOf(ref), k -> new TreeSet<>()).add(name);
        }
        access.keys.put(name, access.resolve(e.getKey(), app, secrets, problems, owners));
      }
    }
    for (Map.Entry<String, Object> e : assets.entrySet()) {
      if (e.getKey().startsWith("subscription/") && e.getValue() instanceof Map<?, ?> sub) {
        String app = String.valueOf(sub.get("application"));
        Object pkg = assets.get("package/" + sub.get("package"));
        if (!(pkg instanceof Map<?, ?> p) || !assets.containsKey("application/" + app)) {
          continue;
        }
        for (Object ref : list(p.get("apis"))) {
          access.consumers.computeIfAbsent(String.valueOf(ref), k -> new TreeSet<>()).add(app);
          if (sub.get("plan") != null) {
            access
                .plans
                .computeIfAbsent(String.valueOf(ref), k -> new TreeMap<>())
                .computeIfAbsent(String.valueOf(sub.get("plan")), k -> new TreeSet<>())
                .add(app);
          }
        }
      }
    }
    return access;
  }

  private List<String> resolve(
      String key,
      Map<?, ?> app,
      Secrets secrets,
      StageProblems problems,
      Map<String, String> owners) {
    List<String> out = new ArrayList<>();
    List<?> credentials = list(app.get("credentials"));
    for (int i = 0; i < credentials.size(); i++) {
      if (!(credentials.get(i) instanceof Map<?, ?> c)) {
        continue;
      }
      String pointer = "/credentials/" + i + "/key";
      String ref = c.get("key") == null ? null : String.valueOf(c.get("key"));
      String name = Secrets.referenced(ref).orElse(null);
      if (name == null) {
        problems.error(
            key,
            pointer,
            "the key of credential '"
                + c.get("name")
                + "' is not a"
                + " ${secret:NAME} reference; the gateway takes keys only from secrets");
        continue;
      }
      String value = secrets.value(name).orElse(null);
      if (value == null) {
        problems.error(key, pointer, missing(name, problems.stage()));
      } else if (!KEY.matcher(value).matches()) {
        problems.error(
            key,
            pointer,
            "secret "
                + name
                + " is not usable as an api key: give at"
                + " least 8 characters of letters, digits and . _ ~ + / = - (not starting with ~)");
      } else if (owners.putIfAbsent(value, key + " " + name) != null) {
        problems.error(
            key,
            pointer,
            "secret "
                + name
                + " holds the same api key as "
                + owners.get(value).replace(" ", "'s secret ")
                + "; each key names one application");
      } else {
        out.add(value);
      }
    }
    return List.copyOf(out);
  }

  /** The message of a secret that neither source holds. */
  public static String missing(String name, String stage) {
    return "secret "
        + name
        + " is not set for stage "
        + stage
        + ": set the environment variable "
        + Secrets.ENV_PREFIX
        + name
        + " or a settings.xml <server> with <id>"
        + name
        + "</id> and the value as <password>";
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  /** The applications that may call an Api major ({@code orders@1}), sorted. */
  public Set<String> consumers(String apiRef) {
    return consumers.getOrDefault(apiRef, Set.of());
  }

  /** The resolved keys of an application. */
  public List<String> keys(String application) {
    return keys.getOrDefault(application, List.of());
  }

  /**
   * The applications on each plan (by plan name) among those that reach an Api major by a
   * subscription.
   */
  public Map<String, Set<String>> plans(String apiRef) {
    return plans.getOrDefault(apiRef, Map.of());
  }

  @Override
  public String toString() {
    return "Access[" + consumers + ", keys hidden]";
  }
}
