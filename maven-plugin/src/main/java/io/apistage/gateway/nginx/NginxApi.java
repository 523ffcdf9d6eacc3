package io.apistage.gateway.nginx;

import io.apistage.gateway.Access;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.StageProblems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Api major in nginx: its upstream, the map of the keys that may call it, the zones of its
 * limits, and a location per endpoint path (a retired Api: one location answering 410).
 *
 * @since 0.1.0
 */
final class NginxApi {

  private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern SEGMENT = Pattern.compile("\\{[A-Za-z0-9_.-]+\\}");

  private final Map<String, Object> assets;
  private final StageProblems problems;
  private final String stage;
  private final String stageId;
  private final Access access;
  private final Secrets secrets;
  private final NginxPolicies policies;

  NginxApi(
      Map<String, Object> assets,
      StageProblems problems,
      String stage,
      Access access,
      Secrets secrets) {
    this.assets = assets;
    this.problems = problems;
    this.stage = stage;
    this.stageId = NginxText.id(stage);
    this.access = access;
    this.secrets = secrets;
    this.policies = new NginxPolicies(assets, problems, stage);
  }

  /**
   * The server lines of an Api; http blocks go to {@code http}, Retry-After values to {@code
   * retry}.
   */
  List<String> render(String key, Map<?, ?> api, Set<String> http, Set<Integer> retry) {
    String ref = key.substring("api/".length());
    String name = ref.substring(0, ref.indexOf('@'));
    String major = ref.substring(ref.indexOf('@') + 1);
    String prefix = "/" + name + "/v" + major;
    String id = NginxText.id(name) + "_v" + major;
    List<String> out = new ArrayList<>();
    out.add("");
    out.add(
        "    # ---- "
            + key
            + ": "
            + name
            + " "
            + api.get("version")
            + " ("
            + api.get("state")
            + "), answers at "
            + prefix
            + "/...");
    if ("retired".equals(api.get("state"))) {
      out.addAll(retired(prefix, name, major));
      return out;
    }
    String[] base = NginxRenderer.base(String.valueOf(api.get("baseUrl")));
    if (api.get("baseUrl") == null || base == null) {
      if (api.get("baseUrl") != null || !"draft".equals(api.get("state"))) {
        problems.error(
            key,
            "/baseUrl",
            "the nginx gateway proxies to an absolute http:// or"
                + " https:// URL without query; '"
                + api.get("baseUrl")
                + "' is not one");
      } else {
        out.add("    # a draft without baseUrl: not served");
      }
      return out;
    }
    String upstream = "apistage_" + stageId + "__" + id;
    http.add("upstream " + upstream + " {\n    server " + base[1] + ";\n    keepalive 16;\n}");
    Optional<String> appVar = auth(key, ref, api, id, http);
    String keyVar = appVar.orElse("$binary_remote_addr");
    Directives shared = Directives.sharing(http);
    List<?> names = api.get("policies") instanceof List<?> l ? l : List.of();
    names.forEach(p -> policies.apply(shared, String.valueOf(p), id, keyVar));
    appVar.ifPresent(v -> planLimits(ref, id, v, shared));
    Backend backend = new Backend(upstream, base, prefix, proxyHeaders(key, api, appVar));
    locations(out, new Context(key, api, appVar, keyVar, shared, backend), http, retry);
    return out;
  }

  private List<String> retired(String prefix, String name, String major) {
    return List.of(
        "    location ^~ " + prefix + "/ {",
        "        return 410 "
            + NginxText.body("error", "GONE", name + " v" + major + " is retired on stage " + stage)
            + ";",
        "    }");
  }

  /** What the locations of one Api share. */
  private record Context(
      String key,
      Map<?, ?> api,
      Optional<String> appVar,
      String keyVar,
      Directives shared,
      Backend backend) {}

  private void locations(List<String> out, Context c, Set<String> http, Set<Integer> retry) {
    Map<?, ?> api = c.api();
    String key = c.key();
    String prefix = c.backend().prefix();
    Directives shared = c.shared();
    String keyVar = c.keyVar();
    Optional<String> appVar = c.appVar();
    Backend backend = c.backend();
    Map<String, List<Map<?, ?>>> byPath = new LinkedHashMap<>();
    List<?> endpoints = api.get("endpoints") instanceof List<?> l ? l : List.of();
    for (Object e : endpoints) {
      if (e instanceof Map<?, ?> endpoint) {
        byPath
            .computeIfAbsent(String.valueOf(endpoint.get("path")), k -> new ArrayList<>())
            .add(endpoint);
      }
    }
    List<String> paths = new ArrayList<>(byPath.keySet());
    paths.sort(NginxApi::moreLiteralFirst);
    for (String path : paths) {
      NginxLocation location = new NginxLocation(stage, prefix + path, byPath.get(path), shared);
      location.deprecated("deprecated".equals(api.get("state")));
      out.addAll(
          location.render(
              endpointLimits(key, endpoints, byPath.get(path), keyVar, http),
              appVar.isPresent(),
              backend,
              retry));
    }
  }

  /** Where a location sends a request: upstream, base URL parts, the Api's prefix, headers. */
  record Backend(String upstream, String[] base, String prefix, List<String> headers) {}

  private static int moreLiteralFirst(String a, String b) {
    long pa = SEGMENT.matcher(a).results().count();
    long pb = SEGMENT.matcher(b).results().count();
    return pa != pb ? Long.compare(pa, pb) : a.compareTo(b);
  }

  /**
   * The variable that holds the calling application, with the map from its keys, or empty for an
   * Api without api-key auth (a type nginx cannot check is a problem).
   */
  private Optional<String> auth(
      String key, String ref, Map<?, ?> api, String id, Set<String> http) {
    if (!(api.get("auth") instanceof Map<?, ?> auth) || "none".equals(auth.get("type"))) {
      return Optional.empty();
    }
    if (!"api-key".equals(auth.get("type"))) {
      problems.error(
          key,
          "/auth/type",
          "the nginx gateway of stage "
              + stage
              + " cannot check"
              + " auth type '"
              + auth.get("type")
              + "'; it checks api-key (or none)");
      return Optional.empty();
    }
    String location =
        auth.get("tokenLocation") == null ? "header" : String.valueOf(auth.get("tokenLocation"));
    String token =
        auth.get("tokenName") == null ? "X-Api-Key" : String.valueOf(auth.get("tokenName"));
    if (!TOKEN_NAME.matcher(token).matches()
        || (!location.equals("header") && token.contains("-"))) {
      problems.error(
          key,
          "/auth/tokenName",
          "the nginx gateway reads a "
              + location
              + " named with"
              + " letters, digits and _"
              + (location.equals("header") ? " and -" : "")
              + " only");
      return Optional.empty();
    }
    String source =
        switch (location) {
          case "query" -> "$arg_" + token;
          case "cookie" -> "$cookie_" + token;
          default -> "$http_" + NginxText.lower(token).replace('-', '_');
        };
    String var = "$apistage_" + stageId + "__" + id + "_app";
    http.add(keyMap(ref, source, var));
    return Optional.of(var);
  }

  /** The map from the keys of the applications that may call an Api major to their names. */
  private String keyMap(String ref, String source, String var) {
    StringBuilder map =
        new StringBuilder(
            "# the applications that may call "
                + ref
                + " (directly or by a subscription), by api key\nmap "
                + source
                + " "
                + var
                + " {\n    default \"\";\n");
    for (String app : access.consumers(ref)) {
      for (String k : access.keys(app)) {
        map.append("    \"~^")
            .append(NginxText.literal(k))
            .append("$\" ")
            .append(app)
            .append(";\n");
      }
    }
    return map.append("}").toString();
  }

  private List<String> proxyHeaders(String key, Map<?, ?> api, Optional<String> appVar) {
    List<String> out = new ArrayList<>();
    out.add(
        "proxy_set_header X-Apistage-Application "
            + (appVar.isPresent() ? "$apistage_application" : "\"\"")
            + ";");
    if (api.get("auth") instanceof Map<?, ?> auth
        && auth.get("staticToken") != null
        && !"header"
            .equals(auth.get("tokenLocation") == null ? "header" : auth.get("tokenLocation"))) {
      problems.error(
          key,
          "/auth/staticToken",
          "the nginx gateway sends auth.staticToken to the"
              + " backend in the header tokenName only; set tokenLocation: header or remove it");
    }
    if (api.get("auth") instanceof Map<?, ?> auth
        && "header".equals(auth.get("tokenLocation") == null ? "header" : auth.get("tokenLocation"))
        && appVar.isPresent()) {
      String token =
          auth.get("tokenName") == null ? "X-Api-Key" : String.valueOf(auth.get("tokenName"));
      String value = "\"\"";
      Object ref = auth.get("staticToken");
      if (ref != null) {
        Optional<String> name = Secrets.referenced(String.valueOf(ref));
        Optional<String> secret = name.flatMap(secrets::value);
        if (name.isEmpty()) {
          problems.error(key, "/auth/staticToken", "auth.staticToken is not ${secret:NAME}");
        } else if (secret.isEmpty()) {
          problems.error(key, "/auth/staticToken", Access.missing(name.get(), stage));
        } else if (!Access.KEY.matcher(secret.get()).matches()) {
          problems.error(
              key,
              "/auth/staticToken",
              "secret "
                  + name.get()
                  + " is not usable as a"
                  + " token: give at least 8 characters of letters, digits and . _ ~ + / = -");
        } else {
          value = NginxText.quote(secret.get());
        }
      }
      out.add("proxy_set_header " + token + " " + value + ";");
    }
    return out;
  }

  private void planLimits(String ref, String id, String appVar, Directives shared) {
    for (Map.Entry<String, Set<String>> plan : access.plans(ref).entrySet()) {
      String planKey = "plan/" + plan.getKey();
      if (!(assets.get(planKey) instanceof Map<?, ?> p)
          || !(p.get("rateLimit") instanceof Map<?, ?> r)) {
        continue;
      }
      Optional<NginxText.Rate> rate = NginxText.rate(r.get("requests"), r.get("period"));
      if (rate.isEmpty()) {
        problems.error(
            planKey, "/rateLimit", NginxText.rateRefusal(r.get("requests"), r.get("period")));
        continue;
      }
      String var = "$apistage_" + stageId + "__" + id + "__plan_" + NginxText.id(plan.getKey());
      StringBuilder map =
          new StringBuilder("map " + appVar + " " + var + " {\n    default \"\";\n");
      new TreeSet<>(plan.getValue())
          .forEach(a -> map.append("    ").append(a).append(" ").append(a).append(";\n"));
      shared.http.add(map.append("}").toString());
      String zone = var.substring(1);
      shared.limit(NginxPolicies.zone(var, zone, rate.get()), zone, rate.get());
    }
  }

  /** The limits of the endpoints of one path: zone lines and Retry-After seconds. */
  private List<NginxLocation.Limit> endpointLimits(
      String key, List<?> all, List<Map<?, ?>> endpoints, String keyVar, Set<String> http) {
    String id = NginxText.id(key.substring(4).replace("@", "_v"));
    List<NginxLocation.Limit> out = new ArrayList<>();
    for (Map<?, ?> endpoint : endpoints) {
      if (!(endpoint.get("rateLimit") instanceof Map<?, ?> r)) {
        continue;
      }
      String method = String.valueOf(endpoint.get("method"));
      Optional<NginxText.Rate> rate = NginxText.rate(r.get("requests"), r.get("period"));
      if (rate.isEmpty()) {
        problems.error(
            key,
            "/endpoints/" + all.indexOf(endpoint) + "/rateLimit",
            NginxText.rateRefusal(r.get("requests"), r.get("period")));
        continue;
      }
      String zone = "apistage_" + stageId + "__" + id + "__e" + all.indexOf(endpoint);
      String var = endpoints.size() == 1 ? keyVar : "$" + zone + "_key";
      if (endpoints.size() > 1) {
        http.add(
            "map $request_method "
                + var
                + " {\n    default \"\";\n    "
                + method
                + " "
                + keyVar
                + ";\n}");
      }
      http.add(NginxPolicies.zone(var, zone, rate.get()));
      out.add(new NginxLocation.Limit(zone, rate.get()));
    }
    return out;
  }
}
