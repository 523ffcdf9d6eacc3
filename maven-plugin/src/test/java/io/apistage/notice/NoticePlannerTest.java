package io.apistage.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticePlannerTest {

  private static final NoticePlanner.StageChange CHANGE =
      new NoticePlanner.StageChange(
          "qa", "000004-promotion-shop-to-qa", "shop-to-qa", "2026-12-03T10:00:00Z");

  private static Map<String, Object> api(String version, String... paths) {
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("kind", "Api");
    api.put("version", version);
    api.put("state", "published");
    List<Object> endpoints = new java.util.ArrayList<>();
    for (String p : paths) {
      endpoints.add(Map.of("name", p.replace("/", "x"), "method", "GET", "path", p));
    }
    api.put("endpoints", endpoints);
    return api;
  }

  private static Map<String, Object> app(String url, String... apis) {
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("kind", "Application");
    app.put("apis", List.of(apis));
    if (url != null) {
      app.put("contact", Map.of("webhook", Map.of("url", url, "secret", "${secret:HOOK}")));
    }
    return app;
  }

  private static Map<String, Object> before() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("api/orders@1", api("1.4.2", "/orders", "/orders/{id}"));
    s.put("api/catalog@1", api("1.0.0", "/items"));
    s.put("api/customers@1", api("1.0.0", "/customers"));
    s.put("application/mobile-app", app("https://hooks.example/mobile", "orders@1", "catalog@1"));
    s.put("application/web-shop", app("https://hooks.example/web", "orders@1"));
    s.put("application/warehouse", app(null, "orders@1"));
    s.put("application/partner", app("https://hooks.example/partner"));
    s.put("package/commerce", Map.of("apis", List.of("catalog@1"), "plans", List.of("free")));
    s.put(
        "subscription/partner-commerce",
        Map.of("application", "partner", "package", "commerce", "plan", "free"));
    return s;
  }

  @Test
  void aPromotionTouchingTwoApisNotifiesEachApplicationOnceWithWhatItUses() {
    Map<String, Object> after = new LinkedHashMap<>(before());
    after.put("api/orders@1", api("1.5.0", "/orders", "/orders/{id}", "/orders/{id}/cancel"));
    after.put("api/catalog@1", api("1.0.1", "/items"));
    List<Notice> notices = NoticePlanner.plan(CHANGE, before(), after);
    assertThat(notices)
        .extracting(Notice::application)
        .containsExactly("mobile-app", "partner", "web-shop");
    Notice mobile = notices.get(0);
    assertThat(mobile.changes())
        .extracting(NoticeChange::api)
        .containsExactly("catalog@1", "orders@1");
    assertThat(notices.get(1).changes()).extracting(NoticeChange::api).containsExactly("catalog@1");
    assertThat(notices.get(2).changes()).extracting(NoticeChange::api).containsExactly("orders@1");
    NoticeChange orders = mobile.changes().get(1);
    assertThat(orders.fromVersion()).isEqualTo("1.4.2");
    assertThat(orders.toVersion()).isEqualTo("1.5.0");
    assertThat(orders.bump()).isEqualTo("minor");
    assertThat(orders.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("rule")).isEqualTo("endpoint-added");
              assertThat(f.get("bump")).isEqualTo("minor");
              assertThat(f.get("field")).isEqualTo("/endpoints/2");
            });
    assertThat(mobile.changes().get(0).bump()).isEqualTo("patch");
    assertThat(mobile.url()).isEqualTo("https://hooks.example/mobile");
    assertThat(mobile.secret()).isEqualTo("${secret:HOOK}");
    assertThat(mobile.id()).isEqualTo(NoticePlanner.id(CHANGE, "mobile-app")).startsWith("ntc_");
  }

  @Test
  void theBodyFollowsTheDocumentedEnvelope() throws Exception {
    Map<String, Object> after = new LinkedHashMap<>(before());
    after.put("api/orders@1", api("1.5.0", "/orders", "/orders/{id}", "/orders/{id}/cancel"));
    Notice web = NoticePlanner.plan(CHANGE, before(), after).get(1);
    assertThat(web.application()).isEqualTo("web-shop");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) Json.read(web.body("77b0e3d"));
    assertThat(body.keySet())
        .containsExactly(
            "type", "id", "application", "stage", "promotion", "commit", "occurredAt", "changes");
    assertThat(body.get("type")).isEqualTo("apistage.api.changed");
    assertThat(body.get("id")).isEqualTo(web.id());
    assertThat(body.get("commit")).isEqualTo("77b0e3d");
    assertThat(body.get("changes").toString())
        .contains("api=orders@1", "fromVersion=1.4.2", "toVersion=1.5.0", "bump=minor")
        .contains("summary={modified=1, added=1, removed=0}");
    // stored and read back, the notice renders the same bytes
    assertThat(Notice.fromPlain(web.toPlain()).body("77b0e3d")).isEqualTo(web.body("77b0e3d"));
  }

  @Test
  void createdAndRemovedMajorsCountAndNothingChangedSendsNothing() {
    assertThat(NoticePlanner.plan(CHANGE, before(), before())).isEmpty();
    Map<String, Object> after = new LinkedHashMap<>(before());
    after.remove("api/catalog@1");
    after.put("api/orders@2", api("2.0.0", "/v2/orders"));
    after.put("application/web-shop", app("https://hooks.example/web", "orders@1", "orders@2"));
    List<Notice> notices = NoticePlanner.plan(CHANGE, before(), after);
    assertThat(notices)
        .extracting(Notice::application)
        .containsExactly("mobile-app", "partner", "web-shop");
    NoticeChange removed = notices.get(0).changes().get(0);
    assertThat(removed.api()).isEqualTo("catalog@1");
    assertThat(removed.toVersion()).isNull();
    assertThat(removed.bump()).isEqualTo("major");
    NoticeChange created = notices.get(2).changes().get(0);
    assertThat(created.api()).isEqualTo("orders@2");
    assertThat(created.fromVersion()).isNull();
    assertThat(created.bump()).isEqualTo("minor");
  }
}
