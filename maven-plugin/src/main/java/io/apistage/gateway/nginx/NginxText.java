package io.apistage.gateway.nginx;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How apistage writes nginx configuration text: quoted strings, variable and zone names, JSON
 * bodies in the report envelope, and request rates.
 *
 * @since 0.1.0
 */
final class NginxText {

  private NginxText() {}

  /** A double-quoted nginx string; {@code "} and {@code \} escaped. Never holds {@code $} here. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A single-quoted nginx string holding a JSON body. */
  static String body(String status, String code, String message) {
    String json =
        "{\"status\":\""
            + status
            + "\",\"code\":\""
            + code
            + "\",\"message\":\""
            + json(message)
            + "\"}\\n";
    return "'" + json.replace("'", "\\'") + "'";
  }

  /** A text inside a JSON string: {@code \} and {@code "} escaped. */
  static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** A name part from an asset name: {@code order-items} is {@code order_items}. */
  static String id(String name) {
    return name.replace('-', '_');
  }

  /** A regular expression matching a literal text exactly. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\.+*?()[]{}|^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A request rate nginx can enforce.
   *
   * @param rate the {@code rate=} value, e.g. {@code 100r/m}
   * @param burst requests accepted at once beyond the rate (the rest of the period's allowance)
   * @param retryAfter seconds a client waits before the next request is accepted
   */
  record Rate(String rate, int burst, int retryAfter) {}

  private static final Map<String, Integer> SECONDS =
      Map.of("second", 1, "minute", 60, "hour", 3600, "day", 86400);

  /**
   * The nginx rate of {@code requests} per {@code period}, or empty when nginx cannot enforce it
   * (nginx counts per second or per minute: an hour or day must divide into whole requests per
   * minute, a month or year cannot).
   */
  static Optional<Rate> rate(Object requests, Object period) {
    if (!(requests instanceof Number n) || n.longValue() < 1 || !(period instanceof String p)) {
      return Optional.empty();
    }
    long count = n.longValue();
    Integer seconds = SECONDS.get(p);
    if (seconds == null || count > 1_000_000) {
      return Optional.empty();
    }
    String rate;
    if (seconds == 1) {
      rate = count + "r/s";
    } else if (seconds == 60) {
      rate = count + "r/m";
    } else if (count % (seconds / 60) == 0) {
      rate = count / (seconds / 60) + "r/m";
    } else {
      return Optional.empty();
    }
    int retry = (int) Math.max(1, (seconds + count - 1) / count);
    return Optional.of(new Rate(rate, (int) Math.min(count - 1, 100_000), retry));
  }

  /** Why {@link #rate} refused a limit, for the problem. */
  static String rateRefusal(Object requests, Object period) {
    return "nginx cannot enforce "
        + requests
        + " requests per "
        + period
        + ": it counts per second or per minute, so give a period of second or minute, or an"
        + " hour or day count that divides into whole requests per minute";
  }

  /** {@code GET, POST} for an Allow header. */
  static String allow(List<String> methods) {
    return String.join(", ", methods);
  }

  /** Lower case. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
