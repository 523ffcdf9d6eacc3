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
  void anEndpointPathIsOneLocationWithItsMethodsKeysAndProxy() throws Exception {
    assertThat(platform().text())
        .contains(
            """
            # GET /orders/{id} (getOrder), DELETE /orders/{id} (cancelOrder)
            location ~ "^/orders/v1/orders/[^/]+$" {
                if ($request_method !~ "^(DELETE|GET)$") {
                    add_header Allow "DELETE, GET" always;
                    return 405 '{"status":"error","code":"METHOD_NOT_ALLOWED","message":"/orders/v1/orders/{id} answers DELETE, GET on stage qa"}\\n';
                }
                set $apistage_qa__caller $apistage_qa__caller_http_x_api_key;
                set $apistage_qa__api 1;
                set $apistage_application $apistage_qa__allowed1;
                if ($apistage_application = "") {
                    return 401 '{"status":"error","code":"UNAUTHORIZED","message":"give the api key of an application that uses this API"}\\n';
                }
                proxy_set_header X-Request-Id $apistage_qa__rid_x_request_id;
                add_header X-Request-Id $apistage_qa__rid_x_request_id always;
                proxy_set_header X-Apistage-Application $apistage_application;
                proxy_set_header X-Api-Key "";
                proxy_set_header Host 127.0.0.1:9001;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header Connection "";
                proxy_http_version 1.1;
                rewrite "^/orders/v1(/.*)$" "/orders-api$1" break;
                proxy_pass http://apistage_qa__orders_v1;
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
        # which application may call which Api (by their numbers)
        map "$apistage_qa__caller|$apistage_qa__api" $apistage_qa__allowed1 {
            default "";
            1|1 shop;
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
    assertThat(text).contains("        add_header Deprecation true always;\n");
    assertThat(text)
        .contains(
            "map \"$apistage_qa__em_2r_m|$request_method\" $apistage_qa__ek_2r_m {\n"
                + "    default \"\";\n"
                + "    \"~(?s)^(?:[A-Z]+,)*(?<apistage_m>[A-Z]+)(?:,[A-Z]+)*\\|(?<apistage_k>.*)"
                + "\\|\\k<apistage_m>$\" \"$apistage_m $apistage_k\";\n}\n"
                + "limit_req_zone $apistage_qa__ek_2r_m zone=apistage_qa__e_2r_m:10m rate=2r/m;\n");
    assertThat(text)
        .contains(
            "        set $apistage_qa__em_2r_m \"GET|/orders/v1/limited:$apistage_application\";\n"
                + "        limit_req zone=apistage_qa__e_2r_m burst=1 nodelay;\n");
    assertThat(text)
        .contains(
            "    location @apistage_429_30 {\n        add_header Retry-After 30"
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
            "map \"$apistage_qa__caller|$apistage_qa__api\" $apistage_qa__plank_5r_s_1 {\n"
                + "    default \"\";\n    1|1 \"1:partner\";\n}\n");
    assertThat(r.text())
        .contains(
            "limit_req_zone $apistage_qa__plank_5r_s_1 zone=apistage_qa__plan_5r_s_1:10m"
                + " rate=5r/s;\n");
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
                + "    \"https://shop.example\" $http_origin;\n}\n");
    assertThat(r.text())
        .contains(
            """
                if ($request_method = OPTIONS) {
                    add_header Access-Control-Allow-Origin $apistage_qa__cors_cors always;
                    add_header Vary Origin always;
                    add_header Access-Control-Allow-Methods "GET" always;
                    add_header Access-Control-Allow-Headers "X-Api-Key" always;
                    add_header Access-Control-Max-Age 600 always;
                    return 204;
                }
        """);
    assertThat(r.text()).contains("        allow 127.0.0.0/8;\n        deny all;\n");
    assertThat(r.text()).contains("        access_log /tmp/qa.log apistage_qa_json;\n");
    assertThat(r.text()).contains("        error_page 403 = @apistage_403;\n");
  }
}
