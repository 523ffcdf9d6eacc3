package io.apistage.stage;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * One record of a stage's history (a promotion, a rollback: see {@link RecordType}), as the file
 * {@code .apistage/history/<NNNNNN>-<type>-<name>.json}. Its content is defined by the goal that
 * wrote it; this class reads it ({@link #parse}, the one parser of history files) and names it.
 *
 * @param number the record's number, counting from 1 on each stage
 * @param type what happened: a {@link RecordType#id()}, or the type of a record a later version
 *     wrote
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

  /** Whether the record is of a type. */
  public boolean is(RecordType recordType) {
    return type.equals(recordType.id());
  }

  /**
   * Parses one history file of a stage's branch. A file whose name is not {@code
   * <NNNNNN>-<type>-<name>.json} is ignored with a {@code stage-hand-change} warning; one that is
   * not JSON (at the line and column where it stops being JSON) or not a JSON object is a {@code
   * stage-state} error.
   *
   * @param file the file as problems name it, {@code <branch>:<path>}
   * @param fileName the file's name in the history folder
   * @param bytes its content
   * @param problems where the problems go
   * @return the record, or empty when the file is none
   */
  public static Optional<HistoryRecord> parse(
      String file, String fileName, byte[] bytes, List<Problem> problems) {
    Matcher m = FILE.matcher(fileName);
    if (!m.matches()) {
      problems.add(
          Problem.warning(
              file,
              Position.FILE,
              "",
              RuleId.STAGE_HAND_CHANGE,
              "ignored: a history record is named <NNNNNN>-<type>-<name>.json"));
      return Optional.empty();
    }
    Object content;
    try {
      content = Json.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(
          Problem.error(
              file,
              positionOf(e),
              "",
              RuleId.STAGE_STATE,
              "the history record does not parse: " + e.getMessage()));
      return Optional.empty();
    }
    if (!(content instanceof Map<?, ?> map)) {
      problems.add(
          Problem.error(
              file,
              Position.FILE,
              "",
              RuleId.STAGE_STATE,
              "a history record must be a JSON object"));
      return Optional.empty();
    }
    // a promotion of thousands of assets has a report line each: held as compact maps
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) PlainMap.compact(map);
    return Optional.of(
        new HistoryRecord(Integer.parseInt(m.group(1)), m.group(2), m.group(3), object));
  }

  /** Where the JSON parser stopped, when it says. */
  private static Position positionOf(IOException e) {
    if (e.getCause() instanceof JacksonException json) {
      TokenStreamLocation at = json.getLocation();
      if (at != null && at.getLineNr() > 0 && at.getColumnNr() > 0) {
        return new Position(at.getLineNr(), at.getColumnNr());
      }
    }
    return Position.FILE;
  }
}
