package io.apistage.gateway.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Api's policies and limits add besides map entries: lines in the Api's location (access
 * rules, access log), the longest Retry-After of its limits, and whether a CORS preflight is
 * answered for it.
 *
 * @since 0.1.0
 */
final class Directives {

  /** The Api's number in the stage's maps. */
  final int api;

  /** Lines in the Api's location. */
  final List<String> location = new ArrayList<>();

  /** The longest Retry-After of the Api's own limits (policies, plans), 0 without any. */
  int retryAfter;

  /** Whether a CORS policy answers preflight {@code OPTIONS} requests. */
  boolean preflight;

  /** The number of rate-limit policies of the Api so far: each keys its own zone slot. */
  int policySlots;

  Directives(int api) {
    this.api = api;
  }
}
