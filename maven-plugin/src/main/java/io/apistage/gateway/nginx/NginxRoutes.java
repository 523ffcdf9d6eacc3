package io.apistage.gateway.nginx;

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
 * The endpoint paths of the Apis as map entries: each path is a route (by number) in the routing
 * map of its group of {@link #GROUP} Apis (an anchored regular expression, a {@code {param}} being
 * one segment, more literal paths first), and each route's methods say the verdict of a request
 * (empty: pass; 405 with {@code Allow}; 204 for a CORS preflight). Endpoint limits, Deprecation and
 * Retry-After are map entries by route and method.
 *
 * @since 0.1.0
 */
final class NginxRoutes {

  /**
   * Apis per routing map: a request's path is tried against the paths of its Api's group only, so
   * an unmatched path costs at most a few hundred regular expressions (about 40 µs without PCRE
   * JIT), and the stage has few routing variables (nginx looks variables up linearly).
   */
  static final int GROUP = 32;

  /**
   * The paths nginx can hold in its maps and comments: the characters of a URL path but {@code $},
   * which nginx reads as a variable in a map's value; nothing that could end a string or a line.
   */
  private static final Pattern SERVABLE = Pattern.compile("/[A-Za-z0-9._~%!&'()*+,;=:@/{}-]*");

  /** What the routes of one Api share. */
  record Api(String key, String prefix, Map<?, ?> api, String keyVar, Directives d) {}

  private final StageProblems problems;
  private final NginxShared shared;
  private final NginxMaps maps;
  private int count;

  NginxRoutes(StageProblems problems, NginxShared shared) {
    this.problems = problems;
    this.shared = shared;
    this.maps = shared.maps;
    String route = maps.var("route");
    maps.define("route", maps.var("api"), "\"\"", "the routing map of each Api's group")
        .define(
            "verdict",
            "\"" + route + "|$request_method\"",
            "405",
            "per route and method: empty to pass, 404 (no route), 405 or 204 (CORS preflight)")
        .define("methods", route, "\"\"", "the methods of each route")
        .define("path", route, "\"\"", "the path of each route, for the 405 message")
        .define("allow", maps.var("verdict"), "\"\"", null);
    maps.put("verdict", "\"~^\\|\"", "\"\"");
    maps.put("verdict", "\"~^0\\|\"", "404");
    maps.put("allow", "405", maps.var("methods"));
  }

  /** Adds the routes of an Api and appends their comment lines to {@code out}. */
  void render(Api a, StringBuilder out) {
    String number = String.valueOf(a.d().api);
    String group = "routes" + ((a.d().api - 1) / GROUP + 1);
    maps.define(group, "$uri", "0", null);
    maps.put("route", number, maps.var(group));
    Map<String, List<Map<?, ?>>> byPath = new LinkedHashMap<>();
    List<?> endpoints = a.api().get("endpoints") instanceof List<?> l ? l : List.of();
    for (int i = 0; i < endpoints.size(); i++) {
      if (endpoints.get(i) instanceof Map<?, ?> endpoint) {
        String path = String.valueOf(endpoint.get("path"));
        if (!SERVABLE.matcher(path).matches()) {
          problems.error(
              a.key(),
              "/endpoints/" + i + "/path",
              "nginx cannot serve this path: it may hold only letters, digits, / and"
                  + " - . _ ~ % ! & ' ( ) * + , ; = : @ and {name} parameters (nginx reads $ as"
                  + " a variable; write it %24)");
          continue;
        }
        byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(endpoint);
      }
    }
    List<String> paths = new ArrayList<>(byPath.keySet());
    paths.sort(NginxRoutes::moreLiteralFirst);
    for (String path : paths) {
      int route = ++count;
      maps.put(group, regex(a.prefix() + path), String.valueOf(route));
      route(a, route, a.prefix() + path, byPath.get(path), endpoints, out);
    }
  }

  private void route(
      Api a,
      int number,
      String fullPath,
      List<Map<?, ?>> endpoints,
      List<?> all,
      StringBuilder out) {
    String route = String.valueOf(number);
    Set<String> methods = new TreeSet<>();
    out.append("    # route ").append(route).append(": ");
    for (int i = 0; i < endpoints.size(); i++) {
      Map<?, ?> e = endpoints.get(i);
      methods.add(String.valueOf(e.get("method")));
      out.append(i == 0 ? "" : ", ").append(e.get("method")).append(' ').append(e.get("path"));
      if (e.get("name") != null) {
        out.append(" (").append(e.get("name")).append(')');
      }
    }
    out.append('\n');
    maps.put("methods", route, NginxText.quote(String.join(", ", methods)));
    maps.put("path", route, NginxText.quote(NginxText.json(fullPath)));
    boolean deprecated = "deprecated".equals(a.api().get("state"));
    for (String m : methods) {
      maps.put("verdict", route + "|" + m, "\"\"");
    }
    if (a.d().preflight && !methods.contains("OPTIONS")) {
      maps.put("verdict", route + "|OPTIONS", "204");
      if (deprecated) {
        deprecation(route + "|OPTIONS");
      }
    }
    int retry = a.d().retryAfter;
    for (Map<?, ?> e : endpoints) {
      String method = String.valueOf(e.get("method"));
      if (deprecated || Boolean.TRUE.equals(e.get("deprecated"))) {
        deprecation(route + "|" + method);
      }
      if (e.get("rateLimit") instanceof Map<?, ?> r) {
        retry = Math.max(retry, limit(a, route, fullPath, method, r, all.indexOf(e)));
      }
    }
    if (retry > 0) {
      maps.define("retry", maps.var("route"), "\"\"", "the Retry-After of each limited route");
      maps.put("retry", route, String.valueOf(retry));
    }
  }

  /**
   * An endpoint's limit: its zone and the key entry of its route and method; returns its
   * Retry-After, 0 for a rate nginx cannot count (a problem).
   */
  private int limit(Api a, String route, String fullPath, String method, Map<?, ?> r, int index) {
    Optional<NginxText.Rate> rate = NginxText.rate(r.get("requests"), r.get("period"));
    if (rate.isEmpty()) {
      problems.error(
          a.key(),
          "/endpoints/" + index + "/rateLimit",
          NginxText.rateRefusal(r.get("requests"), r.get("period")));
      return 0;
    }
    String id = NginxShared.rateId(rate.get());
    maps.define("ek_" + id, "\"" + maps.var("route") + "|$request_method\"", "\"\"", null);
    maps.put(
        "ek_" + id,
        route + "|" + method,
        "\"" + method + "|" + fullPath.replace("\"", "\\\"") + ":" + a.keyVar() + "\"");
    shared.limit("e_" + id, "ek_" + id, rate.get());
    return rate.get().retryAfter();
  }

  private void deprecation(String key) {
    maps.define(
        "deprecation",
        "\"" + maps.var("route") + "|$request_method\"",
        "\"\"",
        "the deprecated routes and methods");
    maps.put("deprecation", key, "true");
    shared.server.add("add_header Deprecation " + maps.var("deprecation") + " always;");
  }

  /** An anchored regular expression of a path: a {@code {param}} is one segment. */
  static String regex(String fullPath) {
    StringBuilder out = new StringBuilder("\"~^");
    int i = 0;
    while (i < fullPath.length()) {
      char c = fullPath.charAt(i);
      int close = c == '{' ? fullPath.indexOf('}', i) : -1;
      if (close > i) {
        out.append("[^/]+");
        i = close + 1;
        continue;
      }
      if ("\\.+*?()[]{}|^$".indexOf(c) >= 0) {
        out.append('\\');
      } else if (c == '"') {
        out.append('\\');
      }
      out.append(c);
      i++;
    }
    return out.append("$\"").toString();
  }

  private static int moreLiteralFirst(String a, String b) {
    int pa = params(a);
    int pb = params(b);
    return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
  }

  private static int params(String path) {
    int n = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '{') {
        n++;
      }
    }
    return n;
  }
}
