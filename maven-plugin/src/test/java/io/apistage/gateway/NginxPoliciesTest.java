package io.apistage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.deploy.DeployGoal;
import io.apistage.deploy.DeployRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policies and auth variants on a real nginx on loopback: CORS preflight and origins,
 * ip-filter, a key in the query, a static token to the backend, request-id, and paths no endpoint
 * answers.
 */
class NginxPoliciesTest extends NginxOnLoopback {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GoalResult deploy(Map<String, String> files) throws Exception {
    StageRepo.publish(dir, "qa", files);
    Map<String, String> env =
        Map.of(
            "APISTAGE_SECRET_SHOP_KEY", "shop-key-0001",
            "APISTAGE_SECRET_PARTNER_KEY", "partner-key-0002",
            "APISTAGE_SECRET_BACKEND_TOKEN", "backend-token-03");
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, env, new RecordingLog());
    return new DeployGoal(
            context,
            new DeployRequest(
                "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10)))
        .execute();
  }

  private HttpResponse<String> call(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(port, backend.url()));
    files.put(
        "policies/cors.yaml",
        "kind: Policy\nname: cors\ntype: cors\nconfig:\n"
            + "  allowOrigins: [\"https://shop.example\"]\n  allowMethods: [GET]\n"
            + "  allowHeaders: [X-Api-Key]\n  maxAge: 600\n");
    files.put(
        "policies/nobody.yaml",
        "kind: Policy\nname: nobody\ntype: ip-filter\nconfig:\n  deny: [127.0.0.0/8]\n");
    files.put(
        "apis/catalog/v1.yaml",
        """
        kind: Api
        name: catalog
        version: 1.0.0
        state: published
        baseUrl: %s
        policies: [cors]
        endpoints:
          - { name: items, method: GET, path: /items }
        """
            .formatted(backend.url()));
    files.put(
        "apis/closed/v1.yaml",
        """
        kind: Api
        name: closed
        version: 1.0.0
        state: published
        baseUrl: %s
        policies: [nobody]
        endpoints:
          - { name: items, method: GET, path: /items }
        """
            .formatted(backend.url()));
    files.put(
        "apis/search/v1.yaml",
        """
        kind: Api
        name: search
        version: 1.0.0
        state: published
        baseUrl: %s
        auth: { type: api-key, tokenLocation: query, tokenName: key }
        endpoints:
          - { name: find, method: GET, path: /find }
        """
            .formatted(backend.url()));
    files.put(
        "apis/stock/v1.yaml",
        """
        kind: Api
        name: stock
        version: 1.0.0
        state: published
        baseUrl: %s
        auth: { type: api-key, tokenName: X-Api-Key, staticToken: "${secret:BACKEND_TOKEN}" }
        endpoints:
          - { name: level, method: GET, path: /level }
        """
            .formatted(backend.url()));
    files.put(
        "applications/shop.yaml",
        """
        kind: Application
        name: shop
        apis: [orders@1, search@1, stock@1]
        credentials: [ { name: main, key: "${secret:SHOP_KEY}" } ]
        """);
    return files;
  }

  @Test
  void corsAnswersThePreflightAndNamesOnlyAListedOrigin() throws Exception {
    assertThat(deploy(files()).problems()).isEmpty();
    HttpResponse<String> preflight =
        call("OPTIONS", "/catalog/v1/items", "Origin", "https://shop.example");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://shop.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    HttpResponse<String> get = call("GET", "/catalog/v1/items", "Origin", "https://shop.example");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://shop.example");
    assertThat(get.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    HttpResponse<String> other = call("GET", "/catalog/v1/items", "Origin", "https://evil.example");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    // an Api without the policy answers OPTIONS with 405, like any method it does not have
    assertThat(call("OPTIONS", "/orders/v1/slow").statusCode()).isEqualTo(405);
  }

  @Test
  void ipFilterQueryKeysStaticTokensAndRequestIds() throws Exception {
    assertThat(deploy(files()).problems()).isEmpty();
    HttpResponse<String> closed = call("GET", "/closed/v1/items");
    assertThat(closed.statusCode()).isEqualTo(403);
    assertThat(closed.body()).contains("\"code\":\"FORBIDDEN\"");

    assertThat(call("GET", "/search/v1/find").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/search/v1/find?key=shop-key-0002").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/search/v1/find?key=shop-key-0001").statusCode()).isEqualTo(200);
    assertThat(backend.seen).contains("GET /find app=shop key=null");

    assertThat(call("GET", "/stock/v1/level", "X-Api-Key", "shop-key-0001").statusCode())
        .isEqualTo(200);
    assertThat(backend.seen).contains("GET /level app=shop key=backend-token-03");
    // an Api without auth passes the caller's header on, and never a caller's application name
    call("GET", "/catalog/v1/items", "X-Api-Key", "mine", "X-Apistage-Application", "shop");
    assertThat(backend.seen).contains("GET /items app=null key=mine");

    HttpResponse<String> given =
        call("GET", "/orders/v1/orders/7", "X-Api-Key", "shop-key-0001", "X-Request-Id", "r-1");
    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("r-1");
    assertThat(
            call("GET", "/orders/v1/orders/7", "X-Api-Key", "shop-key-0001")
                .headers()
                .firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(32));
  }

  @Test
  void aPathNoEndpointAnswersIs404UnderAnApiPrefixToo() throws Exception {
    assertThat(deploy(files()).problems()).isEmpty();
    for (String path :
        java.util.List.of(
            "/orders/v1/nothing", "/ORDERS/v1/orders/7", "/orders/v1/orders/7/x", "/orders/v1")) {
      HttpResponse<String> missing = call("GET", path, "X-Api-Key", "shop-key-0001");
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.body())
          .isEqualTo(
              "{\"status\":\"error\",\"code\":\"NOT_FOUND\",\"message\":"
                  + "\"no endpoint of stage qa answers this path\"}\n");
    }
    HttpResponse<String> wrong = call("PUT", "/orders/v1/orders/7", "X-Api-Key", "shop-key-0001");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("Allow")).hasValue("DELETE, GET");
    assertThat(call("GET", "/orders/v1/slow", "X-Api-Key", "x").headers().firstValue("Allow"))
        .isEmpty();
  }
}
