package io.apistage.stage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record a stage's history holds, each a file {@code
 * .apistage/history/<NNNNNN>-<type>-<name>.json} (see {@link HistoryRecord}). A feature that leaves
 * a new kind of record on a stage adds its constant here; the reader keeps records of a type it
 * does not know (a later version may have written them) and carries them to the next commit
 * unchanged.
 *
 * @since 0.1.0
 */
public enum RecordType {

  /** A promotion applied to the stage (see docs/promotion.md). */
  PROMOTION("promotion"),

  /** A rollback that undid one promotion (see docs/promotion.md). */
  ROLLBACK("rollback"),

  /** The tries of one run to deliver change notices to webhooks (see docs/notices.md). */
  DELIVERY("delivery");

  private final String id;

  RecordType(String id) {
    this.id = id;
  }

  /** The type as it appears in a record's file name and its {@code type} field. */
  public String id() {
    return id;
  }

  /** The type with an id, or empty when this version does not know it. */
  public static Optional<RecordType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
