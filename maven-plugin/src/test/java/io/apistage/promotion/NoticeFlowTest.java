package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.notice.NoticeLedger;
import io.apistage.notice.NotifyGoal;
import io.apistage.problem.ApistageException;
import io.apistage.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices end to end on a real Git repository and real HTTP receivers on loopback: a promotion
 * writes them into the stage commit, sends them signed, and what a receiver does not take waits for
 * {@code notify}.
 */
class NoticeFlowTest {

  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("the webhook secret of the shop!!".getBytes());

  @TempDir Path dir;

  /** A receiver on a loopback port that can be stopped and started again on the same port. */
  static final class Receiver implements AutoCloseable {
    final ConcurrentLinkedQueue<Map<String, Object>> bodies = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Map<String, List<String>>> headers = new ConcurrentLinkedQueue<>();
    final AtomicInteger count = new AtomicInteger();
    final IntUnaryOperator status;
    final int port;
    private HttpServer server;

    Receiver(IntUnaryOperator status) throws IOException {
      this(status, 0);
    }

    Receiver(IntUnaryOperator status, int port) throws IOException {
      this.status = status;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
      this.port = server.getAddress().getPort();
      server.createContext(
          "/",
          exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = status.applyAsInt(count.incrementAndGet());
            if (code / 100 == 2) {
              try {
                new Webhook(SECRET)
                    .verify(body, HttpHeaders.of(exchange.getRequestHeaders(), (a, b) -> true));
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = (Map<String, Object>) Json.read(body);
                bodies.add(parsed);
                headers.add(Map.copyOf(exchange.getRequestHeaders()));
              } catch (Exception e) {
                code = 401; // a signature that does not verify is refused, as a receiver would
              }
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + port + "/hooks";
    }

    void stop() {
      server.stop(0);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static String app(String name, String url, String... apis) {
    return "kind: Application\nname: "
        + name
        + "\napis: ["
        + String.join(", ", apis)
        + "]\n"
        + (url == null
            ? ""
            : "contact:\n  webhook: { url: \"" + url + "\", secret: \"${secret:HOOK}\" }\n");
  }

  private static GoalResult promote(ShopFixture f, RecordingLog log) throws Exception {
    return new PromoteGoal(
            f.context(log).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)), f.promote())
        .execute();
  }

  /** The stage commit the first promotion of a promote run wrote. */
  @SuppressWarnings("unchecked")
  private static String promotedCommit(GoalResult result) {
    List<Map<String, Object>> promotions =
        (List<Map<String, Object>>) result.body().toJson().get("promotions");
    return (String) promotions.get(0).get("commit");
  }

  private static String ids(Receiver r) {
    return r.headers.stream().map(h -> h.get("Webhook-id").get(0)).toList().toString();
  }

  @Test
  void aPromotionTouchingTwoApisNotifiesThreeApplicationsOnceEachSigned() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir);
        Receiver mobile = new Receiver(n -> 200);
        Receiver web = new Receiver(n -> 204);
        Receiver partner = new Receiver(n -> 200)) {
      f.repo
          .write(
              "applications/mobile-app.yaml", app("mobile-app", mobile.url(), "orders@1", "pets@1"))
          .write("applications/web-shop.yaml", app("web-shop", web.url(), "orders@1"))
          .write("applications/warehouse.yaml", app("warehouse", null, "orders@1"))
          .write("applications/partner.yaml", app("partner", partner.url()))
          .write(
              "plans/free.yaml", "kind: Plan\nname: free\nprice: 0\ncurrency: EUR\nperiod: month\n")
          .write("packages/pets.yaml", "kind: Package\nname: pets\napis: [pets@1]\nplans: [free]\n")
          .write(
              "subscriptions/partner-pets.yaml",
              "kind: Subscription\nname: partner-pets\napplication: partner\npackage: pets\nplan: free\n")
          .commit("consumers with webhooks");
      RecordingLog log = new RecordingLog();
      GoalResult result = promote(f, log);
      assertThat(result.problems()).isEmpty();

      assertThat(mobile.bodies).hasSize(1);
      assertThat(web.bodies).hasSize(1);
      assertThat(partner.bodies).hasSize(1);
      Map<String, Object> body = mobile.bodies.peek();
      assertThat(body)
          .containsEntry("type", "apistage.api.changed")
          .containsEntry("application", "mobile-app")
          .containsEntry("stage", "dev")
          .containsEntry("promotion", "track-main")
          .containsEntry("commit", promotedCommit(result));
      assertThat(body.get("changes").toString())
          .contains("api=orders@1, fromVersion=null, toVersion=1.0.0, bump=minor")
          .contains("api=pets@1, fromVersion=null, toVersion=1.0.0, bump=minor");
      assertThat(web.bodies.peek().get("changes").toString())
          .contains("orders@1")
          .doesNotContain("pets@1");
      assertThat(partner.bodies.peek().get("changes").toString())
          .contains("pets@1")
          .doesNotContain("orders@1");
      assertThat(ids(mobile)).isEqualTo("[" + body.get("id") + "]");

      // the notices and their delivery are both in the stage's history
      NoticeLedger ledger = NoticeLedger.of(f.state("dev").history());
      assertThat(ledger.entries()).hasSize(3).allMatch(NoticeLedger.Entry::delivered);
      assertThat(log.text())
          .contains("dev: notice " + body.get("id") + " to mobile-app delivered (200)");
    }
  }

  @Test
  void aReceiverThatIsDownLeavesTheNoticePendingAndNotifyDeliversItLaterWithTheSameId()
      throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      Receiver web = new Receiver(n -> 200);
      int port = web.port;
      web.stop(); // nobody listens on the port now
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", web.url(), "orders@1"))
          .commit("web-shop");
      RecordingLog log = new RecordingLog();
      GoalResult result = promote(f, log);
      assertThat(result.problems()).isEmpty();
      assertThat(result.message()).isEqualTo("promote: 1 applied, 0 skipped, 0 failed");
      List<NoticeLedger.Entry> entries = NoticeLedger.of(f.state("dev").history()).entries();
      assertThat(entries)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.delivered()).isFalse();
                assertThat(e.lastStatus()).startsWith("ConnectException");
                assertThat(e.tries()).isEqualTo(3);
              });
      String id = entries.get(0).notice().id();
      assertThat(log.lines())
          .anyMatch(
              l ->
                  l.startsWith(
                          "[WARNING] dev: 1 notice waits: " + id + " to web-shop (ConnectException")
                      && l.endsWith("; mvn apistage:notify -Dapistage.stage=dev sends it again"));

      try (Receiver back = new Receiver(n -> 200, port)) {
        GoalResult notify =
            new NotifyGoal(
                    f.context(new RecordingLog()).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                    new NotifyGoal.Request("dev", Map.of(), Map.of(), f.clock()))
                .execute();
        assertThat(notify.message()).isEqualTo("notify: 1 delivered, 0 waiting");
        assertThat(ids(back)).isEqualTo("[" + id + "]");
        assertThat(NoticeLedger.of(f.state("dev").history()).pending()).isEmpty();
        // nothing is pending any more: a second notify sends nothing
        GoalResult again =
            new NotifyGoal(
                    f.context(new RecordingLog()).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                    new NotifyGoal.Request(null, Map.of(), Map.of(), f.clock()))
                .execute();
        assertThat(again.message()).isEqualTo("notify: 0 delivered, 0 waiting");
        assertThat(back.count.get()).isEqualTo(1);
      }
    }
  }

  @Test
  void aStaleRefLockLeftByAKilledNotifyIsNamedAndTheNoticeStaysPending() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      Receiver down = new Receiver(n -> 200);
      int port = down.port;
      down.stop();
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", down.url(), "orders@1"))
          .commit("web-shop");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      String dev = f.repo.ref("refs/heads/apistage/stage/dev");
      java.nio.file.Files.writeString(
          dir.resolve(".git/refs/heads/apistage/stage/dev.lock"), dev + "\n");
      try (Receiver back = new Receiver(n -> 200, port)) {
        NotifyGoal notify =
            new NotifyGoal(
                f.context(new RecordingLog()).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                new NotifyGoal.Request("dev", Map.of(), Map.of(), f.clock()));

        assertThatThrownBy(notify::execute)
            .isInstanceOf(ApistageException.class)
            .hasMessage(
                "stage dev could not record the delivery of its notices in 6 attempts although it"
                    + " did not move: its ref is locked; if a run was killed while it moved the ref,"
                    + " remove the stale lock file (refs/heads/apistage/stage/dev.lock in the .git"
                    + " folder) and run mvn apistage:notify -Dapistage.stage=dev again; the notices"
                    + " were sent and stay pending (receivers deduplicate on webhook-id)");
        assertThat(back.count.get()).isEqualTo(1);
        assertThat(f.repo.ref("refs/heads/apistage/stage/dev")).isEqualTo(dev);
        assertThat(NoticeLedger.of(f.state("dev").history()).pending()).hasSize(1);
      }
    }
  }

  @Test
  void aDryRunListsWhatWouldBeSentAndSendsAndWritesNothing() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      Receiver down = new Receiver(n -> 200);
      int port = down.port;
      down.stop();
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", down.url(), "orders@1", "pets@1"))
          .commit("web-shop");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      NoticeLedger.Entry pending = NoticeLedger.of(f.state("dev").history()).entries().get(0);
      String before = f.state("dev").commit().orElseThrow();
      try (Receiver back = new Receiver(n -> 200, port)) {
        RecordingLog log = new RecordingLog();
        GoalResult dry =
            new NotifyGoal(
                    f.context(log).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                    new NotifyGoal.Request(null, Map.of(), Map.of(), f.clock(), true))
                .execute();
        assertThat(dry.message())
            .isEqualTo("notify (dry run): 1 notice would be sent; nothing sent, nothing written");
        assertThat(log.lines())
            .containsExactly(
                "[INFO] dev: would send notice "
                    + pending.notice().id()
                    + " to web-shop about orders@1, pets@1; pending ("
                    + pending.lastStatus()
                    + ", 3 tries)");
        assertThat(dry.body().toJson().toString())
            .isEqualTo(
                "{dryRun=true, stages=[{stage=dev, commit=null, notices=[{id="
                    + pending.notice().id()
                    + ", application=web-shop, record="
                    + pending.notice().record()
                    + ", delivered=false, status="
                    + pending.lastStatus()
                    + ", tries=3}]}, {stage=qa, commit=null, notices=[]},"
                    + " {stage=prod, commit=null, notices=[]}]}");
        assertThat(back.count.get()).isZero();
        assertThat(f.state("dev").commit()).contains(before);
        assertThat(NoticeLedger.of(f.state("dev").history()).pending()).hasSize(1);
      }
    }
  }

  @Test
  void aReceiverAnswering500TwiceThen200GetsTheNoticeMarkedDeliveredOnce() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir);
        Receiver web = new Receiver(n -> n <= 2 ? 500 : 200)) {
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", web.url(), "orders@1"))
          .commit("web-shop");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      assertThat(web.count.get()).isEqualTo(3);
      assertThat(web.bodies).hasSize(1);
      List<NoticeLedger.Entry> entries = NoticeLedger.of(f.state("dev").history()).entries();
      assertThat(entries)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.delivered()).isTrue();
                assertThat(e.lastStatus()).isEqualTo("200");
                assertThat(e.tries()).isEqualTo(3);
              });
      RecordingLog history = new RecordingLog();
      new HistoryGoal(f.context(history), "dev").execute();
      assertThat(history.lines())
          .contains(
              "[INFO]   notice "
                  + entries.get(0).notice().id()
                  + " to web-shop: delivered (200, 3 tries)");
      long deliveryRecords =
          f.state("dev").history().stream().filter(r -> r.type().equals("delivery")).count();
      assertThat(deliveryRecords).isEqualTo(1);
    }
  }

  @Test
  void aMissingSecretLeavesTheNoticePendingAndNamesTheSecretNotItsValue() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir);
        Receiver web = new Receiver(n -> 200)) {
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", web.url(), "orders@1"))
          .commit("web-shop");
      RecordingLog log = new RecordingLog();
      GoalResult result = new PromoteGoal(f.context(log).withEnv(Map.of()), f.promote()).execute();
      assertThat(result.problems()).isEmpty();
      assertThat(web.count.get()).isZero();
      assertThat(log.text())
          .contains(
              "(secret HOOK is not set: set APISTAGE_SECRET_HOOK or a settings.xml server HOOK)");
      // the branch keeps the reference, never a value
      assertThat(f.state("dev").history().toString())
          .contains("${secret:HOOK}")
          .doesNotContain("whsec_");
    }
  }

  @Test
  void aRollbackNotifiesToo() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir);
        Receiver web = new Receiver(n -> 200)) {
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", web.url(), "orders@1"))
          .commit("web-shop");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      f.repo
          .write(
              "apis/orders/v1.yaml",
              ShopFixture.ORDERS
                  .replace("1.0.0", "1.1.0")
                  .replace(
                      "- { name: getOrder, method: GET, path: /orders }",
                      "- { name: getOrder, method: GET, path: /orders }\n  - { name: cancel, method: POST, path: /orders/cancel }"))
          .commit("orders 1.1.0");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      new RollbackGoal(
              f.context(new RecordingLog()).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
              new RollbackRequest("dev", null, f.clock()))
          .execute();
      List<Map<String, Object>> bodies = new ArrayList<>(web.bodies);
      assertThat(bodies).hasSize(3);
      assertThat(bodies.get(1).get("changes").toString())
          .contains("fromVersion=1.0.0, toVersion=1.1.0, bump=minor")
          .contains("rule=endpoint-added");
      assertThat(bodies.get(2).get("changes").toString())
          .contains("fromVersion=1.1.0, toVersion=1.0.0");
      assertThat(bodies.get(2).get("promotion")).isEqualTo("track-main");
    }
  }

  @Test
  void twoRunsDeliveringAtOnceRecordTheNoticeDeliveredOnce() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      Receiver down = new Receiver(n -> 200);
      int port = down.port;
      down.stop();
      f.repo
          .write("applications/web-shop.yaml", app("web-shop", down.url(), "orders@1"))
          .commit("web-shop");
      assertThat(promote(f, new RecordingLog()).problems()).isEmpty();
      String id = NoticeLedger.of(f.state("dev").history()).pending().get(0).id();
      try (Receiver back = new Receiver(n -> 200, port)) {
        java.util.concurrent.ExecutorService pool =
            java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<GoalResult>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runs.add(
              pool.submit(
                  () ->
                      new NotifyGoal(
                              f.context(new RecordingLog())
                                  .withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                              new NotifyGoal.Request("dev", Map.of(), Map.of(), f.clock()))
                          .execute()));
        }
        for (java.util.concurrent.Future<GoalResult> run : runs) {
          assertThat(run.get().problems()).isEmpty();
        }
        pool.shutdown();
        // at least once on the wire, but recorded delivered exactly once
        assertThat(back.count.get()).isBetween(1, 2);
        long delivered =
            f.state("dev").history().stream()
                .filter(r -> r.type().equals("delivery"))
                .flatMap(r -> ((List<?>) r.content().get("deliveries")).stream())
                .map(d -> (Map<?, ?>) d)
                .filter(d -> id.equals(d.get("notice")) && Boolean.TRUE.equals(d.get("delivered")))
                .count();
        assertThat(delivered).isEqualTo(1);
      }
    }
  }
}
