package io.apistage.promotion;

import io.apistage.git.Identity;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of the history records that promotions and rollbacks leave in a stage's state ({@code
 * .apistage/history/<NNNNNN>-<type>-<name>.json}), and how to read it back.
 *
 * <p>Fields: {@code type} (promotion | rollback), {@code name}, {@code description}, {@code hash}
 * (SHA-256 of the promotion file), {@code from}, {@code targets}, {@code stage}, {@code who}
 * ({@code name}, {@code email}), {@code when} (UTC, ISO-8601), {@code sourceCommit} (the main
 * branch commit the run applied from), {@code source} ({@code main} or the source stage) and {@code
 * sourceStageCommit}, {@code base} (the stage commit it was applied on, null for the first), {@code
 * status}, {@code assets} (the per-asset report), {@code touched} (the keys that changed), and for
 * a rollback {@code undoes} (the id of the record it undid).
 *
 * @since 0.1.0
 */
public final class Records {

  private Records() {}

  /** The content of a record. */
  static Map<String, Object> content(
      RecordType type,
      String name,
      PromotionSpec spec,
      String stage,
      Identity who,
      String sourceCommit,
      String source,
      String sourceStageCommit,
      Optional<String> base,
      List<AssetReport> reports,
      List<String> touched,
      String undoes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", type.id());
    out.put("name", name);
    if (spec != null) {
      out.put("description", spec.description());
      out.put("file", spec.file());
      out.put("hash", spec.hash());
      out.put("from", spec.from());
      out.put("targets", spec.to());
    }
    out.put("stage", stage);
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", who.name());
    person.put("email", who.email());
    out.put("who", person);
    out.put("when", who.when().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    out.put("sourceCommit", sourceCommit);
    out.put("source", source);
    out.put("sourceStageCommit", sourceStageCommit);
    out.put("base", base.orElse(null));
    out.put("status", "success");
    if (undoes != null) {
      out.put("undoes", undoes);
    }
    List<Map<String, Object>> assets = new ArrayList<>();
    reports.forEach(r -> assets.add(r.toMap()));
    out.put("assets", assets);
    out.put("touched", List.copyOf(touched));
    return out;
  }

  /** A text field of a record, or null. */
  static String text(HistoryRecord record, String field) {
    Object value = record.content().get(field);
    return value == null ? null : String.valueOf(value);
  }

  /** The per-asset report of a record. */
  static List<AssetReport> reports(HistoryRecord record) {
    List<AssetReport> out = new ArrayList<>();
    if (record.content().get("assets") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          try {
            out.add(AssetReport.fromMap(map));
          } catch (IllegalArgumentException e) {
            // a record written by a later version may know more statuses; show what we can read
          }
        }
      }
    }
    return out;
  }

  /** The keys a record's promotion or rollback changed. */
  static List<String> touched(HistoryRecord record) {
    List<String> out = new ArrayList<>();
    if (record.content().get("touched") instanceof List<?> list) {
      list.forEach(k -> out.add(String.valueOf(k)));
    }
    return out;
  }

  /** Who made a record, as "name" or "name <email>". */
  static String who(HistoryRecord record) {
    if (record.content().get("who") instanceof Map<?, ?> who) {
      Object name = who.get("name");
      Object email = who.get("email");
      return email == null || String.valueOf(email).isEmpty()
          ? String.valueOf(name)
          : name + " <" + email + ">";
    }
    return "unknown";
  }

  /** When a record was made, or null. */
  static Instant when(HistoryRecord record) {
    String when = text(record, "when");
    return when == null ? null : Instant.parse(when);
  }

  /** Whether a successful record of this promotion name and content exists on the stage. */
  static boolean applied(List<HistoryRecord> history, String name, String hash) {
    for (HistoryRecord record : history) {
      if (record.is(RecordType.PROMOTION)
          && name.equals(text(record, "name"))
          && hash.equals(text(record, "hash"))
          && "success".equals(text(record, "status"))) {
        return true;
      }
    }
    return false;
  }
}
