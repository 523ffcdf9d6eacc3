package io.apistage.gateway.nginx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the policies of one Api add to the configuration: blocks at the {@code http} level (each
 * once, however many Apis use it), lines in each of its locations, response headers (also sent on a
 * CORS preflight), the preflight answer, and the longest Retry-After of its rate limits.
 *
 * @since 0.1.0
 */
final class Directives {

  /** Blocks at the http level, shared by every location that needs them. */
  final Set<String> http;

  /** Lines in each location of the Api (limits, access rules, logs, headers to the backend). */
  final List<String> location = new ArrayList<>();

  /** {@code add_header} lines of every answer. */
  final List<String> headers = new ArrayList<>();

  /** The lines of the CORS preflight answer, or empty. */
  final List<String> preflight = new ArrayList<>();

  /** The longest Retry-After of the rate limits, 0 without any. */
  int retryAfter;

  /** Whether an ip filter may answer 403. */
  boolean denies;

  Directives(Set<String> http) {
    this.http = http;
  }

  /** A new set of directives sharing the http blocks. */
  static Directives sharing(Set<String> http) {
    return new Directives(http);
  }

  /** Directives with a fresh http set, for tests and single renders. */
  static Directives fresh() {
    return new Directives(new LinkedHashSet<>());
  }

  /** The number of rate-limit policies of the Api so far: each keys its own zone slot. */
  int policySlots;

  /** Adds a rate limit on a shared zone. */
  void limit(String zone, NginxText.Rate rate) {
    location.add(
        "limit_req zone="
            + zone
            + (rate.burst() > 0 ? " burst=" + rate.burst() + " nodelay" : "")
            + ";");
    retryAfter = Math.max(retryAfter, rate.retryAfter());
  }
}
