package io.apistage.notice;

import io.apistage.stage.HistoryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notices of a stage and how far each got, read from its history: the notices travel in the
 * records of the changes (the outbox), and each {@code delivery} record lists the tries of one run.
 * A notice is delivered once a delivery record says so; until then it is pending with the status of
 * its last try.
 *
 * @since 0.2.0
 */
public final class NoticeLedger {

  /** The type of the history record that lists one run's delivery tries. */
  public static final String DELIVERY = "delivery";

  /** The field of a change record that holds its notices. */
  public static final String NOTICES = "notices";

  /**
   * One notice and its state.
   *
   * @param notice the notice
   * @param delivered whether a 2xx answer was recorded
   * @param lastStatus the status of the last recorded try, or {@code not sent}
   * @param tries how many tries were recorded
   */
  public record Entry(Notice notice, boolean delivered, String lastStatus, int tries) {}

  private final Map<String, Entry> entries;

  private NoticeLedger(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** The ledger of a stage's history, oldest record first. */
  @SuppressWarnings("unchecked")
  public static NoticeLedger of(List<HistoryRecord> history) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (HistoryRecord record : history) {
      if (record.content().get(NOTICES) instanceof List<?> notices) {
        for (Object plain : notices) {
          Notice notice =
              plain instanceof Map<?, ?> m ? Notice.fromPlain((Map<String, Object>) m) : null;
          if (notice != null) {
            entries.putIfAbsent(notice.id(), new Entry(notice, false, "not sent", 0));
          }
        }
      }
      if (DELIVERY.equals(record.type())
          && record.content().get("deliveries") instanceof List<?> tries) {
        for (Object t : tries) {
          if (t instanceof Map<?, ?> m && entries.get(String.valueOf(m.get("notice"))) != null) {
            Entry before = entries.get(String.valueOf(m.get("notice")));
            boolean delivered = before.delivered() || Boolean.TRUE.equals(m.get("delivered"));
            int count = m.get("tries") instanceof Number n ? n.intValue() : 0;
            entries.put(
                before.notice().id(),
                new Entry(
                    before.notice(),
                    delivered,
                    String.valueOf(m.get("status")),
                    before.tries() + count));
          }
        }
      }
    }
    return new NoticeLedger(entries);
  }

  /** Every notice, in the order the changes happened. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The notices not delivered yet. */
  public List<Notice> pending() {
    List<Notice> out = new ArrayList<>();
    entries.values().stream().filter(e -> !e.delivered()).forEach(e -> out.add(e.notice()));
    return out;
  }

  /**
   * One line per notice of a change record, as {@code history} prints them: {@code notice <id> to
   * <application>: delivered (200, 1 try)} or {@code ...: pending (503, 3 tries)}.
   */
  public List<String> lines(String recordId) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (recordId.equals(e.notice().record())) {
        out.add("notice " + e.notice().id() + " to " + e.notice().application() + ": " + state(e));
      }
    }
    return out;
  }

  /**
   * A notice's state as a reader sees it: {@code delivered (200, 1 try)}, {@code pending (503, 3
   * tries)}.
   */
  public static String state(Entry e) {
    return (e.delivered() ? "delivered" : "pending")
        + " ("
        + e.lastStatus()
        + ", "
        + e.tries()
        + (e.tries() == 1 ? " try)" : " tries)");
  }

  /** Whether a notice is recorded as delivered. */
  public boolean delivered(String id) {
    Entry e = entries.get(id);
    return e != null && e.delivered();
  }

  /** The plain form of one try for a delivery record. */
  public static Map<String, Object> delivery(
      Notice notice, WebhookSender.Outcome outcome, String at) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("notice", notice.id());
    out.put("application", notice.application());
    out.put("record", notice.record());
    out.put("delivered", outcome.delivered());
    out.put("status", outcome.status());
    out.put("tries", outcome.tries());
    out.put("at", at);
    return out;
  }
}
