package io.apistage.notice;

import io.apistage.report.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change notice for one application about one change of a stage: stored in the stage's state
 * with the record of that change (its outbox), delivered afterwards to the application's webhook.
 * Its body is the same bytes on every try, so a signature over it and the {@code webhook-id} stay
 * the same.
 *
 * @param id the stable id, {@code webhook-id} and the body's {@code id}
 * @param application the application told
 * @param url the webhook URL, as the stage resolved it
 * @param secret the reference to the signing secret, {@code ${secret:NAME}}; never its value
 * @param change the change of the stage: the stage, its history record, the promotion applied or
 *     rolled back, and when it occurred (ISO-8601 UTC)
 * @param changes the changed Api majors the application uses
 * @since 0.2.0
 */
public record Notice(
    String id,
    String application,
    String url,
    String secret,
    NoticePlanner.StageChange change,
    List<NoticeChange> changes) {

  /** The body's {@code type}. */
  public static final String TYPE = "apistage.api.changed";

  public Notice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    changes = List.copyOf(changes);
  }

  /** The stage that changed. */
  public String stage() {
    return change.stage();
  }

  /** The id of the stage's history record of the change. */
  public String record() {
    return change.record();
  }

  /** The promotion applied or rolled back. */
  public String promotion() {
    return change.promotion();
  }

  /** When the stage changed, ISO-8601 UTC. */
  public String occurredAt() {
    return change.occurredAt();
  }

  /**
   * The JSON body sent to the receiver. {@code commit} is the stage commit that holds the change
   * (and this notice): it is known only once that commit exists, so it is not stored.
   */
  public String body(String commit) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", TYPE);
    out.put("id", id);
    out.put("application", application);
    out.put("stage", stage());
    out.put("promotion", promotion());
    out.put("commit", commit);
    out.put("occurredAt", occurredAt());
    out.put("changes", changesPlain());
    return Json.write(out).strip();
  }

  /** The notice as stored in the stage's history record. */
  public Map<String, Object> toPlain() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("application", application);
    out.put("url", url);
    out.put("secret", secret);
    out.put("stage", stage());
    out.put("record", record());
    out.put("promotion", promotion());
    out.put("occurredAt", occurredAt());
    out.put("changes", changesPlain());
    return out;
  }

  private List<Map<String, Object>> changesPlain() {
    return changes.stream().map(NoticeChange::toPlain).toList();
  }

  /** A notice read back from a history record; null when the plain form lacks an id or url. */
  @SuppressWarnings("unchecked")
  public static Notice fromPlain(Map<String, Object> plain) {
    if (!(plain.get("id") instanceof String id) || !(plain.get("url") instanceof String url)) {
      return null;
    }
    List<NoticeChange> changes = new ArrayList<>();
    for (Object c : (List<Object>) plain.getOrDefault("changes", List.of())) {
      if (c instanceof Map<?, ?> m) {
        changes.add(NoticeChange.fromPlain((Map<String, Object>) m));
      }
    }
    return new Notice(
        id,
        (String) plain.get("application"),
        url,
        (String) plain.get("secret"),
        new NoticePlanner.StageChange(
            (String) plain.get("stage"),
            (String) plain.get("record"),
            (String) plain.get("promotion"),
            (String) plain.get("occurredAt")),
        changes);
  }
}
