package io.apistage.promotion;

import io.apistage.git.Identity;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.PlainMap;
import io.apistage.stage.RecordType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
public final class HistoryContent {

  private HistoryContent() {}

  /** The content of a record of a type and name on a stage, made by {@code who}. */
  static Builder content(RecordType type, String name, String stage, Identity who) {
    return new Builder(type.id(), name, stage, who);
  }

  /** The fields of a record, written in the documented order by {@link #toMap()}. */
  static final class Builder {
    private final String type;
    private final String name;
    private final String stage;
    private final Identity who;
    private PromotionSpec spec;
    private String sourceCommit;
    private String source;
    private String sourceStageCommit;
    private String base;
    private String undoes;
    private List<AssetReport> reports = List.of();
    private List<String> touched = List.of();

    private Builder(String type, String name, String stage, Identity who) {
      this.type = type;
      this.name = name;
      this.stage = stage;
      this.who = who;
    }

    /** The promotion file applied: its description, file, hash, source and targets. */
    Builder spec(PromotionSpec value) {
      this.spec = value;
      return this;
    }

    /**
     * Where the run took the assets from: the main branch commit, the source ({@code main} or a
     * stage) and the source stage's commit, or null.
     */
    Builder source(String mainCommit, String label, String stageCommit) {
      this.sourceCommit = mainCommit;
      this.source = label;
      this.sourceStageCommit = stageCommit;
      return this;
    }

    /** The stage commit the record is applied on, empty for a stage's first. */
    Builder base(Optional<String> commit) {
      this.base = commit.orElse(null);
      return this;
    }

    /** The per-asset report and the keys that changed. */
    Builder changes(List<AssetReport> assetReports, List<String> keys) {
      this.reports = List.copyOf(assetReports);
      this.touched = List.copyOf(keys);
      return this;
    }

    /** The id of the record a rollback undoes. */
    Builder undoes(String recordId) {
      this.undoes = recordId;
      return this;
    }

    /** The content as plain JSON values, in the order of the class comment. */
    Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", type);
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
      out.put("when", who.when().truncatedTo(ChronoUnit.SECONDS).toString());
      out.put("sourceCommit", sourceCommit);
      out.put("source", source);
      out.put("sourceStageCommit", sourceStageCommit);
      out.put("base", base);
      out.put("status", PromotionOutcome.Status.SUCCESS.label());
      if (undoes != null) {
        out.put("undoes", undoes);
      }
      List<Map<String, Object>> assets = new ArrayList<>();
      // one line per asset, thousands for a large promotion: held as compact read-only maps
      reports.forEach(r -> assets.add(compact(r.toMap())));
      out.put("assets", assets);
      out.put("touched", touched);
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compact(Map<String, Object> map) {
    return (Map<String, Object>) PlainMap.compact(map);
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
          && PromotionOutcome.Status.SUCCESS.label().equals(text(record, "status"))) {
        return true;
      }
    }
    return false;
  }
}
