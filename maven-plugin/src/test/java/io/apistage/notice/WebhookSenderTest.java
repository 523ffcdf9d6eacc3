package io.apistage.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  /** The test vector of the Standard Webhooks specification. */
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("a secret of 32 bytes for testing".getBytes());

  private final List<Duration> pauses = new ArrayList<>();

  private WebhookSender sender(int tries) {
    return new WebhookSender(
        tries, Duration.ofMillis(500), Duration.ofSeconds(5), Clock.systemUTC(), pauses::add);
  }

  @Test
  void theLibrarySignsTheSpecificationsTestVector() throws Exception {
    String signature =
        new Webhook(SPEC_SECRET)
            .sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    // the other side's algorithm, written from the specification with the JDK alone
    assertThat(signature)
        .isEqualTo(
            jdkSignature(
                SPEC_SECRET,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}"));
  }

  @Test
  void aNoticeIsSignedAndVerifiesWithTheSecret() throws Exception {
    try (Receiver receiver = new Receiver(n -> 204)) {
      WebhookSender.Outcome outcome =
          sender(3).send("ntc_1", receiver.url("/hooks"), "{\"id\":\"ntc_1\"}", SECRET);
      assertThat(outcome).isEqualTo(new WebhookSender.Outcome(true, "204", 1));
      Receiver.Received got = receiver.received().get(0);
      assertThat(got.path()).isEqualTo("/hooks");
      assertThat(got.header("webhook-id")).isEqualTo("ntc_1");
      assertThat(got.body()).isEqualTo("{\"id\":\"ntc_1\"}");
      assertThat(got.header("webhook-signature"))
          .isEqualTo(
              jdkSignature(
                  SECRET, "ntc_1", Long.parseLong(got.header("webhook-timestamp")), got.body()));
      new Webhook(SECRET)
          .verify(got.body(), HttpHeaders.of(got.headers(), (a, b) -> true)); // throws if wrong
    }
  }

  @Test
  void aReceiverAnswering500TwiceThen200GetsItOnTheThirdTry() throws Exception {
    try (Receiver receiver = new Receiver(n -> n <= 2 ? 500 : 200)) {
      WebhookSender.Outcome outcome = sender(3).send("ntc_2", receiver.url("/"), "{}", SECRET);
      assertThat(outcome).isEqualTo(new WebhookSender.Outcome(true, "200", 3));
      assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly("ntc_2");
      assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }

  @Test
  void retryAfterIsHonouredUpToItsBound() throws Exception {
    try (Receiver receiver = new Receiver(n -> n == 1 ? 503 : 200, Map.of("Retry-After", "3"))) {
      assertThat(sender(3).send("ntc_3", receiver.url("/"), "{}", SECRET).delivered()).isTrue();
      assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }
    pauses.clear();
    try (Receiver receiver = new Receiver(n -> 429, Map.of("Retry-After", "3600"))) {
      WebhookSender.Outcome outcome = sender(3).send("ntc_4", receiver.url("/"), "{}", SECRET);
      assertThat(outcome)
          .isEqualTo(new WebhookSender.Outcome(false, "429 (Retry-After 3600 s)", 1));
      assertThat(pauses).isEmpty();
    }
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    try (Receiver target = new Receiver(n -> 200);
        Receiver receiver = new Receiver(n -> 307, Map.of("Location", "/elsewhere"))) {
      WebhookSender.Outcome outcome = sender(1).send("ntc_5", receiver.url("/"), "{}", SECRET);
      assertThat(outcome).isEqualTo(new WebhookSender.Outcome(false, "307", 1));
      assertThat(receiver.received()).hasSize(1);
      assertThat(target.received()).isEmpty();
    }
  }

  @Test
  void aReceiverThatIsDownLeavesTheNoticeUndelivered() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    WebhookSender.Outcome outcome =
        sender(2).send("ntc_6", "http://127.0.0.1:" + port + "/", "{}", SECRET);
    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.tries()).isEqualTo(2);
    assertThat(outcome.status()).startsWith("ConnectException");
  }

  @Test
  void aSecretNotOfTheStandardFormIsRefusedWithoutSaying() throws Exception {
    try (Receiver receiver = new Receiver(n -> 200)) {
      WebhookSender.Outcome outcome =
          sender(3).send("ntc_7", receiver.url("/"), "{}", "hunter2-not-a-whsec");
      assertThat(outcome)
          .isEqualTo(
              new WebhookSender.Outcome(
                  false, "the webhook secret is not of the form whsec_<base64>", 0));
      assertThat(outcome.status()).doesNotContain("hunter2");
      assertThat(receiver.received()).isEmpty();
    }
  }

  @Test
  void theTimestampIsTheClocksSecond() throws Exception {
    Clock fixed = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    try (Receiver receiver = new Receiver(n -> 200)) {
      new WebhookSender(1, Duration.ZERO, Duration.ZERO, fixed, pauses::add)
          .send("ntc_8", receiver.url("/"), "{}", SECRET);
      assertThat(receiver.received().get(0).header("webhook-timestamp"))
          .isEqualTo(Long.toString(Instant.parse("2026-12-03T10:00:00Z").getEpochSecond()));
    }
  }

  /** HMAC-SHA256 over {@code id.timestamp.body} with the decoded secret, as the spec says. */
  static String jdkSignature(String secret, String id, long timestamp, String body)
      throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(sig);
  }
}
