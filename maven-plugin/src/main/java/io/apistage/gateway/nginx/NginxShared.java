package io.apistage.gateway.nginx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every Api of a stage shares, so that nginx's work does not grow per Api beyond one location
 * and a few map entries (docs/gateway.md, "Scale"): the maps (see {@link NginxMaps}), one map per
 * token source from api key to application, the maps saying which application may call which Api,
 * one {@code upstream} per backend address, one {@code limit_req_zone} per kind of limit, rate and
 * burst (with its {@code limit_req} once in the server, keyed by a map that is empty for a request
 * the limit does not count), and the server's header lines.
 *
 * @since 0.1.0
 */
final class NginxShared {

  /** The size of each shared zone: states of about 16,000 callers per MB. */
  static final String ZONE_SIZE = "10m";

  /** Entries of one shard of the allowed maps (each builds within nginx's default hash size). */
  static final int SHARD = 1000;

  final NginxMaps maps;
  private final String stageId;
  private final Map<String, Map<String, List<String>>> keysBySource = new TreeMap<>();
  private final Map<String, Integer> appIds = new TreeMap<>();
  private final List<Map<String, String>> allowed = new ArrayList<>();
  private final Map<String, Map<String, String>> planKeys = new TreeMap<>();
  private final Map<String, String> zones = new TreeMap<>();
  private final Map<String, String> limits = new TreeMap<>();
  private final Map<String, String> upstreams = new TreeMap<>();

  /** Server lines (headers to the answer and to the backend), each once, in order of first use. */
  final Set<String> server = new java.util.LinkedHashSet<>();

  /** Other http blocks (log formats), each once. */
  final Set<String> http = new java.util.LinkedHashSet<>();

  NginxShared(String stageId) {
    this.stageId = stageId;
    this.maps = new NginxMaps(stageId);
  }

  /**
   * The upstream of a backend address ({@code host:port}); one per address, named {@code
   * <port>_<host>.apistage_<stage>}: nginx finds the upstream of each {@code proxy_pass} by
   * comparing its name with every upstream's, so names that differ in their first characters (not
   * after a long prefix shared by all) keep {@code nginx -t} and the reload fast with thousands of
   * backends.
   */
  String upstream(String hostPort) {
    return upstreams.computeIfAbsent(
        hostPort,
        hp -> {
          int colon = hp.lastIndexOf(':');
          String address = hp.substring(colon + 1) + "_" + hp.substring(0, colon);
          StringBuilder name = new StringBuilder(address.length() + 16);
          for (char c : address.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_');
          }
          return name.append(".apistage_").append(stageId).toString();
        });
  }

  /** The applications and keys of a token source (its map is written even when it is empty). */
  Map<String, List<String>> callerOf(String source) {
    return keysBySource.computeIfAbsent(source, s -> new TreeMap<>());
  }

  /** Registers an application's keys in a token source; returns the source's caller variable. */
  String caller(String source, String app, List<String> keys) {
    appIds.computeIfAbsent(app, a -> appIds.size() + 1);
    callerOf(source).put(app, keys);
    return var("caller_" + source.substring(1));
  }

  /** The variable of the caller's application number in a token source. */
  String callerVar(String source) {
    return var("caller_" + source.substring(1));
  }

  /**
   * Allows applications to call Api {@code api}; returns the shard of the allowed maps that holds
   * its entries.
   */
  int allow(int api, Set<String> apps) {
    if (allowed.isEmpty() || allowed.get(allowed.size() - 1).size() + apps.size() > SHARD) {
      allowed.add(new TreeMap<>());
    }
    Map<String, String> shard = allowed.get(allowed.size() - 1);
    apps.forEach(a -> shard.put(appIds.get(a) + "|" + api, a));
    return allowed.size();
  }

  /** The variable of one shard of the allowed map. */
  String allowedVar(int shard) {
    return var("allowed" + shard);
  }

  /** The zone's name part of a rate: {@code 2r_m}, with {@code _b<burst>} for another burst. */
  static String rateId(NginxText.Rate rate) {
    String id = rate.rate().replace('/', '_');
    int count = Integer.parseInt(rate.rate().substring(0, rate.rate().indexOf('r')));
    return rate.burst() == Math.min(count - 1, 100_000) ? id : id + "_b" + rate.burst();
  }

  /**
   * A limit on a shared zone keyed by the map {@code keyMap}; the server limits each request once
   * per zone, and a request the key map leaves empty is not counted.
   */
  String limit(String zonePart, String keyMap, NginxText.Rate rate) {
    String zone = name(zonePart);
    maps.define("retry", maps.var("route"), "\"\"", "the Retry-After of each limited route");
    zones.put(
        zone,
        "limit_req_zone "
            + var(keyMap)
            + " zone="
            + zone
            + ":"
            + ZONE_SIZE
            + " rate="
            + rate.rate()
            + ";");
    limits.put(
        zone,
        "limit_req zone="
            + zone
            + (rate.burst() > 0 ? " burst=" + rate.burst() + " nodelay" : "")
            + ";");
    return zone;
  }

  /**
   * A plan's limit on Api {@code api} for its applications; the key counts per application and Api.
   */
  void planLimit(NginxText.Rate rate, int api, Set<String> apps) {
    String id = rateId(rate);
    Map<String, String> keys = planKeys.computeIfAbsent(id, r -> new TreeMap<>());
    apps.stream()
        .filter(appIds::containsKey)
        .forEach(a -> keys.put(appIds.get(a) + "|" + api, api + ":" + a));
    limit("plan_" + id, "plank_" + id, rate);
  }

  /** Whether any limit exists (the server then answers 429 with Retry-After). */
  boolean limited() {
    return !limits.isEmpty();
  }

  /** The server's {@code limit_req} lines, by zone. */
  List<String> limitLines() {
    return List.copyOf(limits.values());
  }

  /** The http blocks, in a fixed order: upstreams, key maps, allowed maps, other maps, zones. */
  void render(StringBuilder out) {
    upstreams.forEach(
        (hp, name) ->
            out.append("upstream ")
                .append(name)
                .append(" {\n    server ")
                .append(hp)
                .append(";\n    keepalive 16;\n}\n"));
    keysBySource.forEach((source, apps) -> keyMap(out, source, apps));
    for (int i = 0; i < allowed.size(); i++) {
      out.append("# which application (by number) may call which Api (by number)\nmap \"")
          .append(var("caller"))
          .append('|')
          .append(var("api"))
          .append("\" ")
          .append(allowedVar(i + 1))
          .append(" {\n    default \"\";\n");
      allowed
          .get(i)
          .forEach((k, app) -> out.append("    ").append(k).append(' ').append(app).append(";\n"));
      out.append("}\n");
    }
    planKeys.forEach(
        (rate, keys) -> {
          out.append("map \"")
              .append(var("caller"))
              .append('|')
              .append(var("api"))
              .append("\" ")
              .append(var("plank_" + rate))
              .append(" {\n    default \"\";\n");
          keys.forEach(
              (k, v) -> out.append("    ").append(k).append(" \"").append(v).append("\";\n"));
          out.append("}\n");
        });
    maps.render(out);
    zones.values().forEach(z -> out.append(z).append('\n'));
    http.forEach(h -> out.append(h).append('\n'));
  }

  private void keyMap(StringBuilder out, String source, Map<String, List<String>> apps) {
    out.append("# the application of each api key in ")
        .append(source)
        .append("\nmap ")
        .append(source)
        .append(' ')
        .append(callerVar(source))
        .append(" {\n    default \"\";\n");
    apps.forEach(
        (app, keys) ->
            keys.forEach(
                k ->
                    out.append("    \"~^")
                        .append(NginxText.literal(k))
                        .append("$\" ")
                        .append(appIds.get(app))
                        .append("; # ")
                        .append(app)
                        .append('\n')));
    out.append("}\n");
  }

  String var(String part) {
    return "$" + name(part);
  }

  String name(String part) {
    return "apistage_" + stageId + "__" + part;
  }
}
