package io.apistage.yaml;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML document per file with snakeyaml-engine's composer, so every value keeps its
 * position, and turns every way a file can be unreadable into a {@link Problem} at its position:
 * syntax errors, duplicate keys, several documents, bytes that are not UTF-8, control characters,
 * files over the size limit, alias bombs and nesting too deep. It never throws for a user's file.
 *
 * @since 0.1.0
 */
public final class YamlParser {

  /** Largest file read, in bytes. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  /** Deepest nesting of mappings and sequences accepted. */
  public static final int MAX_DEPTH = 64;

  /**
   * Largest number of nodes a document may expand to once aliases are followed; guards against
   * "billion laughs" documents that are small on disk and huge in memory.
   */
  public static final long MAX_EXPANDED_NODES = 500_000;

  private final long maxFileBytes;
  private final StringCache strings = new StringCache(15);
  // built once: building settings costs as much as parsing a small file; problems name the file
  private final LoadSettings settings;

  /** A parser with the default limits. */
  public YamlParser() {
    this(MAX_FILE_BYTES);
  }

  /** A parser with another file size limit. */
  public YamlParser(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
    this.settings =
        LoadSettings.builder()
            .setLabel("yaml")
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(100)
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes))
            .setUseMarks(true)
            .setSchema(FastResolver.coreSchema())
            .build();
  }

  /** The largest file this parser reads, in bytes. */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** The result for a file over the size limit, without reading it. */
  public ParsedFile oversized(String name, long size) {
    return failed(name, Position.FILE, tooLarge(size));
  }

  /** Reads a file from disk; {@code name} is its path relative to the config root. */
  public ParsedFile parse(Path path, String name) {
    try {
      long size = Files.size(path);
      if (size > maxFileBytes) {
        return failed(name, Position.FILE, tooLarge(size));
      }
      return parse(Files.readAllBytes(path), name);
    } catch (IOException e) {
      return failed(name, Position.FILE, "cannot read the file: " + e.getMessage());
    }
  }

  /** Reads a file's bytes; {@code name} is its path relative to the config root. */
  public ParsedFile parse(byte[] bytes, String name) {
    if (bytes.length > maxFileBytes) {
      return failed(name, Position.FILE, tooLarge(bytes.length));
    }
    String text;
    try {
      text = decode(bytes, name);
    } catch (BadInput e) {
      return failed(name, e.position, e.getMessage());
    }
    return parse(text, name);
  }

  /** Reads a document from text; {@code name} is its path relative to the config root. */
  public ParsedFile parse(String text, String name) {
    Position control = firstControlCharacter(text);
    if (control != null) {
      return failed(
          name,
          control,
          "the file holds a control character that YAML does not allow; is it a binary file?");
    }
    try {
      Position deep = tooDeep(text, settings);
      if (deep != null) {
        return failed(
            name, deep, "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
      }
      Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
      if (!documents.hasNext()) {
        return failed(name, Position.FILE, "the file is empty; it must hold one YAML document");
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        return failed(
            name,
            position(second.getStartMark()),
            "the file holds more than one YAML document; keep one document per file");
      }
      Converter converter = new Converter(name, strings);
      YNode node = converter.convert(root, 0);
      if (!converter.problems.isEmpty()) {
        return new ParsedFile(name, null, converter.problems);
      }
      if (node instanceof YScalar s && s.value() == null) {
        return failed(name, Position.FILE, "the file is empty; it must hold one YAML document");
      }
      return new ParsedFile(name, node, List.of());
    } catch (MarkedYamlEngineException e) {
      Position at = position(e.getProblemMark().or(e::getContextMark));
      return failed(name, at, describe(e) + referenceHint(text, at));
    } catch (YamlEngineException e) {
      return failed(name, Position.FILE, "not valid YAML: " + firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      return failed(
          name,
          Position.FILE,
          "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
    } catch (ExpansionLimit e) {
      return failed(name, e.position, e.getMessage());
    }
  }

  /**
   * The position of the first collection nested deeper than {@link #MAX_DEPTH}, or null. The
   * composer recurses once per level, so a document of thousands of levels ({@code [[[[...}) would
   * overflow the stack before the converter's own depth check; the parser's event stream is flat,
   * so counting depth there is safe. It runs only when the text could nest that deeply at all.
   */
  private static Position tooDeep(String text, LoadSettings settings) {
    if (!mayNestDeeply(text)) {
      return null;
    }
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      if (event instanceof CollectionStartEvent) {
        depth++;
        if (depth > MAX_DEPTH) {
          return position(event.getStartMark());
        }
      } else if (event instanceof CollectionEndEvent) {
        depth--;
      }
    }
    return null;
  }

  /**
   * Cheap upper bound: deep nesting needs deeply nested brackets, deep indentation or many "- " on
   * one line. Quotes are not tracked: a closing bracket inside a string can only hide depth, and
   * then the stack-overflow guard below still answers with a problem.
   */
  private static boolean mayNestDeeply(String text) {
    int brackets = 0;
    int indent = 0;
    int dashes = 0;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStart = true;
        indent = 0;
        dashes = 0;
        continue;
      }
      if (c == '[' || c == '{') {
        brackets++;
      } else if ((c == ']' || c == '}') && brackets > 0) {
        brackets--;
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
        dashes++;
      }
      if (lineStart && c == ' ') {
        indent++;
      } else {
        lineStart = false;
      }
      if (brackets > MAX_DEPTH || indent > MAX_DEPTH || dashes > MAX_DEPTH / 4) {
        return true;
      }
    }
    return false;
  }

  /**
   * Inside {@code { }} or {@code [ ]} an unquoted {@code ${secret:NAME}} opens a mapping, which the
   * parser reports in its own words; say what to do instead.
   */
  private static String referenceHint(String text, Position at) {
    int start = 0;
    for (int line = 1; line < at.line() && start >= 0; line++) {
      start = text.indexOf('\n', start) + 1;
      if (start == 0) {
        return "";
      }
    }
    int end = text.indexOf('\n', start);
    String line = text.substring(start, end < 0 ? text.length() : end);
    int brace = at.column() - 1;
    if (brace > 0
        && brace < line.length()
        && line.charAt(brace) == '{'
        && line.charAt(brace - 1) == '$') {
      return "; inside { } or [ ] quote a reference: \"${...}\"";
    }
    return "";
  }

  private String tooLarge(long size) {
    return "the file has "
        + size
        + " bytes, more than the limit of "
        + maxFileBytes
        + "; split it or remove what is not configuration";
  }

  private static ParsedFile failed(String name, Position at, String message) {
    return new ParsedFile(name, null, List.of(Problem.error(name, at, "", RuleId.YAML, message)));
  }

  private static String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    String text = problem == null ? firstLine(e.getMessage()) : problem;
    if (text.contains("found duplicate key")) {
      return text.replace("found duplicate key", "duplicate key")
          + "; each key may appear once in a mapping";
    }
    if (context != null && !context.isBlank() && !text.contains(context)) {
      text = context + ": " + text;
    }
    return "not valid YAML: " + text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static Position position(Optional<Mark> mark) {
    return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(Position.FILE);
  }

  private static String decode(byte[] bytes, String name) throws BadInput {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
      return chars.toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      throw new BadInput(
          positionOfByte(bytes, start, bad),
          "the file is not UTF-8 (invalid byte 0x"
              + String.format("%02X", bytes[bad] & 0xFF)
              + "); save it as UTF-8");
    }
  }

  /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int extra;
      if (b < 0x80) {
        extra = 0;
      } else if (b >= 0xC2 && b <= 0xDF) {
        extra = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        extra = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        extra = 3;
      } else {
        return i;
      }
      if (i + extra >= bytes.length + (extra == 0 ? 1 : 0) && extra > 0) {
        return i;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += extra + 1;
    }
    return Math.max(start, bytes.length - 1);
  }

  private static Position positionOfByte(byte[] bytes, int start, int offset) {
    int line = 1;
    int column = 1;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new Position(line, column);
  }

  private static Position firstControlCharacter(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
        return new Position(line, column);
      }
      column++;
    }
    return null;
  }

  /** Turns composed nodes into {@link YNode}s, sharing aliased subtrees and bounding expansion. */
  private static final class Converter {
    /** Mappings up to this size find duplicate keys by looking through the keys so far. */
    private static final int SMALL_MAPPING = 8;

    private final String name;
    private final StringCache strings;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Node, YNode> converted = new IdentityHashMap<>();
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private long expanded;

    Converter(String name, StringCache strings) {
      this.name = name;
      this.strings = strings;
    }

    YNode convert(Node node, int depth) {
      // only a node with an anchor can be met again (through an alias): remember just those
      boolean anchored = node.getAnchor().isPresent();
      if (anchored) {
        YNode done = converted.get(node);
        if (done != null) {
          count(sizes.get(node), node);
          return done;
        }
      }
      if (anchored && inProgress.containsKey(node)) {
        throw new ExpansionLimit(
            YamlParser.position(node.getStartMark()),
            "a value contains itself through an alias (&anchor ... *anchor inside it); write it"
                + " out without the loop");
      }
      if (depth > MAX_DEPTH) {
        throw new ExpansionLimit(
            YamlParser.position(node.getStartMark()),
            "the document nests too deeply (more than " + MAX_DEPTH + " levels)");
      }
      long before = expanded;
      if (anchored) {
        inProgress.put(node, Boolean.TRUE);
      }
      Position at = YamlParser.position(node.getStartMark());
      YNode result;
      if (node instanceof ScalarNode scalar) {
        count(1, node);
        String text = strings.share(scalar.getValue());
        result = new YScalar(resolve(scalar, text), text, at.line(), at.column());
      } else if (node instanceof SequenceNode seq) {
        count(1, node);
        List<YNode> items = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        result = new YSeq(items, at.line(), at.column());
      } else {
        count(1, node);
        MappingNode mapping = (MappingNode) node;
        List<NodeTuple> tuples = mapping.getValue();
        // built straight into the array YMap keeps: a large config has millions of entries
        YMap.Entry[] entries = new YMap.Entry[tuples.size()];
        // the hashes of the keys so far: comparing them needs no visit to each key's String
        int[] hashes = new int[tuples.size()];
        Set<String> seen = tuples.size() > SMALL_MAPPING ? new HashSet<>() : null;
        int count = 0;
        for (NodeTuple tuple : tuples) {
          Node keyNode = tuple.getKeyNode();
          Position keyAt = YamlParser.position(keyNode.getStartMark());
          if (!(keyNode instanceof ScalarNode keyScalar)) {
            problems.add(
                Problem.error(
                    name,
                    keyAt,
                    "",
                    RuleId.YAML,
                    "a mapping key must be a plain value, not a structure"));
            continue;
          }
          String key = strings.share(keyScalar.getValue());
          int hash = key.hashCode();
          if (seen != null ? !seen.add(key) : contains(entries, hashes, count, key, hash)) {
            problems.add(
                Problem.error(
                    name,
                    keyAt,
                    "",
                    RuleId.YAML,
                    "duplicate key '" + key + "'; each key may appear once in a mapping"));
            continue;
          }
          YNode value = convert(tuple.getValueNode(), depth + 1);
          hashes[count] = hash;
          entries[count++] = new YMap.Entry(key, keyAt.line(), keyAt.column(), value);
        }
        result = new YMap(EntryMap.of(entries, count), at.line(), at.column());
      }
      if (anchored) {
        inProgress.remove(node);
        converted.put(node, result);
        sizes.put(node, expanded - before);
      }
      return result;
    }

    private static boolean contains(
        YMap.Entry[] entries, int[] hashes, int count, String key, int hash) {
      for (int i = 0; i < count; i++) {
        if (hashes[i] == hash && entries[i].key().equals(key)) {
          return true;
        }
      }
      return false;
    }

    private void count(long nodes, Node at) {
      expanded += nodes;
      if (expanded > MAX_EXPANDED_NODES) {
        throw new ExpansionLimit(
            YamlParser.position(at.getStartMark()),
            "the document expands to more than "
                + MAX_EXPANDED_NODES
                + " values through its aliases (an alias bomb?); write the values out or use fewer aliases");
      }
    }

    private static Object resolve(ScalarNode scalar, String text) {
      Tag tag = scalar.getTag();
      if (!scalar.isPlain() || Tag.STR.equals(tag)) {
        return text;
      }
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        return Boolean.valueOf(text); // true when it is "true" in any case
      }
      if (Tag.INT.equals(tag)) {
        return parseInt(text);
      }
      if (Tag.FLOAT.equals(tag)) {
        return parseFloat(text);
      }
      return text;
    }

    private static Object parseInt(String text) {
      if (isShortDecimal(text)) {
        return Long.parseLong(text); // the common case, without the general path's copies
      }
      try {
        String t = text.replace("_", "");
        int sign = 1;
        if (t.startsWith("-")) {
          sign = -1;
          t = t.substring(1);
        } else if (t.startsWith("+")) {
          t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0x")) {
          value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
          value = new BigInteger(t.substring(2), 8);
        } else {
          value = new BigInteger(t);
        }
        value = sign < 0 ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
      } catch (NumberFormatException e) {
        return text;
      }
    }

    /** An optional '-' and 1 to 18 digits: fits a long, means the same in every YAML base. */
    private static boolean isShortDecimal(String text) {
      int start = text.startsWith("-") ? 1 : 0;
      int digits = text.length() - start;
      if (digits < 1 || digits > 18) {
        return false;
      }
      for (int i = start; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }

    private static Object parseFloat(String text) {
      String t = text.toLowerCase(Locale.ROOT);
      switch (t) {
        case ".inf", "+.inf":
          return Double.POSITIVE_INFINITY;
        case "-.inf":
          return Double.NEGATIVE_INFINITY;
        case ".nan":
          return Double.NaN;
        default:
          try {
            return Double.parseDouble(t);
          } catch (NumberFormatException e) {
            return text;
          }
      }
    }
  }

  private static final class BadInput extends Exception {
    private final Position position;

    BadInput(Position position, String message) {
      super(message);
      this.position = position;
    }
  }

  private static final class ExpansionLimit extends RuntimeException {
    private final Position position;

    ExpansionLimit(Position position, String message) {
      super(message, null, false, false);
      this.position = position;
    }
  }
}
