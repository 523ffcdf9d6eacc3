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
  private final NginxShared shared;

  NginxApi(
      Map<String, Object> assets,
      StageProblems problems,
      String stage,
      Access access,
      Secrets secrets,
      NginxShared shared) {
    this.assets = assets;
    this.problems = problems;
    this.stage = stage;
    this.stageId = NginxText.id(stage);
    this.access = access;
    this.secrets = secrets;
    this.shared = shared;
    this.policies = new NginxPolicies(assets, problems, stage, shared);
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
    List<String> authSets = auth(key, ref, api, id);
    Optional<String> appVar =
        authSets.isEmpty() ? Optional.empty() : Optional.of("$apistage_application");
    String keyVar = appVar.orElse("$binary_remote_addr");
    Directives directives = Directives.sharing(http);
    List<?> names = api.get("policies") instanceof List<?> l ? l : List.of();
    names.forEach(p -> policies.apply(directives, String.valueOf(p), id, keyVar));
    appVar.ifPresent(v -> planLimits(ref, apiNumber(authSets), directives));
    Backend backend = new Backend(upstream, base, prefix, proxyHeaders(key, api, appVar), authSets);
    locations(out, new Context(key, api, appVar, keyVar, directives, backend), retry);
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

  private void locations(List<String> out, Context c, Set<Integer> retry) {
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
              endpointLimits(key, endpoints, byPath.get(path), keyVar, prefix + path),
              appVar.isPresent(),
              backend,
              retry));
    }
  }

  /**
   * Where a location sends a request: upstream, base URL parts, the Api's prefix, headers; and the
   * lines that set the calling application (empty for an Api without api-key auth).
   */
  record Backend(
      String upstream, String[] base, String prefix, List<String> headers, List<String> auth) {}

  private static int moreLiteralFirst(String a, String b) {
    long pa = SEGMENT.matcher(a).results().count();
    long pb = SEGMENT.matcher(b).results().count();
    return pa != pb ? Long.compare(pa, pb) : a.compareTo(b);
  }

  /**
   * The lines of a location that set {@code $apistage_application} to the calling application, or
   * empty for an Api without api-key auth (a type nginx cannot check is a problem).
   */
  private List<String> auth(String key, String ref, Map<?, ?> api, String id) {
    if (!(api.get("auth") instanceof Map<?, ?> auth) || "none".equals(auth.get("type"))) {
      return List.of();
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
      return List.of();
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
      return List.of();
    }
    String source =
        switch (location) {
          case "query" -> "$arg_" + token;
          case "cookie" -> "$cookie_" + token;
          default -> "$http_" + NginxText.lower(token).replace('-', '_');
        };
    Set<String> apps = new TreeSet<>(access.consumers(ref));
    shared.callerOf(source);
    String caller = "$apistage_" + stageId + "__caller_" + source.substring(1);
    for (String app : apps) {
      shared.caller(source, app, access.keys(app));
    }
    int[] number = shared.allow(apps);
    return List.of(
        "set " + shared.callerVar() + " " + caller + ";",
        "set " + shared.apiVar() + " " + number[0] + ";",
        "set $apistage_application " + shared.allowedVar(number[1]) + ";");
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

  /** The Api's number and shard, from the lines of its auth that set them. */
  private static int[] apiNumber(List<String> authSets) {
    String api = authSets.get(1);
    String allowed = authSets.get(2);
    return new int[] {
      Integer.parseInt(api.substring(api.lastIndexOf(' ') + 1, api.length() - 1)),
      Integer.parseInt(allowed.substring(allowed.lastIndexOf('d') + 1, allowed.length() - 1))
    };
  }

  private void planLimits(String ref, int[] api, Directives directives) {
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
      directives.limit(shared.planZone(rate.get(), api, plan.getValue()), rate.get());
    }
  }

  /**
   * The limits of the endpoints of one path: per rate, the line that keys it to the location and
   * the methods limited at that rate, and the zone.
   */
  private List<NginxLocation.Limit> endpointLimits(
      String key, List<?> all, List<Map<?, ?>> endpoints, String keyVar, String path) {
    Map<String, NginxText.Rate> rates = new LinkedHashMap<>();
    Map<String, Set<String>> byRate = new LinkedHashMap<>();
    for (Map<?, ?> endpoint : endpoints) {
      if (!(endpoint.get("rateLimit") instanceof Map<?, ?> r)) {
        continue;
      }
      Optional<NginxText.Rate> rate = NginxText.rate(r.get("requests"), r.get("period"));
      if (rate.isEmpty()) {
        problems.error(
            key,
            "/endpoints/" + all.indexOf(endpoint) + "/rateLimit",
            NginxText.rateRefusal(r.get("requests"), r.get("period")));
        continue;
      }
      // one set line per rate: the methods limited at it share it, with the larger burst
      rates.merge(rate.get().rate(), rate.get(), (a, b) -> a.burst() >= b.burst() ? a : b);
      byRate
          .computeIfAbsent(rate.get().rate(), x -> new TreeSet<>())
          .add(String.valueOf(endpoint.get("method")));
    }
    List<NginxLocation.Limit> out = new ArrayList<>();
    byRate.forEach(
        (r, methods) -> {
          NginxText.Rate rate = rates.get(r);
          out.add(
              new NginxLocation.Limit(
                  shared.endpointZone(rate),
                  rate,
                  shared.endpointSet(rate, methods, path, keyVar)));
        });
    return out;
  }
}
