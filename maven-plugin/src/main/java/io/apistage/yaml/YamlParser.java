package io.apistage.yaml;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
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
import org.snakeyaml.engine.v2.nodes.Node;

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
  // what the common shape is read with: the same, or the same without positions
  private final LoadSettings plainSettings;
  private final EventBuilder.Skipped skipped;

  /** A parser with the default limits. */
  public YamlParser() {
    this(MAX_FILE_BYTES);
  }

  /** A parser with another file size limit. */
  public YamlParser(long maxFileBytes) {
    this(maxFileBytes, true, Set.of());
  }

  private YamlParser(long maxFileBytes, boolean positions, Set<String> skipped) {
    this.maxFileBytes = maxFileBytes;
    this.settings = settings(maxFileBytes, true);
    this.plainSettings = positions ? settings : settings(maxFileBytes, false);
    this.skipped = EventBuilder.Skipped.of(skipped);
  }

  /**
   * A parser whose trees of the common shape carry no positions (every node at line 1, column 1),
   * which saves the scanner a tenth of its work; problems still have their positions, because a
   * document that is not of the common shape is read the general way. For reads that find a
   * position again only when one is asked for (a deploy's running files).
   */
  public static YamlParser withoutPositions() {
    return withoutPositions(Set.of());
  }

  /**
   * The same, leaving out of the tree the fields at {@code skipped} (<code>
   * /endpoints/&#42;/responses
   * </code>; {@code *} is any item of a sequence), which the reader never looks at: their text is
   * still scanned, so a syntax error there is still a problem, but a duplicate key inside them is
   * not looked for.
   */
  public static YamlParser withoutPositions(Set<String> skipped) {
    return new YamlParser(MAX_FILE_BYTES, false, skipped);
  }

  private static LoadSettings settings(long maxFileBytes, boolean marks) {
    return LoadSettings.builder()
        .setLabel("yaml")
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(100)
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes))
        .setUseMarks(marks)
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
      text = TextChecks.decode(bytes);
    } catch (TextChecks.BadInput e) {
      return failed(name, e.position, e.getMessage());
    }
    return parse(text, name);
  }

  /** Reads a document from text; {@code name} is its path relative to the config root. */
  public ParsedFile parse(String text, String name) {
    Position control = TextChecks.firstControlCharacter(text);
    if (control != null) {
      return failed(
          name,
          control,
          "the file holds a control character that YAML does not allow; is it a binary file?");
    }
    YMap plain = plain(text);
    return plain != null ? new ParsedFile(name, plain, List.of()) : compose(text, name);
  }

  /**
   * The document read straight from the parser's events when it has the common shape (a single
   * mapping without anchors, aliases, tags or duplicate keys, within the limits), else null.
   */
  YMap plain(String text) {
    try {
      return new EventBuilder(strings, plainSettings.getSchema().getScalarResolver(), skipped)
          .build(new Parse(plainSettings).parseString(text).iterator());
    } catch (YamlEngineException e) {
      return null; // the general way says what is wrong
    }
  }

  /**
   * Reads a document through snakeyaml's composer and {@link NodeConverter}: every document the
   * {@link EventBuilder} does not take (anchors, tags, several documents, errors of any kind).
   */
  ParsedFile compose(String text, String name) {
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
      NodeConverter converter = new NodeConverter(name, strings);
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
    } catch (NodeConverter.ExpansionLimit e) {
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
    if (!TextChecks.mayNestDeeply(text)) {
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
}
