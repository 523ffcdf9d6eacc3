package io.apistage.gateway.nginx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The http-level blocks that every Api of a stage shares, so that their number does not grow with
 * the number of Apis (docs/gateway.md, "What grows with the stage"): one map per token source from
 * api key to application, one map saying which application may call which Api, and one {@code
 * limit_req_zone} per kind of limit and rate, keyed by a variable each location sets to its own
 * identity and caller. nginx's start and {@code nginx -t} spend time per map and per zone, and a
 * stage of thousands of Apis with one of each per Api did not load within a minute.
 *
 * @since 0.1.0
 */
final class NginxShared {

  /** The size of each shared zone: states of about 16,000 callers per MB. */
  static final String ZONE_SIZE = "10m";

  private final String stageId;
  private final Map<String, Map<String, List<String>>> keysBySource = new TreeMap<>();
  private final Map<String, Integer> appIds = new TreeMap<>();
  private final List<Map<String, String>> allowed = new ArrayList<>();
  private int apiCount;
  private final Map<String, Map<String, String>> planKeys = new TreeMap<>();
  private final Set<String> endpointRates = new TreeSet<>();
  private final Map<String, String> zones = new TreeMap<>();

  NginxShared(String stageId) {
    this.stageId = stageId;
  }

  /**
   * The variable holding the number of the application whose key a request carries in {@code
   * source} (numbers keep the keys of the hashed maps short).
   */
  String caller(String source, String app, List<String> keys) {
    appIds.computeIfAbsent(app, a -> appIds.size() + 1);
    callerOf(source).put(app, keys);
    return var("caller_" + source.substring(1));
  }

  /** The applications and keys of a token source (its map is written even when it is empty). */
  Map<String, List<String>> callerOf(String source) {
    return keysBySource.computeIfAbsent(source, s -> new TreeMap<>());
  }

  /**
   * Numbers the next Api and allows its applications to call it; returns the Api's number and the
   * shard of the allowed map that holds it. A shard holds at most {@link #SHARD} entries, so each
   * hash builds within nginx's default {@code map_hash_max_size}.
   */
  int[] allow(Set<String> apps) {
    int api = ++apiCount;
    if (allowed.isEmpty() || allowed.get(allowed.size() - 1).size() + apps.size() > SHARD) {
      allowed.add(new TreeMap<>());
    }
    Map<String, String> shard = allowed.get(allowed.size() - 1);
    apps.forEach(a -> shard.put(appIds.get(a) + "|" + api, a));
    return new int[] {api, allowed.size()};
  }

  /** Entries of one shard of the allowed map. */
  static final int SHARD = 1000;

  /**
   * The variable that holds the Api number of the current location (set by each authed location).
   */
  String apiVar() {
    return var("api");
  }

  /** The variable that holds the caller whose key the current location reads. */
  String callerVar() {
    return var("caller");
  }

  /** The variable of one shard that holds the application allowed to call the location's Api. */
  String allowedVar(int shard) {
    return var("allowed" + shard);
  }

  /**
   * A limit of one of the Api's rate-limit policies (by its position among them), keyed by the
   * location's set line; returns the zone.
   */
  String policyZone(int slot, NginxText.Rate rate) {
    String zone = name("p" + slot + "_" + rateId(rate));
    zones.put(zone, zone(var("pk" + slot), zone, rate));
    return zone;
  }

  /** The variable a location sets to key a policy's limit. */
  String policyKey(int slot) {
    return var("pk" + slot);
  }

  /**
   * A plan's limit on an Api for its applications; returns the zone. The Api's shard of the allowed
   * map also shards the plans' maps (and zones), which keeps each under {@link #SHARD}.
   */
  String planZone(NginxText.Rate rate, int[] api, Set<String> apps) {
    String id = rateId(rate) + "_" + api[1];
    Map<String, String> keys = planKeys.computeIfAbsent(id, r -> new TreeMap<>());
    apps.stream()
        .filter(appIds::containsKey)
        .forEach(a -> keys.put(appIds.get(a) + "|" + api[0], api[0] + ":" + a));
    String zone = name("plan_" + id);
    zones.put(zone, zone(var("plank_" + id), zone, rate));
    return zone;
  }

  /** An endpoint's limit at a rate; returns the zone. */
  String endpointZone(NginxText.Rate rate) {
    String id = rateId(rate);
    endpointRates.add(id);
    String zone = name("e_" + id);
    zones.put(zone, zone(var("ek_" + id), zone, rate));
    return zone;
  }

  /**
   * The set line of a location whose endpoints of {@code methods} are limited at a rate: the key
   * counts only requests of those methods.
   */
  String endpointSet(NginxText.Rate rate, Set<String> methods, String location, String keyVar) {
    return "set "
        + var("em_" + rateId(rate))
        + " \""
        + String.join(",", methods)
        + "|"
        + location
        + ":"
        + keyVar
        + "\";";
  }

  /** The blocks, in a fixed order. */
  List<String> blocks() {
    List<String> out = new ArrayList<>();
    keysBySource.forEach((source, apps) -> out.add(keyMap(source, apps)));
    for (int i = 0; i < allowed.size(); i++) {
      StringBuilder map =
          new StringBuilder(
              "# which application may call which Api (by their numbers)\nmap \""
                  + callerVar()
                  + "|"
                  + apiVar()
                  + "\" "
                  + allowedVar(i + 1)
                  + " {\n    default \"\";\n");
      allowed
          .get(i)
          .forEach((k, app) -> map.append("    ").append(k).append(" ").append(app).append(";\n"));
      out.add(map.append("}").toString());
    }
    planKeys.forEach(
        (rate, keys) -> {
          StringBuilder map =
              new StringBuilder(
                  "map \""
                      + callerVar()
                      + "|"
                      + apiVar()
                      + "\" "
                      + var("plank_" + rate)
                      + " {\n    default \"\";\n");
          keys.forEach(
              (k, v) -> map.append("    ").append(k).append(" \"").append(v).append("\";\n"));
          out.add(map.append("}").toString());
        });
    for (String rate : endpointRates) {
      out.add(
          "map \""
              + var("em_" + rate)
              + "|$request_method\" "
              + var("ek_" + rate)
              + " {\n    default \"\";\n"
              + "    \"~(?s)^(?:[A-Z]+,)*(?<apistage_m>[A-Z]+)(?:,[A-Z]+)*\\|"
              + "(?<apistage_k>.*)\\|\\k<apistage_m>$\" \"$apistage_m $apistage_k\";\n}");
    }
    out.addAll(zones.values());
    return out;
  }

  private String keyMap(String source, Map<String, List<String>> apps) {
    StringBuilder map =
        new StringBuilder(
            "# the application of each api key in "
                + source
                + "\nmap "
                + source
                + " "
                + var("caller_" + source.substring(1))
                + " {\n    default \"\";\n");
    apps.forEach(
        (app, keys) ->
            keys.forEach(
                k ->
                    map.append("    \"~^")
                        .append(NginxText.literal(k))
                        .append("$\" ")
                        .append(appIds.get(app))
                        .append("; # ")
                        .append(app)
                        .append("\n")));
    return map.append("}").toString();
  }

  private static String zone(String var, String name, NginxText.Rate rate) {
    return "limit_req_zone "
        + var
        + " zone="
        + name
        + ":"
        + ZONE_SIZE
        + " rate="
        + rate.rate()
        + ";";
  }

  private String var(String part) {
    return "$" + name(part);
  }

  private String name(String part) {
    return "apistage_" + stageId + "__" + part;
  }

  private static String rateId(NginxText.Rate rate) {
    return rate.rate().replace('/', '_');
  }
}
