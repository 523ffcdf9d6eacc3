package io.apistage.gateway.nginx;

import io.apistage.gateway.StageProblems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the policies of the stage's state into nginx directives: {@code rate-limit} (per
 * application, or per client address for an Api without auth), {@code cors}, {@code ip-filter},
 * {@code request-id} and {@code logging} (a JSON access log). Any other type, and any setting nginx
 * cannot honour, is a problem at its value.
 *
 * @since 0.1.0
 */
final class NginxPolicies {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.:\\[\\]-]+");

  private final Map<String, Object> assets;
  private final StageProblems problems;
  private final String stage;
  private final String stageId;
  private final NginxShared shared;
  private final NginxMaps maps;

  NginxPolicies(
      Map<String, Object> assets, StageProblems problems, String stage, NginxShared shared) {
    this.assets = assets;
    this.problems = problems;
    this.stage = stage;
    this.stageId = NginxText.id(stage);
    this.shared = shared;
    this.maps = shared.maps;
  }

  /**
   * Adds the directives of one policy (by name) applied to an Api.
   *
   * @param out where directives go
   * @param api the Api's id in names, e.g. {@code orders_v1}
   * @param keyVar the variable that identifies a caller for rate limits
   */
  void apply(Directives out, String policy, String api, String keyVar) {
    String key = "policy/" + policy;
    if (!(assets.get(key) instanceof Map<?, ?> p)) {
      return; // validation reports a missing policy
    }
    Map<?, ?> config = p.get("config") instanceof Map<?, ?> c ? c : Map.of();
    String type = String.valueOf(p.get("type"));
    switch (type) {
      case "rate-limit" -> rateLimit(out, key, config, api + "/" + policy, keyVar);
      case "cors" -> cors(out, key, config, NginxText.id(policy));
      case "ip-filter" -> ipFilter(out, key, config);
      case "request-id" -> requestId(out, key, config);
      case "logging" -> logging(out, key, config);
      default ->
          problems.error(
              key,
              "/type",
              "the nginx gateway of stage "
                  + stage
                  + " cannot enforce policy type '"
                  + type
                  + "'; it enforces rate-limit, cors, ip-filter, request-id and logging:"
                  + " remove the policy from the Apis of this stage or use one of those types");
    }
  }

  private boolean known(String key, Map<?, ?> config, Set<String> names) {
    boolean ok = true;
    for (Object name : config.keySet()) {
      if (!names.contains(String.valueOf(name))) {
        problems.error(
            key,
            "/config/" + name,
            "the nginx gateway cannot enforce config." + name + "; it reads " + names);
        ok = false;
      }
    }
    return ok;
  }

  /**
   * A rate limit on the zone of its slot and rate, shared by every Api; the key names the Api and
   * policy ({@code who}) and the caller.
   */
  private void rateLimit(Directives out, String key, Map<?, ?> config, String who, String keyVar) {
    if (!known(key, config, Set.of("requests", "period", "key"))) {
      return;
    }
    Object by = config.get("key");
    if (by != null && !by.equals("consumer") && !by.equals("ip")) {
      problems.error(
          key,
          "/config/key",
          "the nginx gateway limits per consumer or per ip, not" + " per '" + by + "'");
      return;
    }
    Optional<NginxText.Rate> rate = NginxText.rate(config.get("requests"), config.get("period"));
    if (rate.isEmpty()) {
      problems.error(
          key, "/config", NginxText.rateRefusal(config.get("requests"), config.get("period")));
      return;
    }
    String var = "ip".equals(by) ? "$binary_remote_addr" : keyVar;
    int slot = out.policySlots++;
    String id = "p" + slot + "_" + NginxShared.rateId(rate.get());
    String keyMap = "pk" + slot + "_" + NginxShared.rateId(rate.get());
    maps.define(keyMap, maps.var("api"), "\"\"", null);
    maps.put(keyMap, String.valueOf(out.api), "\"" + who + ":" + var + "\"");
    shared.limit(id, keyMap, rate.get());
    out.retryAfter = Math.max(out.retryAfter, rate.get().retryAfter());
  }

  private void cors(Directives out, String key, Map<?, ?> config, String policy) {
    Set<String> names =
        Set.of(
            "allowOrigins",
            "allowMethods",
            "allowHeaders",
            "exposeHeaders",
            "maxAge",
            "allowCredentials");
    if (!known(key, config, names)) {
      return;
    }
    List<String> origins = strings(key, "/config/allowOrigins", config.get("allowOrigins"), ORIGIN);
    String origin;
    if (origins.contains("*")) {
      origin = "\"*\"";
    } else {
      origin = maps.var("cors_" + policy);
      maps.define(
          "cors_" + policy, "$http_origin", "\"\"", "the origins policy " + policy + " allows");
      origins.forEach(o -> maps.put("cors_" + policy, NginxMaps.exact(o), "$http_origin"));
    }
    String api = String.valueOf(out.api);
    header("cors_origin", "Access-Control-Allow-Origin", api, origin);
    header("cors_vary", "Vary", api, "Origin");
    if (Boolean.TRUE.equals(config.get("allowCredentials"))) {
      header("cors_credentials", "Access-Control-Allow-Credentials", api, "true");
    }
    List<String> expose =
        strings(key, "/config/exposeHeaders", config.get("exposeHeaders"), HEADER);
    if (!expose.isEmpty()) {
      header(
          "cors_expose",
          "Access-Control-Expose-Headers",
          api,
          NginxText.quote(String.join(", ", expose)));
    }
    List<String> methods = strings(key, "/config/allowMethods", config.get("allowMethods"), HEADER);
    List<String> headers = strings(key, "/config/allowHeaders", config.get("allowHeaders"), HEADER);
    String preflight = "204|" + api;
    preflightHeader(
        "pf_methods",
        "Access-Control-Allow-Methods",
        preflight,
        NginxText.quote(String.join(", ", methods)));
    preflightHeader(
        "pf_headers",
        "Access-Control-Allow-Headers",
        preflight,
        NginxText.quote(String.join(", ", headers)));
    if (config.get("maxAge") instanceof Number n) {
      preflightHeader(
          "pf_max_age", "Access-Control-Max-Age", preflight, String.valueOf(n.longValue()));
    }
    out.preflight = true;
  }

  /** A response header of the Api's answers: a map from the Api's number to its value. */
  private void header(String map, String header, String api, String value) {
    maps.define(map, maps.var("api"), "\"\"", null);
    maps.put(map, api, value);
    shared.server.add("add_header " + header + " " + maps.var(map) + " always;");
  }

  /** A header of the preflight answer only (the verdict 204 of the Api). */
  private void preflightHeader(String map, String header, String key, String value) {
    maps.define(map, "\"" + maps.var("verdict") + "|" + maps.var("api") + "\"", "\"\"", null);
    maps.put(map, key, value);
    shared.server.add("add_header " + header + " " + maps.var(map) + " always;");
  }

  private void ipFilter(Directives out, String key, Map<?, ?> config) {
    if (!known(key, config, Set.of("allow", "deny"))) {
      return;
    }
    strings(key, "/config/deny", config.get("deny"), ADDRESS)
        .forEach(a -> out.location.add("deny " + a + ";"));
    List<String> allow = strings(key, "/config/allow", config.get("allow"), ADDRESS);
    allow.forEach(a -> out.location.add("allow " + a + ";"));
    if (!allow.isEmpty()) {
      out.location.add("deny all;");
    }
    shared.server.add("error_page 403 = @apistage_403;");
  }

  private void requestId(Directives out, String key, Map<?, ?> config) {
    if (!known(key, config, Set.of("header"))) {
      return;
    }
    String header =
        config.get("header") == null ? "X-Request-Id" : String.valueOf(config.get("header"));
    if (!HEADER.matcher(header).matches()) {
      problems.error(key, "/config/header", "'" + header + "' is not a header name");
      return;
    }
    String hid = NginxText.lower(header).replace('-', '_');
    String rid = "rid_" + hid;
    maps.define(
        rid, "$http_" + hid, "$http_" + hid, "the caller's " + header + ", else nginx's id");
    maps.put(rid, "\"\"", "$request_id");
    String api = String.valueOf(out.api);
    maps.define("rid_out_" + hid, maps.var("api"), "\"\"", null);
    maps.put("rid_out_" + hid, api, maps.var(rid));
    maps.define("rid_up_" + hid, maps.var("api"), "$http_" + hid, null);
    maps.put("rid_up_" + hid, api, maps.var(rid));
    shared.server.add("add_header " + header + " " + maps.var("rid_out_" + hid) + " always;");
    shared.server.add("proxy_set_header " + header + " " + maps.var("rid_up_" + hid) + ";");
  }

  private void logging(Directives out, String key, Map<?, ?> config) {
    if (!known(key, config, Set.of("level", "includeHeaders", "includeBodies", "path"))) {
      return;
    }
    if (config.get("level") != null && !"info".equals(config.get("level"))) {
      problems.error(
          key,
          "/config/level",
          "nginx's access log records every request at one"
              + " level; give level: info or leave it out");
    }
    for (String flag : List.of("includeHeaders", "includeBodies")) {
      if (Boolean.TRUE.equals(config.get(flag))) {
        problems.error(
            key,
            "/config/" + flag,
            "the nginx gateway's JSON access log holds no"
                + " headers or bodies; set "
                + flag
                + ": false");
      }
    }
    String format = "apistage_" + stageId + "_json";
    shared.http.add(
        "log_format "
            + format
            + " escape=json '{\"time\":\"$time_iso8601\","
            + "\"stage\":\""
            + stage
            + "\",\"request_id\":\"$request_id\",\"client\":\"$remote_addr\","
            + "\"application\":\"$apistage_application\","
            + "\"method\":\"$request_method\",\"uri\":\"$request_uri\",\"status\":$status,"
            + "\"bytes\":$body_bytes_sent,\"seconds\":$request_time,"
            + "\"upstream_seconds\":\"$upstream_response_time\"}';");
    Object path = config.get("path");
    String file = path == null ? "/var/log/nginx/apistage-" + stage + ".log" : String.valueOf(path);
    if (!file.startsWith("/") || file.matches(".*[\\s;{}$'\"].*")) {
      problems.error(key, "/config/path", "give an absolute file path for the access log");
      return;
    }
    out.location.add("access_log " + file + " " + format + ";");
  }

  private List<String> strings(String key, String pointer, Object value, Pattern allowed) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String text = String.valueOf(list.get(i));
      if (allowed.matcher(text).matches()) {
        out.add(text);
      } else {
        problems.error(key, pointer + "/" + i, "the nginx gateway cannot use '" + text + "' here");
      }
    }
    return out;
  }
}
