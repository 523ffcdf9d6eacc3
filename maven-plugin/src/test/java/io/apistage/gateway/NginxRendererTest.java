package io.apistage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.gateway.nginx.NginxRenderer;
import io.apistage.problem.Problem;
import io.apistage.stage.StageState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes nginx gets for a stage. */
class NginxRendererTest {

  private static final String COMMIT = "4f2a91c0000000000000000000000000000000aa";
  private static final String BACKEND = "http://127.0.0.1:9001";

  private Rendering render(Map<String, String> files, Secrets secrets) throws Exception {
    StageState state = GatewayFixture.state("qa", COMMIT, files);
    return new NginxRenderer().render(state, secrets, "127.0.0.1:18081");
  }

  private Rendering platform() throws Exception {
    return render(GatewayFixture.platform(18081, BACKEND), GatewayFixture.secrets());
  }

  @Test
  void theSameStateGivesTheSameBytes() throws Exception {
    Rendering a = platform();
    Rendering b = platform();
    assertThat(a.problems()).isEmpty();
    assertThat(a.text()).isEqualTo(b.text());
    assertThat(a.sha256()).isEqualTo(b.sha256()).hasSize(64);
  }

  @Test
  void theFileNamesTheStageAndCommitAndTheServerAnswersTheCommit() throws Exception {
    String text = platform().text();
    assertThat(text)
        .startsWith("# apistage: the gateway of stage qa, rendered from apistage/stage/qa.\n");
    assertThat(text).contains("# apistage-commit: " + COMMIT + "\n");
    assertThat(text)
        .contains(
            "server {\n    listen 127.0.0.1:18081;\n    server_tokens off;\n"
                + "    default_type application/json;\n    limit_req_status 429;\n");
    assertThat(text)
        .contains("        return 200 '{\"stage\":\"qa\",\"commit\":\"" + COMMIT + "\"}\\n';\n");
  }

  @Test
  void anApiIsOneLocationAndItsEndpointPathsAreRoutesInMaps() throws Exception {
    String text = platform().text();
    assertThat(text)
        .contains(
            """
                # ---- api/orders@1: orders 1.2.0 (published), answers at /orders/v1/... (Api 2)
                # route 2: GET /limited (limited)
                # route 3: GET /slow (slow)
                # route 4: GET /orders/{id} (getOrder), DELETE /orders/{id} (cancelOrder)
                location ^~ /orders/v1/ {
                    proxy_pass http://9001_127.0.0.1.apistage_qa/orders-api/;
                }
            """);
    assertThat(text)
        .contains(
            """
            map $uri $apistage_qa__routes1 {
                default 0;
                "~^/catalog/v1/items$" 1;
                "~^/orders/v1/limited$" 2;
                "~^/orders/v1/slow$" 3;
                "~^/orders/v1/orders/[^/]+$" 4;
            }
            """);
    assertThat(text)
        .contains(
            """
            map "$apistage_qa__route|$request_method" $apistage_qa__verdict {
                default 405;
                "~^\\|" "";
                "~^0\\|" 404;
                1|GET "";
                2|GET "";
                3|GET "";
                4|DELETE "";
                4|GET "";
            }
            """);
    assertThat(text)
        .contains("    4 \"DELETE, GET\";\n")
        .contains("    4 \"/orders/v1/orders/{id}\";\n");
  }

  @Test
  void theServerChecksEachRequestOnceThenProxiesWithItsHeaders() throws Exception {
    assertThat(platform().text())
        .contains(
            """
                proxy_http_version 1.1;
                proxy_set_header Host $apistage_qa__host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header Connection "";
                proxy_set_header X-Apistage-Application $apistage_application;
                add_header Allow $apistage_qa__allow always;
                add_header Deprecation $apistage_qa__deprecation always;
                add_header X-Request-Id $apistage_qa__rid_out_x_request_id always;
                proxy_set_header X-Request-Id $apistage_qa__rid_up_x_request_id;
                proxy_set_header X-Api-Key $apistage_qa__key_up_x_api_key;
                limit_req zone=apistage_qa__e_2r_m burst=1 nodelay;
                error_page 429 = @apistage_429;
                set $apistage_application $apistage_qa__app;
                if ($apistage_qa__verdict = 404) {
                    return 404 '{"status":"error","code":"NOT_FOUND","message":"no endpoint of stage qa answers this path"}\\n';
                }
                if ($apistage_qa__verdict = 204) {
                    return 204;
                }
                if ($apistage_qa__verdict = 405) {
                    return 405 '{"status":"error","code":"METHOD_NOT_ALLOWED","message":"$apistage_qa__path answers $apistage_qa__methods on stage qa"}\\n';
                }
                if ($apistage_qa__unauthorized) {
                    return 401 '{"status":"error","code":"UNAUTHORIZED","message":"give the api key of an application that uses this API"}\\n';
                }
            """);
  }

  @Test
  void onlyTheKeysOfApplicationsThatUseTheMajorAreAccepted() throws Exception {
    String text = platform().text();
    assertThat(text)
        .contains(
            """
        map $http_x_api_key $apistage_qa__caller_http_x_api_key {
            default "";
            "~^shop-key-0001$" 1; # shop
        }
        # which application (by number) may call which Api (by number)
        map "$apistage_qa__caller|$apistage_qa__api" $apistage_qa__allowed1 {
            default "";
            1|2 shop;
        }
        """);
    assertThat(text)
        .contains(
            """
        map $apistage_qa__api $apistage_qa__caller {
            default "";
            2 $apistage_qa__caller_http_x_api_key;
        }
        """);
    assertThat(text).doesNotContain("partner-key-0002");
  }

  @Test
  void retiredDeprecatedAndLimitedApisGetTheirAnswers() throws Exception {
    String text = platform().text();
    assertThat(text)
        .contains(
            "    location ^~ /legacy/v1/ {\n        return 410 '{\"status\":\"error\","
                + "\"code\":\"GONE\",\"message\":\"legacy v1 is retired on stage qa\"}\\n';\n    }\n");
    assertThat(text)
        .contains(
            "map \"$apistage_qa__route|$request_method\" $apistage_qa__deprecation {\n"
                + "    default \"\";\n    1|GET true;\n}\n");
    assertThat(text)
        .contains(
            "map \"$apistage_qa__route|$request_method\" $apistage_qa__ek_2r_m {\n"
                + "    default \"\";\n"
                + "    2|GET \"GET|/orders/v1/limited:$apistage_application\";\n}\n");
    assertThat(text)
        .contains("limit_req_zone $apistage_qa__ek_2r_m zone=apistage_qa__e_2r_m:10m rate=2r/m;\n");
    assertThat(text)
        .contains(
            "map $apistage_qa__route $apistage_qa__retry {\n    default \"\";\n    2 30;\n}\n");
    assertThat(text)
        .contains(
            "    location @apistage_429 {\n        add_header Retry-After $apistage_qa__retry"
                + " always;\n        return 429 ");
  }

  @Test
  void aSubscriptionGrantsThePackagesApisAndItsPlanLimitsPerApplication() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(18081, BACKEND));
    files.put(
        "packages/commerce.yaml",
        "kind: Package\nname: commerce\napis: [orders@1]\nplans: [gold]\n");
    files.put(
        "plans/gold.yaml", "kind: Plan\nname: gold\nrateLimit: { requests: 5, period: second }\n");
    files.put(
        "subscriptions/partner-commerce.yaml",
        "kind: Subscription\nname: partner-commerce\n"
            + "application: partner\npackage: commerce\nplan: gold\n");
    Rendering r = render(files, GatewayFixture.secrets());
    assertThat(r.problems()).isEmpty();
    assertThat(r.text())
        .contains("    \"~^partner-key-0002$\" 1; # partner\n    \"~^shop-key-0001$\" 2; # shop\n");
    assertThat(r.text())
        .contains(
            "map \"$apistage_qa__caller|$apistage_qa__api\" $apistage_qa__plank_5r_s {\n"
                + "    default \"\";\n    1|2 \"2:partner\";\n}\n");
    assertThat(r.text())
        .contains(
            "limit_req_zone $apistage_qa__plank_5r_s zone=apistage_qa__plan_5r_s:10m"
                + " rate=5r/s;\n")
        .contains("    limit_req zone=apistage_qa__plan_5r_s burst=4 nodelay;\n");
  }

  @Test
  void whatNginxCannotEnforceIsAProblemAtItsValueNeverDropped() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(18081, BACKEND));
    files.put(
        "policies/request-id.yaml", "kind: Policy\nname: request-id\ntype: header-transform\n");
    files.put(
        "apis/catalog/v1.yaml",
        """
        kind: Api
        name: catalog
        version: 1.0.0
        state: published
        baseUrl: http://127.0.0.1:9001
        auth: { type: oauth2 }
        endpoints:
          - { name: items, method: GET, path: /items, rateLimit: { requests: 7, period: month } }
        """);
    Rendering r = render(files, GatewayFixture.secrets());
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/catalog/v1.yaml:6:15: error [gateway] the nginx gateway of stage qa cannot check auth"
                + " type 'oauth2'; it checks api-key (or none)",
            "apis/catalog/v1.yaml:8:58: error [gateway] nginx cannot enforce 7 requests per month: it"
                + " counts per second or per minute, so give a period of second or minute, or an hour or"
                + " day count that divides into whole requests per minute",
            "policies/request-id.yaml:3:7: error [gateway] the nginx gateway of stage qa cannot enforce"
                + " policy type 'header-transform'; it enforces rate-limit, cors, ip-filter, request-id"
                + " and logging: remove the policy from the Apis of this stage or use one of those types");
  }

  @Test
  void corsIpFilterAndLoggingBecomeDirectives() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(18081, BACKEND));
    files.put(
        "policies/cors.yaml",
        "kind: Policy\nname: cors\ntype: cors\nconfig:\n"
            + "  allowOrigins: [\"https://shop.example\"]\n  allowMethods: [GET]\n"
            + "  allowHeaders: [X-Api-Key]\n  maxAge: 600\n");
    files.put(
        "policies/office.yaml",
        "kind: Policy\nname: office\ntype: ip-filter\nconfig:\n" + "  allow: [127.0.0.0/8]\n");
    files.put(
        "policies/log.yaml",
        "kind: Policy\nname: log\ntype: logging\nconfig:\n"
            + "  level: info\n  path: /tmp/qa.log\n");
    files.put(
        "apis/catalog/v1.yaml",
        """
        kind: Api
        name: catalog
        version: 1.0.0
        state: published
        baseUrl: http://127.0.0.1:9001
        policies: [cors, office, log]
        endpoints:
          - { name: items, method: GET, path: /items }
        """);
    Rendering r = render(files, GatewayFixture.secrets());
    assertThat(r.problems()).isEmpty();
    assertThat(r.text())
        .contains(
            "map $http_origin $apistage_qa__cors_cors {\n    default \"\";\n"
                + "    \"~^https://shop\\.example$\" $http_origin;\n}\n");
    assertThat(r.text())
        .contains(
            """
                add_header Access-Control-Allow-Origin $apistage_qa__cors_origin always;
                add_header Vary $apistage_qa__cors_vary always;
                add_header Access-Control-Allow-Methods $apistage_qa__pf_methods always;
                add_header Access-Control-Allow-Headers $apistage_qa__pf_headers always;
                add_header Access-Control-Max-Age $apistage_qa__pf_max_age always;
                error_page 403 = @apistage_403;
            """)
        .contains(
            "map $apistage_qa__api $apistage_qa__cors_origin {\n    default \"\";\n"
                + "    1 $apistage_qa__cors_cors;\n}\n")
        .contains(
            "map \"$apistage_qa__verdict|$apistage_qa__api\" $apistage_qa__pf_methods {\n"
                + "    default \"\";\n    204|1 \"GET\";\n}\n")
        .contains("    1|OPTIONS 204;\n");
    assertThat(r.text()).contains("        allow 127.0.0.0/8;\n        deny all;\n");
    assertThat(r.text()).contains("        access_log /tmp/qa.log apistage_qa_json;\n");
  }

  @Test
  void aPathNginxCannotHoldIsAProblemAtItAndIsNotWritten() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(18081, BACKEND));
    files.put(
        "apis/catalog/v1.yaml",
        """
        kind: Api
        name: catalog
        version: 1.0.0
        state: published
        baseUrl: http://127.0.0.1:9001
        endpoints:
          - { name: items, method: GET, path: /items }
          - { name: price, method: GET, path: "/price$total" }
          - { name: broken, method: GET, path: "/a\\n}\\nserver {" }
        """);

    Rendering r = render(files, GatewayFixture.secrets());

    String refusal =
        ": error [gateway] nginx cannot serve this path: it may hold only letters, digits, / and"
            + " - . _ ~ % ! & ' ( ) * + , ; = : @ and {name} parameters (nginx reads $ as a"
            + " variable; write it %24)";
    assertThat(r.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/catalog/v1.yaml:8:39" + refusal, "apis/catalog/v1.yaml:9:40" + refusal);
    assertThat(r.text())
        .contains("/catalog/v1/items")
        .doesNotContain("price$")
        .doesNotContain("/a\n");
  }
}
