package io.apistage.notice;

import io.apistage.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends pending notices, a few at a time, each with the sender's bounded tries. It never throws for
 * a receiver's failure: every notice gets an outcome, and only a 2xx answer is one that says
 * delivered. Secrets are looked up here and nowhere else, and never appear in an outcome.
 *
 * @since 0.2.0
 */
public final class NoticeDelivery {

  private static final Pattern SECRET_REF =
      Pattern.compile("\\$\\{secret:([A-Za-z_][A-Za-z0-9_]*)\\}");

  /**
   * How many notices are sent at once: receivers of different applications do not wait on each
   * other.
   */
  private static final int PARALLEL = 8;

  /** Looks up a secret's value by its name, from the environment or settings.xml. */
  public interface Secrets {
    Optional<String> value(String name);
  }

  /** One notice and how its sending ended. */
  public record Result(Notice notice, WebhookSender.Outcome outcome) {}

  private final WebhookSender sender;
  private final Secrets secrets;
  private final Log log;

  /** A delivery through a sender, with secrets from a lookup. */
  public NoticeDelivery(WebhookSender sender, Secrets secrets, Log log) {
    this.sender = sender;
    this.secrets = secrets;
    this.log = log;
  }

  /**
   * Sends each notice with its body for the stage commit that holds it.
   *
   * @param pending the notices to send
   * @param commitOf the stage commit that recorded a notice's change
   */
  public List<Result> send(List<Notice> pending, Function<Notice, String> commitOf) {
    List<Result> out = new ArrayList<>();
    if (pending.isEmpty()) {
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(PARALLEL, pending.size()),
            r -> {
              Thread t = new Thread(r, "apistage-notice");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Notice notice : pending) {
        String commit = commitOf.apply(notice);
        futures.add(pool.submit(() -> sendOne(notice, commit)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          out.add(
              new Result(
                  pending.get(i), new WebhookSender.Outcome(false, "failed: " + e.getCause(), 0)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          out.add(new Result(pending.get(i), new WebhookSender.Outcome(false, "interrupted", 0)));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private Result sendOne(Notice notice, String commit) {
    Matcher ref = notice.secret() == null ? null : SECRET_REF.matcher(notice.secret());
    if (ref == null || !ref.matches()) {
      return new Result(
          notice,
          new WebhookSender.Outcome(false, "the webhook secret is not a ${secret:NAME}", 0));
    }
    Optional<String> value = secrets.value(ref.group(1));
    if (value.isEmpty()) {
      return new Result(
          notice,
          new WebhookSender.Outcome(
              false,
              "secret "
                  + ref.group(1)
                  + " is not set: set APISTAGE_SECRET_"
                  + ref.group(1)
                  + " or a settings.xml server "
                  + ref.group(1),
              0));
    }
    WebhookSender.Outcome outcome =
        sender.send(notice.id(), notice.url(), notice.body(commit), value.get());
    log.debug(
        "notice "
            + notice.id()
            + " to "
            + notice.application()
            + ": "
            + (outcome.delivered() ? "delivered" : "not delivered")
            + " ("
            + outcome.status()
            + ", "
            + outcome.tries()
            + " tries)");
    return new Result(notice, outcome);
  }
}
