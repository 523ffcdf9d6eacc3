package io.apistage.versions;

import static io.apistage.problem.RuleId.*;
import static io.apistage.versions.PlainValues.decimal;
import static io.apistage.versions.PlainValues.field;
import static io.apistage.versions.PlainValues.strings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what a change of the settings the gateway enforces breaks: policies, auth, rate limits
 * (compared as a rate, so {@code 60/minute} equals {@code 1/second}) and pricing.
 *
 * @since 0.1.0
 */
final class GatewaySettingsClassifier {

  private GatewaySettingsClassifier() {}

  /** Policies added or removed; {@code where} names the endpoint, empty for the API. */
  static void policies(ChangePath loc, String where, List<Finding> out) {
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    for (String p : after) {
      if (!before.contains(p)) {
        out.add(loc.finding(POLICY_ADDED, "policy " + p + " added" + where));
      }
    }
    for (String p : before) {
      if (!after.contains(p)) {
        out.add(loc.finding(POLICY_REMOVED, "policy " + p + " removed" + where));
      }
    }
  }

  static void auth(ChangePath loc, List<Finding> out) {
    if (loc.size() == 1) {
      out.add(
          switch (loc.type()) {
            case ADDED ->
                loc.finding(
                    AUTH_ADDED,
                    "auth " + field(loc.to(), "type") + " added: calls now need a credential");
            case REMOVED -> loc.finding(AUTH_REMOVED, "auth removed: calls need no credential");
            case CHANGED -> loc.finding(AUTH_TYPE_CHANGED, "auth " + loc.howChanged());
          });
      return;
    }
    String key = loc.key(1);
    String how = loc.howChanged();
    switch (key) {
      case "type" -> out.add(loc.finding(AUTH_TYPE_CHANGED, "auth type " + how));
      case "tokenLocation", "location", "in" ->
          out.add(loc.finding(AUTH_LOCATION_CHANGED, "auth " + key + " " + how));
      case "tokenName", "name", "header" ->
          out.add(loc.finding(AUTH_NAME_CHANGED, "auth " + key + " " + how));
      case "staticToken" ->
          out.add(loc.finding(AUTH_CREDENTIAL_CHANGED, "auth staticToken " + how));
      case "scopes" -> {
        Set<String> before = strings(loc.from());
        Set<String> after = strings(loc.to());
        for (String scope : after) {
          if (!before.contains(scope)) {
            out.add(loc.finding(AUTH_SCOPE_ADDED, "auth scope " + scope + " now required"));
          }
        }
        for (String scope : before) {
          if (!after.contains(scope)) {
            out.add(loc.finding(AUTH_SCOPE_REMOVED, "auth scope " + scope + " no longer required"));
          }
        }
      }
      default -> out.add(loc.unclassified());
    }
  }

  /**
   * A rate limit judged as a whole: requests per period, compared as a rate.
   *
   * @param depth the number of keys before {@code rateLimit}
   * @param owner what the limit belongs to, e.g. {@code the API}
   */
  static void rateLimit(ChangePath loc, int depth, String owner, List<Finding> out) {
    Object before = loc.oldValueAt(depth + 1);
    Object after = loc.newValueAt(depth + 1);
    String field = loc.pointer(depth + 1);
    String label = "rate limit of " + owner;
    if (before == null && after != null) {
      out.add(new Finding(RATE_LIMIT_ADDED, field, label + " added: " + rate(after), false));
      return;
    }
    if (after == null && before != null) {
      String message = label + " removed (was " + rate(before) + ")";
      out.add(new Finding(RATE_LIMIT_REMOVED, field, message, true));
      return;
    }
    BigDecimal oldRate = perSecond(before);
    BigDecimal newRate = perSecond(after);
    if (oldRate == null || newRate == null) {
      out.add(loc.unclassified());
      return;
    }
    int c = newRate.compareTo(oldRate);
    String change = " from " + rate(before) + " to " + rate(after);
    if (c < 0) {
      out.add(new Finding(RATE_LIMIT_LOWERED, field, label + " lowered" + change, false));
    } else if (c > 0) {
      out.add(new Finding(RATE_LIMIT_RAISED, field, label + " raised" + change, false));
    } else if (!Objects.equals(field(before, "period"), field(after, "period"))) {
      String message = label + " window changed" + change;
      out.add(new Finding(RATE_LIMIT_WINDOW_CHANGED, field, message, false));
    } else {
      out.add(loc.unclassified());
    }
  }

  private static String rate(Object limit) {
    return field(limit, "requests") + "/" + field(limit, "period");
  }

  private static BigDecimal perSecond(Object limit) {
    BigDecimal requests = decimal(field(limit, "requests"));
    Object period = field(limit, "period");
    long seconds =
        period == null
            ? -1
            : switch (String.valueOf(period)) {
              case "second" -> 1;
              case "minute" -> 60;
              case "hour" -> 3_600;
              case "day" -> 86_400;
              case "month" -> 2_592_000;
              case "year" -> 31_536_000;
              default -> -1;
            };
    if (requests == null || seconds < 0) {
      return null;
    }
    return requests.divide(BigDecimal.valueOf(seconds), 12, RoundingMode.HALF_EVEN);
  }

  static void pricing(ChangePath loc, List<Finding> out) {
    if (loc.size() == 1) {
      out.add(
          switch (loc.type()) {
            case ADDED -> loc.finding(PRICING_ADDED, "pricing added: the API is no longer free");
            case REMOVED -> loc.finding(PRICING_REMOVED, "pricing removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    switch (loc.key(1)) {
      case "type" -> out.add(loc.finding(PRICING_TYPE_CHANGED, "pricing type " + loc.howChanged()));
      case "currency" ->
          out.add(loc.finding(PRICING_CURRENCY_CHANGED, "pricing currency " + loc.howChanged()));
      case "plans" -> plan(loc, out);
      default -> out.add(loc.unclassified());
    }
  }

  private static void plan(ChangePath loc, List<Finding> out) {
    int n = loc.size();
    if (n < 3) {
      out.add(loc.unclassified());
      return;
    }
    String plan = "pricing plan " + field(loc.latestValueAt(3), "name");
    if (n == 3) {
      out.add(
          switch (loc.type()) {
            case ADDED -> loc.finding(PRICING_PLAN_ADDED, plan + " added");
            case REMOVED -> loc.finding(PRICING_PLAN_REMOVED, plan + " removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    String how = loc.howChanged();
    switch (loc.key(3)) {
      case "price" -> out.add(price(loc, plan));
      case "period" ->
          out.add(loc.finding(PRICING_PERIOD_CHANGED, "period of " + plan + " " + how));
      case "currency" ->
          out.add(loc.finding(PRICING_CURRENCY_CHANGED, "currency of " + plan + " " + how));
      case "features" -> {
        Set<String> before = strings(loc.from());
        Set<String> after = strings(loc.to());
        for (String f : before) {
          if (!after.contains(f)) {
            out.add(
                loc.finding(PRICING_FEATURE_REMOVED, "feature '" + f + "' removed from " + plan));
          }
        }
        for (String f : after) {
          if (!before.contains(f)) {
            out.add(loc.finding(PRICING_FEATURE_ADDED, "feature '" + f + "' added to " + plan));
          }
        }
      }
      default -> out.add(loc.unclassified());
    }
  }

  /** A price raised or lowered; a missing price is zero. */
  private static Finding price(ChangePath loc, String plan) {
    BigDecimal before = loc.from() == null ? BigDecimal.ZERO : decimal(loc.from());
    BigDecimal after = loc.to() == null ? BigDecimal.ZERO : decimal(loc.to());
    if (before == null || after == null) {
      return loc.unclassified();
    }
    if (after.compareTo(before) > 0) {
      return loc.finding(PRICING_PRICE_RAISED, "price of " + plan + " raised " + loc.fromTo());
    }
    return loc.finding(PRICING_PRICE_LOWERED, "price of " + plan + " lowered " + loc.fromTo());
  }
}
