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

  NginxPolicies(
      Map<String, Object> assets, StageProblems problems, String stage, NginxShared shared) {
    this.assets = assets;
    this.problems = problems;
    this.stage = stage;
    this.stageId = NginxText.id(stage);
    this.shared = shared;
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
    out.location.add("set " + shared.policyKey(slot) + " \"" + who + ":" + var + "\";");
    out.limit(shared.policyZone(slot, rate.get()), rate.get());
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
      origin = "$apistage_" + stageId + "__cors_" + policy;
      StringBuilder map =
          new StringBuilder("map $http_origin " + origin + " {\n    default \"\";\n");
      origins.forEach(
          o -> map.append("    ").append(NginxText.quote(o)).append(" $http_origin;\n"));
      out.http.add(map.append("}").toString());
    }
    out.headers.add("add_header Access-Control-Allow-Origin " + origin + " always;");
    out.headers.add("add_header Vary Origin always;");
    if (Boolean.TRUE.equals(config.get("allowCredentials"))) {
      out.headers.add("add_header Access-Control-Allow-Credentials true always;");
    }
    List<String> expose =
        strings(key, "/config/exposeHeaders", config.get("exposeHeaders"), HEADER);
    if (!expose.isEmpty()) {
      out.headers.add(
          "add_header Access-Control-Expose-Headers "
              + NginxText.quote(String.join(", ", expose))
              + " always;");
    }
    List<String> methods = strings(key, "/config/allowMethods", config.get("allowMethods"), HEADER);
    List<String> headers = strings(key, "/config/allowHeaders", config.get("allowHeaders"), HEADER);
    out.preflight.add(
        "add_header Access-Control-Allow-Methods "
            + NginxText.quote(String.join(", ", methods))
            + " always;");
    out.preflight.add(
        "add_header Access-Control-Allow-Headers "
            + NginxText.quote(String.join(", ", headers))
            + " always;");
    if (config.get("maxAge") instanceof Number n) {
      out.preflight.add("add_header Access-Control-Max-Age " + n.longValue() + " always;");
    }
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
    out.denies = true;
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
    String var = "$apistage_" + stageId + "__rid_" + NginxText.lower(header).replace('-', '_');
    out.http.add(
        "map $http_"
            + NginxText.lower(header).replace('-', '_')
            + " "
            + var
            + " {\n    default $http_"
            + NginxText.lower(header).replace('-', '_')
            + ";\n    \"\" $request_id;\n}");
    out.location.add("proxy_set_header " + header + " " + var + ";");
    out.headers.add("add_header " + header + " " + var + " always;");
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
    out.http.add(
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
