package io.apistage.gateway.nginx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The location of one endpoint path of an Api: its methods (another gets 405), the caller's key
 * (none or another application's gets 401), limits (429 with Retry-After), the Api's policies and
 * the proxy to the backend with the path below the Api's prefix.
 *
 * @since 0.1.0
 */
final class NginxLocation {

  /** A rate limit on one shared zone, with the line that sets its key in the location. */
  record Limit(String zone, NginxText.Rate rate, String keySet) {}

  private final String stage;
  private final String fullPath;
  private final List<Map<?, ?>> endpoints;
  private final Directives api;
  private boolean deprecated;

  NginxLocation(String stage, String fullPath, List<Map<?, ?>> endpoints, Directives api) {
    this.stage = stage;
    this.fullPath = fullPath;
    this.endpoints = endpoints;
    this.api = api;
  }

  void deprecated(boolean value) {
    this.deprecated = value;
  }

  /** The nginx location for the path: exact when it has no parameter, else an anchored regex. */
  String match() {
    if (!fullPath.contains("{")) {
      return "= " + fullPath;
    }
    StringBuilder regex = new StringBuilder("^");
    for (String part : fullPath.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : NginxText.literal(part));
    }
    return "~ \"" + regex.append("$\"");
  }

  List<String> render(
      List<Limit> limits, boolean authed, NginxApi.Backend backend, Set<Integer> retry) {
    Set<String> methods = new TreeSet<>();
    List<String> described = new ArrayList<>();
    for (Map<?, ?> e : endpoints) {
      methods.add(String.valueOf(e.get("method")));
      described.add(
          e.get("method")
              + " "
              + e.get("path")
              + (e.get("name") == null ? "" : " (" + e.get("name") + ")"));
    }
    List<String> out = new ArrayList<>();
    out.add("    # " + String.join(", ", described));
    out.add("    location " + match() + " {");
    List<String> headers = headers();
    if (!api.preflight.isEmpty() && !methods.contains("OPTIONS")) {
      out.add("        if ($request_method = OPTIONS) {");
      headers.forEach(h -> out.add("            " + h));
      api.preflight.forEach(h -> out.add("            " + h));
      out.add("            return 204;");
      out.add("        }");
    }
    checks(out, methods, authed, backend);
    int retryAfter = api.retryAfter;
    for (Limit limit : limits) {
      out.add("        " + limit.keySet());
      out.add(
          "        limit_req zone="
              + limit.zone()
              + (limit.rate().burst() > 0 ? " burst=" + limit.rate().burst() + " nodelay" : "")
              + ";");
      retryAfter = Math.max(retryAfter, limit.rate().retryAfter());
    }
    api.location.forEach(l -> out.add("        " + l));
    if (retryAfter > 0) {
      retry.add(retryAfter);
      out.add("        error_page 429 = @apistage_429_" + retryAfter + ";");
    }
    if (api.denies) {
      out.add("        error_page 403 = @apistage_403;");
    }
    headers.forEach(h -> out.add("        " + h));
    proxy(out, backend);
    out.add("    }");
    return out;
  }

  /** The response headers of the location: the Api's, and Deprecation where it applies. */
  private List<String> headers() {
    boolean allDeprecated = deprecated;
    boolean anyDeprecated = deprecated;
    for (Map<?, ?> e : endpoints) {
      boolean d = Boolean.TRUE.equals(e.get("deprecated"));
      anyDeprecated |= d;
      allDeprecated &= d || deprecated;
    }
    List<String> headers = new ArrayList<>(api.headers);
    if (anyDeprecated) {
      headers.add(
          allDeprecated
              ? "add_header Deprecation true always;"
              : "add_header Deprecation $apistage_"
                  + NginxText.id(stage)
                  + "__deprecated_"
                  + String.join("_", deprecatedMethods())
                  + " always;");
      if (!allDeprecated) {
        api.http.add(deprecationMap());
      }
    }
    return headers;
  }

  /** Another method gets 405; without the key of a consumer, 401. */
  private void checks(
      List<String> out, Set<String> methods, boolean authed, NginxApi.Backend backend) {
    out.add("        if ($request_method !~ \"^(" + String.join("|", methods) + ")$\") {");
    out.add(
        "            add_header Allow \"" + NginxText.allow(List.copyOf(methods)) + "\" always;");
    out.add(
        "            return 405 "
            + NginxText.body(
                "error",
                "METHOD_NOT_ALLOWED",
                fullPath
                    + " answers "
                    + NginxText.allow(List.copyOf(methods))
                    + " on stage "
                    + stage)
            + ";");
    out.add("        }");
    if (authed) {
      backend.auth().forEach(a -> out.add("        " + a));
      out.add("        if ($apistage_application = \"\") {");
      out.add(
          "            return 401 "
              + NginxText.body(
                  "error",
                  "UNAUTHORIZED",
                  "give the api key" + " of an application that uses this API")
              + ";");
      out.add("        }");
    } else {
      out.add("        set $apistage_application \"\";");
    }
  }

  private void proxy(List<String> out, NginxApi.Backend backend) {
    String[] base = backend.base();
    backend.headers().forEach(h -> out.add("        " + h));
    out.add("        proxy_set_header Host " + base[1].replaceFirst(":(80|443)$", "") + ";");
    out.add("        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    out.add("        proxy_set_header Connection \"\";");
    out.add("        proxy_http_version 1.1;");
    if ("https".equals(base[0])) {
      out.add("        proxy_ssl_server_name on;");
      out.add("        proxy_ssl_name " + base[3] + ";");
    }
    out.add(
        "        rewrite \"^"
            + NginxText.literal(backend.prefix())
            + "(/.*)$\" \""
            + base[2]
            + "$1\" break;");
    out.add("        proxy_pass " + base[0] + "://" + backend.upstream() + ";");
  }

  private List<String> deprecatedMethods() {
    List<String> out = new ArrayList<>();
    for (Map<?, ?> e : endpoints) {
      if (Boolean.TRUE.equals(e.get("deprecated"))) {
        out.add(NginxText.lower(String.valueOf(e.get("method"))));
      }
    }
    return out;
  }

  private String deprecationMap() {
    StringBuilder map =
        new StringBuilder(
            "map $request_method $apistage_"
                + NginxText.id(stage)
                + "__deprecated_"
                + String.join("_", deprecatedMethods())
                + " {\n    default \"\";\n");
    deprecatedMethods()
        .forEach(
            m ->
                map.append("    ").append(m.toUpperCase(java.util.Locale.ROOT)).append(" true;\n"));
    return map.append("}").toString();
  }
}
