package io.apistage.gateway.nginx;

import io.apistage.gateway.Access;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.StageProblems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Api major in nginx: a single prefix location {@code ^~ /<api>/v<major>/} that proxies to its
 * backend, and entries in the stage's maps that say which application may call it, which paths and
 * methods it answers (see {@link NginxRoutes}), and what its policies and limits add. A retired Api
 * is one location answering 410.
 *
 * @since 0.1.0
 */
final class NginxApi {

  private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private final Map<String, Object> assets;
  private final StageProblems problems;
  private final String stage;
  private final Access access;
  private final Secrets secrets;
  private final NginxPolicies policies;
  private final NginxShared shared;
  private final NginxMaps maps;
  private final NginxRoutes routes;
  private int count;

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
    this.access = access;
    this.secrets = secrets;
    this.shared = shared;
    this.maps = shared.maps;
    this.policies = new NginxPolicies(assets, problems, stage, shared);
    maps.define("prefix", "$uri", "\"\"", "the Api prefix (/<api>/v<major>) of a path")
        .define("api", maps.var("prefix"), "\"\"", "the number of each served Api, by its prefix")
        .define("host", maps.var("api"), "\"\"", "the Host header to each Api's backend");
    // without the slash too: nginx would redirect /<api>/v<major> to the location's
    // /<api>/v<major>/
    maps.put("prefix", "\"~^(/[^/]+/v[0-9]+)(?:/|$)\"", "$1");
    this.routes = new NginxRoutes(problems, shared);
  }

  /** Appends the server lines of an Api (its comment and location) to {@code out}. */
  void render(String key, Map<?, ?> api, StringBuilder out) {
    String ref = key.substring("api/".length());
    String name = ref.substring(0, ref.indexOf('@'));
    String major = ref.substring(ref.indexOf('@') + 1);
    String prefix = "/" + name + "/v" + major;
    String id = NginxText.id(name) + "_v" + major;
    out.append("\n    # ---- ")
        .append(key)
        .append(": ")
        .append(name)
        .append(' ')
        .append(api.get("version"))
        .append(" (")
        .append(api.get("state"))
        .append("), answers at ")
        .append(prefix)
        .append("/...");
    if ("retired".equals(api.get("state"))) {
      retired(out, prefix, name + " v" + major);
      return;
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
        out.append('\n');
      } else {
        out.append("\n    # a draft without baseUrl: not served\n");
      }
      return;
    }
    Directives d = new Directives(++count);
    String number = String.valueOf(d.api);
    out.append(" (Api ").append(number).append(")\n");
    maps.put("api", NginxMaps.exact(prefix), number);
    Optional<String> source = auth(key, api);
    source.ifPresent(s -> callers(ref, s, d));
    String keyVar = source.isPresent() ? "$apistage_application" : "$binary_remote_addr";
    List<?> names = api.get("policies") instanceof List<?> l ? l : List.of();
    names.forEach(p -> policies.apply(d, String.valueOf(p), id, keyVar));
    source.ifPresent(s -> planLimits(ref, d));
    backend(key, api, base, d, source.isPresent());
    routes.render(new NginxRoutes.Api(key, prefix, api, keyVar, d), out);
    out.append("    location ^~ ").append(prefix).append("/ {\n");
    d.location.forEach(line -> out.append("        ").append(line).append('\n'));
    out.append("        proxy_pass ")
        .append(base[0])
        .append("://")
        .append(shared.upstream(base[1]))
        .append(base[2])
        .append("/;\n    }\n");
  }

  private void retired(StringBuilder out, String prefix, String what) {
    out.append("\n    location ^~ ")
        .append(prefix)
        .append("/ {\n        return 410 ")
        .append(NginxText.body("error", "GONE", what + " is retired on stage " + stage))
        .append(";\n    }\n");
  }

  /** Which applications may call the Api, and with which keys. */
  private void callers(String ref, String source, Directives d) {
    Set<String> apps = new TreeSet<>(access.consumers(ref));
    shared.callerOf(source);
    for (String app : apps) {
      shared.caller(source, app, access.keys(app));
    }
    int shard = shared.allow(d.api, apps);
    String number = String.valueOf(d.api);
    if (!maps.has("authed")) {
      String api = maps.var("api");
      maps.define(
              "caller", api, "\"\"", "the caller's application number, read from each Api's token")
          .define("app", api, "\"\"", "the calling application, when it may call the Api")
          .define("authed", api, "\"\"", "the Apis that check an api key")
          .define(
              "unauthorized",
              "\"" + maps.var("authed") + "|" + maps.var("app") + "\"",
              "\"\"",
              "a request without the key of an application that uses the Api");
      maps.put("unauthorized", "1|", "1");
    }
    maps.put("caller", number, shared.callerVar(source));
    maps.put("app", number, shared.allowedVar(shard));
    maps.put("authed", number, "1");
  }

  /**
   * The token source ({@code $http_x_api_key}, {@code $arg_<name>}, {@code $cookie_<name>}) of an
   * Api with api-key auth, or empty without auth (a type nginx cannot check is a problem).
   */
  private Optional<String> auth(String key, Map<?, ?> api) {
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
    String location = tokenLocation(auth);
    String token = tokenName(auth);
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
    return Optional.of(
        switch (location) {
          case "query" -> "$arg_" + token;
          case "cookie" -> "$cookie_" + token;
          default -> "$http_" + NginxText.lower(token).replace('-', '_');
        });
  }

  private static String tokenLocation(Map<?, ?> auth) {
    return auth.get("tokenLocation") == null ? "header" : String.valueOf(auth.get("tokenLocation"));
  }

  private static String tokenName(Map<?, ?> auth) {
    return auth.get("tokenName") == null ? "X-Api-Key" : String.valueOf(auth.get("tokenName"));
  }

  /**
   * What the backend gets: its Host (and TLS name), and for header auth the caller's key removed or
   * replaced by {@code auth.staticToken}.
   */
  private void backend(String key, Map<?, ?> api, String[] base, Directives d, boolean authed) {
    String number = String.valueOf(d.api);
    String host = base[1].endsWith(":80") || base[1].endsWith(":443") ? base[3] : base[1];
    maps.put("host", number, host);
    if ("https".equals(base[0])) {
      maps.define("ssl_name", maps.var("api"), "\"\"", "the TLS name of each Api's backend");
      maps.put("ssl_name", number, base[3]);
      shared.server.add("proxy_ssl_server_name on;");
      shared.server.add("proxy_ssl_name " + maps.var("ssl_name") + ";");
    }
    if (!(api.get("auth") instanceof Map<?, ?> auth)) {
      return;
    }
    boolean header = "header".equals(tokenLocation(auth));
    if (auth.get("staticToken") != null && !header) {
      problems.error(
          key,
          "/auth/staticToken",
          "the nginx gateway sends auth.staticToken to the"
              + " backend in the header tokenName only; set tokenLocation: header or remove it");
    }
    if (header && authed) {
      String token = tokenName(auth);
      String hid = NginxText.lower(token).replace('-', '_');
      if (!maps.has("key_up_" + hid)) {
        maps.define("key_up_" + hid, maps.var("api"), "$http_" + hid, null);
        shared.server.add("proxy_set_header " + token + " " + maps.var("key_up_" + hid) + ";");
      }
      maps.put("key_up_" + hid, number, staticToken(key, auth));
    }
  }

  /** The value of the key header to the backend: the static token, else empty (removed). */
  private String staticToken(String key, Map<?, ?> auth) {
    Object ref = auth.get("staticToken");
    if (ref == null) {
      return "\"\"";
    }
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
      return NginxText.quote(secret.get());
    }
    return "\"\"";
  }

  private void planLimits(String ref, Directives d) {
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
      shared.planLimit(rate.get(), d.api, plan.getValue());
      d.retryAfter = Math.max(d.retryAfter, rate.get().retryAfter());
    }
  }
}
