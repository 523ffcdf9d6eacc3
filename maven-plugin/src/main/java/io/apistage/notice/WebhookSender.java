package io.apistage.notice;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends one notice to its webhook, signed per Standard Webhooks ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}), a
 * bounded number of tries with backoff. A redirect is not followed (the signature is for the named
 * receiver); {@code Retry-After} is honoured up to a bound, past which the notice waits for the
 * next run; each try has a 10 s timeout. Only a 2xx answer counts as delivered.
 *
 * @since 0.2.0
 */
public final class WebhookSender {

  /** How a send ended. */
  public record Outcome(boolean delivered, String status, int tries) {}

  /** Waits between tries; tests pass one that records instead of sleeping. */
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final int tries;
  private final Duration firstBackoff;
  private final Duration maxRetryAfter;
  private final Clock clock;
  private final Pause pause;

  /**
   * A sender with the bounds promotions use: 3 tries, 1 s then 2 s apart, Retry-After up to 5 s.
   */
  public static WebhookSender standard(Clock clock) {
    return new WebhookSender(
        3, Duration.ofSeconds(1), Duration.ofSeconds(5), clock, d -> Thread.sleep(d.toMillis()));
  }

  /** A sender with its own bounds. */
  public WebhookSender(
      int tries, Duration firstBackoff, Duration maxRetryAfter, Clock clock, Pause pause) {
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    this.tries = tries;
    this.firstBackoff = firstBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.clock = clock;
    this.pause = pause;
  }

  /**
   * Sends a body to a URL signed with a secret of the form {@code whsec_<base64>}.
   *
   * @param id the notice's id, sent as {@code webhook-id} on every try
   * @param url the receiver
   * @param body the JSON body, the same bytes on every try
   * @param secret the secret's value; it never appears in an outcome
   */
  public Outcome send(String id, String url, String body, String secret) {
    Webhook signer;
    try {
      signer = new Webhook(checkedSecret(secret));
    } catch (IllegalArgumentException e) {
      return new Outcome(false, "the webhook secret is not of the form whsec_<base64>", 0);
    }
    String status = "not sent";
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= tries; attempt++) {
      long timestamp = clock.instant().getEpochSecond();
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        int code = response.statusCode();
        if (code / 100 == 2) {
          return new Outcome(true, Integer.toString(code), attempt);
        }
        status = Integer.toString(code);
        retryAfter = response.headers().firstValue("retry-after").map(this::retryAfter);
      } catch (IOException e) {
        status =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        return new Outcome(false, "not a URL: " + e.getMessage(), attempt);
      } catch (WebhookSigningException e) {
        return new Outcome(false, "cannot sign: " + e.getMessage(), attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(false, "interrupted", attempt);
      }
      if (attempt == tries) {
        return new Outcome(false, status, attempt);
      }
      Duration wait = retryAfter.orElse(backoff);
      if (wait.compareTo(maxRetryAfter) > 0) {
        return new Outcome(false, status + " (Retry-After " + wait.toSeconds() + " s)", attempt);
      }
      try {
        pause.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(false, status, attempt);
      }
      backoff = backoff.multipliedBy(2);
    }
    return new Outcome(false, status, tries);
  }

  /** A secret of the form {@code whsec_<base64>}; anything else is refused before sending. */
  private static String checkedSecret(String secret) {
    if (secret == null || !secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("no whsec_ prefix");
    }
    Base64.getDecoder().decode(secret.substring("whsec_".length()));
    return secret;
  }

  /** {@code Retry-After} in seconds or as an HTTP date; an unreadable one counts as 0. */
  private Duration retryAfter(String value) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return Duration.ZERO;
      }
    }
  }
}
