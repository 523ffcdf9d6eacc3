package io.apistage.stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One promotion or rollback recorded in a stage's state, as the file {@code
 * .apistage/history/<NNNNNN>-<type>-<name>.json}. Its content is defined by the goal that wrote it;
 * this class only reads and writes it.
 *
 * @param number the record's number, counting from 1 on each stage
 * @param type what happened, e.g. {@code promotion} or {@code rollback}
 * @param name what it concerns, e.g. the promotion's name
 * @param content the record's JSON content as plain maps, lists and values
 * @since 0.1.0
 */
public record HistoryRecord(int number, String type, String name, Map<String, Object> content) {

  private static final Pattern FILE = Pattern.compile("(\\d{6})-([a-z]+)-(.+)\\.json");

  public HistoryRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (!type.matches("[a-z]+")) {
      throw new IllegalArgumentException("a record type is lower-case letters: " + type);
    }
    content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
  }

  /**
   * The record's id, its file name without {@code .json}: {@code 000003-promotion-orders-to-qa}.
   */
  public String id() {
    return String.format(Locale.ROOT, "%06d", number) + "-" + type + "-" + name;
  }

  /** The record's path in the stage's tree. */
  public String path() {
    return StageLayout.HISTORY + id() + ".json";
  }

  /** The number, type and name a history file's name stands for, or empty when it is none. */
  static Optional<HistoryRecord> named(String fileName, Map<String, Object> content) {
    Matcher m = FILE.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new HistoryRecord(Integer.parseInt(m.group(1)), m.group(2), m.group(3), content));
  }
}
