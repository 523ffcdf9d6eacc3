package io.apistage.lifecycle;

import io.apistage.problem.ApistageException;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Edits a YAML text in place, changing only the bytes of the values it is asked to change: a scalar
 * (keeping its quoting), a sequence item (flow or block), a whole single-line entry removed or
 * inserted. Every other byte, comments and line endings included, stays as it was. Positions come
 * from the nodes of {@link io.apistage.yaml.YamlParser} read from the same text; the extent of a
 * scalar is found from its start and checked against the text the parser read, so an edit that
 * cannot be made exactly (a block scalar, a value over several lines) is refused, never guessed.
 *
 * @since 0.1.0
 */
public final class YamlEdit {

  /** A value that may be written without quotes wherever it stands. */
  private static final Pattern PLAIN_SAFE =
      Pattern.compile("[A-Za-z][A-Za-z0-9@._-]*|\\d+\\.\\d+\\.\\d+");

  /** Plain words that YAML reads as something other than a string. */
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null");

  private final String file;
  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<Splice> splices = new ArrayList<>();

  /** One replacement of the chars {@code [start, end)}. */
  private record Splice(int start, int end, String text) {}

  /**
   * The extent of a scalar in the text and its style ({@code '"'}, {@code '\''} or 0 for plain).
   */
  private record Extent(int start, int end, char quote) {}

  /**
   * An editor of a text.
   *
   * @param file the file's path relative to the config root, for messages
   * @param text the text the nodes given to this editor were read from
   */
  public YamlEdit(String file, String text) {
    this.file = file;
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lineStarts.add(i + 1);
      }
    }
  }

  /** Replaces the scalar value of a key of a mapping, keeping its quoting. */
  public YamlEdit replaceValue(YMap map, String key, String value) throws ApistageException {
    if (!(map.get(key) instanceof YScalar scalar)) {
      throw refused(
          map.keyPosition(key).line(),
          map.keyPosition(key).column(),
          key + " is not a plain value");
    }
    Extent e = extent(scalar, isFlow(map));
    splices.add(new Splice(e.start(), e.end(), render(value, e.quote())));
    return this;
  }

  /** Replaces the scalar item at an index of a sequence, flow or block, keeping its quoting. */
  public YamlEdit replaceItem(YSeq seq, int index, String value) throws ApistageException {
    if (!(seq.get(index) instanceof YScalar scalar)) {
      throw refused(
          seq.get(index).line(), seq.get(index).column(), "the item is not a plain value");
    }
    Extent e = extent(scalar, isFlow(seq));
    splices.add(new Splice(e.start(), e.end(), render(value, e.quote())));
    return this;
  }

  /**
   * Removes a key of a block mapping with its whole line: the key and its one-line value, and a
   * comment at the end of that line.
   */
  public YamlEdit removeEntry(YMap map, String key) throws ApistageException {
    YMap.Entry entry = map.entries().get(key);
    int lineEnd = entryLineEnd(map, entry);
    int start = lineStarts.get(entry.keyLine() - 1);
    int end = nextLineStart(lineEnd);
    if (end == lineEnd && start > 0) {
      // the last line without a final line break: take the break before it instead
      start = start - (start >= 2 && text.startsWith("\r\n", start - 2) ? 2 : 1);
    }
    splices.add(new Splice(start, end, ""));
    return this;
  }

  /**
   * Inserts {@code key: value} as a new line below the entry of {@code after} in a block mapping,
   * at the same indentation and with the file's line break.
   */
  public YamlEdit insertAfter(YMap map, String after, String key, String value)
      throws ApistageException {
    YMap.Entry entry = map.entries().get(after);
    int lineEnd = entryLineEnd(map, entry);
    String indent = " ".repeat(entry.keyColumn() - 1);
    String line = indent + key + ": " + render(value, (char) 0);
    int at = nextLineStart(lineEnd);
    String inserted = at == lineEnd ? lineBreak() + line : line + lineBreak();
    splices.add(new Splice(at, at, inserted));
    return this;
  }

  /** The text with every edit applied. */
  public String result() throws ApistageException {
    List<Splice> sorted = new ArrayList<>(splices);
    sorted.sort(Comparator.comparingInt(Splice::start).reversed());
    StringBuilder out = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (Splice s : sorted) {
      if (s.end() > limit) {
        throw new ApistageException(file + ": two edits overlap; edit the file by hand");
      }
      out.replace(s.start(), s.end(), s.text());
      limit = s.start();
    }
    return out.toString();
  }

  /** The file's first line break, {@code \n} when it has none. */
  String lineBreak() {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return "\n";
      }
      if (text.charAt(i) == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }

  /** The char offset of a 1-based line and column (columns count code points, as the parser). */
  private int offset(int line, int column) {
    int start = lineStarts.get(line - 1);
    return text.offsetByCodePoints(start, column - 1);
  }

  /** Whether a collection is written in flow style ({@code [ ]} or {@code { }}). */
  private boolean isFlow(YNode collection) {
    int at = offset(collection.line(), collection.column());
    return at < text.length() && (text.charAt(at) == '[' || text.charAt(at) == '{');
  }

  /**
   * The end of the line of a one-line entry of a block mapping, after checking that the key starts
   * its line and its value ends on it (followed only by blanks or a comment).
   */
  private int entryLineEnd(YMap map, YMap.Entry entry) throws ApistageException {
    if (entry == null) {
      throw refused(map.line(), map.column(), "the mapping has no such key");
    }
    if (isFlow(map)) {
      throw refused(map.line(), map.column(), "the mapping is in flow style { }");
    }
    int lineStart = lineStarts.get(entry.keyLine() - 1);
    int keyAt = offset(entry.keyLine(), entry.keyColumn());
    if (!text.substring(lineStart, keyAt).isBlank()) {
      throw refused(entry.keyLine(), entry.keyColumn(), entry.key() + " does not start its line");
    }
    if (!(entry.value() instanceof YScalar scalar) || scalar.line() != entry.keyLine()) {
      throw refused(entry.keyLine(), entry.keyColumn(), entry.key() + " does not fit on one line");
    }
    Extent e = extent(scalar, false);
    int end = lineEnd(e.end());
    String rest = text.substring(e.end(), end).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      throw refused(entry.keyLine(), entry.keyColumn(), entry.key() + " does not fit on one line");
    }
    return end;
  }

  /** The offset of the line break (or end of text) at or after {@code from}. */
  private int lineEnd(int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The start of the line after the break at {@code lineEnd}, or {@code lineEnd} at the end. */
  private int nextLineStart(int lineEnd) {
    if (lineEnd >= text.length()) {
      return lineEnd;
    }
    return text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1;
  }

  /** Where a scalar's text is, checked against what the parser read there. */
  private Extent extent(YScalar scalar, boolean flow) throws ApistageException {
    int start = offset(scalar.line(), scalar.column());
    char c = start < text.length() ? text.charAt(start) : 0;
    Extent e;
    if (c == '"' || c == '\'') {
      e = new Extent(start, quotedEnd(start, c), c);
    } else if (c == '|' || c == '>') {
      throw refused(scalar.line(), scalar.column(), "the value is a block scalar (| or >)");
    } else {
      e = new Extent(start, plainEnd(start, flow), (char) 0);
    }
    if (!scalar.text().equals(decode(e))) {
      throw refused(scalar.line(), scalar.column(), "the value spans several lines");
    }
    return e;
  }

  private int quotedEnd(int start, char quote) throws ApistageException {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i += 2;
      } else if (c == quote
          && quote == '\''
          && i + 1 < text.length()
          && text.charAt(i + 1) == '\'') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new ApistageException(file + ": a quoted value has no closing quote");
  }

  private int plainEnd(int start, boolean flow) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || (flow && (c == ',' || c == ']' || c == '}'))) {
        break;
      }
      if (c == '#' && i > start && Character.isWhitespace(text.charAt(i - 1))) {
        break;
      }
      i++;
    }
    while (i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }

  /** The value a scalar's text stands for, for the common escapes. */
  private String decode(Extent e) {
    String raw = text.substring(e.start(), e.end());
    if (e.quote() == 0) {
      return raw;
    }
    String inner = raw.substring(1, raw.length() - 1);
    if (e.quote() == '\'') {
      return inner.replace("''", "'");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char n = inner.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value in the given quoting; a plain value that would not read back the same is quoted. */
  private static String render(String value, char quote) {
    if (quote == '\'') {
      return "'" + value.replace("'", "''") + "'";
    }
    if (quote == '"'
        || !PLAIN_SAFE.matcher(value).matches()
        || KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return value;
  }

  private ApistageException refused(int line, int column, String why) {
    return new ApistageException(
        file
            + ":"
            + line
            + ":"
            + column
            + ": cannot edit this value in place ("
            + why
            + "); make the change by hand");
  }
}
