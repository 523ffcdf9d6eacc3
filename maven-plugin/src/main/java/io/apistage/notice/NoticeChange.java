package io.apistage.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Api major that changed on a stage, as a notice tells it: its versions before and after, the
 * bump between them, the counts of modified, added and removed fields, and the classified findings
 * of check-versions' comparator.
 *
 * @param api the Api major, e.g. {@code orders@1}
 * @param fromVersion the version the stage ran before, or null when the major is new on the stage
 * @param toVersion the version the stage runs now, or null when the major was removed
 * @param bump {@code none|patch|minor|major}: a new major counts as {@code minor} (nothing a
 *     consumer used changed), a removed one as {@code major}
 * @param summary how many fields changed, are new and are gone
 * @param findings the findings, each {@code {rule, bump, field, message}}
 * @since 0.2.0
 */
public record NoticeChange(
    String api,
    String fromVersion,
    String toVersion,
    String bump,
    Summary summary,
    List<Map<String, Object>> findings) {

  public NoticeChange {
    Objects.requireNonNull(summary, "summary");
    findings = List.copyOf(findings);
  }

  /**
   * The size of a change, as a notice's {@code summary} tells it.
   *
   * @param modified how many fields changed
   * @param added how many fields and items are new
   * @param removed how many fields and items are gone
   */
  public record Summary(int modified, int added, int removed) {}

  /** The change as it appears in a notice body (and in the stage's outbox). */
  public Map<String, Object> toPlain() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("modified", summary.modified());
    counts.put("added", summary.added());
    counts.put("removed", summary.removed());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("api", api);
    out.put("fromVersion", fromVersion);
    out.put("toVersion", toVersion);
    out.put("bump", bump);
    out.put("summary", counts);
    out.put("findings", findings);
    return out;
  }

  /** The change read back from its plain form. */
  @SuppressWarnings("unchecked")
  static NoticeChange fromPlain(Map<String, Object> plain) {
    Map<String, Object> summary = (Map<String, Object>) plain.getOrDefault("summary", Map.of());
    return new NoticeChange(
        (String) plain.get("api"),
        (String) plain.get("fromVersion"),
        (String) plain.get("toVersion"),
        (String) plain.get("bump"),
        new Summary(
            count(summary.get("modified")),
            count(summary.get("added")),
            count(summary.get("removed"))),
        (List<Map<String, Object>>) plain.getOrDefault("findings", List.of()));
  }

  private static int count(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
