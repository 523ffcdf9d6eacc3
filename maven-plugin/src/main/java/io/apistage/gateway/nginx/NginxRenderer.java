package io.apistage.gateway.nginx;

import io.apistage.gateway.Access;
import io.apistage.gateway.Rendering;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.StageProblems;
import io.apistage.stage.StageState;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a stage's state as one nginx file, included in the {@code http {}} block of the running
 * nginx: the maps of api keys and the rate-limit zones, then one {@code server} that listens on the
 * stage's address with a location per endpoint path of each Api (in key order, each headed by a
 * comment naming the Api), the {@code /.well-known/apistage} answer, and JSON 404, 405, 410 and 429
 * answers in the report envelope. The same state and secrets give the same bytes.
 *
 * @since 0.1.0
 */
public final class NginxRenderer {

  /** The comment line that names the rendered commit; drift is read from it. */
  public static final String COMMIT_LINE = "# apistage-commit: ";

  /**
   * Renders a stage.
   *
   * @param state the stage's state at its branch's commit (not empty)
   * @param secrets where api keys and static tokens are resolved
   * @param listen {@code host:port} of the server
   */
  public Rendering render(StageState state, Secrets secrets, String listen) {
    String stage = state.stage().name();
    String commit = state.commit().orElse("none");
    StageProblems problems = new StageProblems(state);
    Access access = Access.of(state.assets(), secrets, problems);
    NginxShared shared = new NginxShared(NginxText.id(stage));
    NginxApi apis = new NginxApi(state.assets(), problems, stage, access, secrets, shared);
    StringBuilder locations = new StringBuilder(1 << 16);
    for (Map.Entry<String, Object> e : new TreeMap<>(state.assets()).entrySet()) {
      if (e.getKey().startsWith("api/") && e.getValue() instanceof Map<?, ?> api) {
        apis.render(e.getKey(), api, locations);
      }
    }
    // the http blocks first, so the whole file is built in one buffer of its size (it is tens of
    // megabytes for thousands of Apis, and every copy of it costs the deploy time and heap)
    StringBuilder http = new StringBuilder(1 << 16);
    shared.render(http);
    StringBuilder out = new StringBuilder(http.length() + locations.length() + (1 << 16));
    out.append("# apistage: the gateway of stage ")
        .append(stage)
        .append(", rendered from ")
        .append(state.stage().state().describe())
        .append(".\n")
        .append(
            "# apistage owns this file: a change by hand shows as drift in apistage:diff and"
                + " is replaced by the next apistage:deploy.\n")
        .append("# It holds api keys: keep it mode 0600, never copy it into Git.\n")
        .append("# apistage-stage: ")
        .append(stage)
        .append('\n')
        .append(COMMIT_LINE)
        .append(commit)
        .append("\n\n");
    out.append(http);
    out.append("\nserver {\n    listen ")
        .append(listen)
        .append(";\n")
        .append("    server_tokens off;\n    default_type application/json;\n")
        .append("    limit_req_status 429;\n");
    checks(out, shared, stage);
    out.append("\n    location = /.well-known/apistage {\n")
        .append("        if ($request_method !~ \"^(GET|HEAD)$\") {\n")
        .append("            add_header Allow \"GET, HEAD\" always;\n")
        .append("            return 405 ")
        .append(NginxText.body("error", "METHOD_NOT_ALLOWED", "this path answers GET"))
        .append(";\n        }\n")
        .append("        return 200 '{\"stage\":\"")
        .append(stage)
        .append("\",\"commit\":\"")
        .append(commit)
        .append("\"}\\n';\n    }\n");
    out.append(locations);
    out.append("\n    location / {\n        return 404 ")
        .append(notFound(stage))
        .append(";\n    }\n");
    namedLocations(out, shared);
    return new Rendering(stage, commit, out.toString(), problems.all());
  }

  private static String notFound(String stage) {
    return NginxText.body(
        "error", "NOT_FOUND", "no endpoint of stage " + stage + " answers this path");
  }

  /**
   * The server's own lines: headers to the backend and to the caller (map variables, empty where an
   * Api has none), the limits, and the checks every request of an Api passes in this order: an
   * unknown path 404, a CORS preflight 204, another method 405, no key of a consumer 401.
   */
  private static void checks(StringBuilder out, NginxShared shared, String stage) {
    NginxMaps maps = shared.maps;
    out.append("    proxy_http_version 1.1;\n")
        .append("    proxy_set_header Host ")
        .append(maps.var("host"))
        .append(";\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
        .append("    proxy_set_header Connection \"\";\n")
        .append("    proxy_set_header X-Apistage-Application $apistage_application;\n")
        .append("    add_header Allow ")
        .append(maps.var("allow"))
        .append(" always;\n");
    shared.server.forEach(line -> out.append("    ").append(line).append('\n'));
    shared.limitLines().forEach(line -> out.append("    ").append(line).append('\n'));
    if (shared.limited()) {
      out.append("    error_page 429 = @apistage_429;\n");
    }
    boolean authed = maps.has("authed");
    out.append("    set $apistage_application ")
        .append(authed ? maps.var("app") : "\"\"")
        .append(";\n");
    String verdict = maps.var("verdict");
    out.append("    if (")
        .append(verdict)
        .append(" = 404) {\n        return 404 ")
        .append(notFound(stage))
        .append(";\n    }\n");
    out.append("    if (").append(verdict).append(" = 204) {\n        return 204;\n    }\n");
    out.append("    if (")
        .append(verdict)
        .append(" = 405) {\n        return 405 ")
        .append(
            NginxText.body(
                "error",
                "METHOD_NOT_ALLOWED",
                maps.var("path") + " answers " + maps.var("methods") + " on stage " + stage))
        .append(";\n    }\n");
    if (authed) {
      out.append("    if (")
          .append(maps.var("unauthorized"))
          .append(") {\n        return 401 ")
          .append(
              NginxText.body(
                  "error", "UNAUTHORIZED", "give the api key of an application that uses this API"))
          .append(";\n    }\n");
    }
  }

  /** The named locations that answer 429 (with Retry-After) and 403, and the server's end. */
  private static void namedLocations(StringBuilder out, NginxShared shared) {
    if (shared.limited()) {
      String retry = shared.maps.var("retry");
      out.append("\n    location @apistage_429 {\n")
          .append("        add_header Retry-After ")
          .append(retry)
          .append(" always;\n")
          .append("        return 429 ")
          .append(
              NginxText.body(
                  "error", "RATE_LIMITED", "too many requests; retry after " + retry + " s"))
          .append(";\n    }\n");
    }
    out.append("\n    location @apistage_403 {\n        return 403 ")
        .append(NginxText.body("error", "FORBIDDEN", "this address may not call this API"))
        .append(";\n    }\n}\n");
  }

  /**
   * The parts of a {@code baseUrl}: scheme, {@code host:port} and path without a trailing slash, or
   * null when it is not an absolute http(s) URL without query.
   */
  static String[] base(String baseUrl) {
    try {
      URI uri = new URI(baseUrl);
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null
          || !("http".equals(scheme) || "https".equals(scheme))) {
        return null;
      }
      int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (!path.matches("[A-Za-z0-9._~/%-]*")) {
        return null;
      }
      return new String[] {scheme, uri.getHost() + ":" + port, path, uri.getHost()};
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
