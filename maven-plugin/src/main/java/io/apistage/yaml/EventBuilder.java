package io.apistage.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds the {@link YNode} tree of a plain document straight from the parser's events, without
 * snakeyaml's node graph in between: the composer and {@link NodeConverter} allocate a second tree
 * of every value, which was a large part of reading a big config root. It takes only the common
 * shape, one document whose root is a mapping, without anchors, aliases, tags, merge keys,
 * duplicate or structured keys, within the depth and size limits; for anything else {@link #build}
 * answers null and {@link YamlParser} reads the text the general way, which says what is wrong in
 * the same words as before. So every document reads into the same tree, or the same problems, as
 * the composer and converter give ({@code EventBuilderTest} compares them).
 */
final class EventBuilder {

  /** Mappings up to this size find duplicate keys by looking through the keys so far. */
  private static final int SMALL_MAPPING = 8;

  private final StringCache strings;
  private final ScalarResolver resolver;
  private final Skipped skipped;
  private long nodes;

  EventBuilder(StringCache strings, ScalarResolver resolver) {
    this(strings, resolver, Skipped.NONE);
  }

  EventBuilder(StringCache strings, ScalarResolver resolver, Skipped skipped) {
    this.strings = strings;
    this.resolver = resolver;
    this.skipped = skipped;
  }

  /**
   * Fields whose values a reader never looks at, by path (<code>/endpoints/&#42;/responses</code>,
   * {@code *} for any item of a sequence): they are left out of the tree, their events read and
   * dropped.
   */
  record Skipped(Set<String> paths, Set<String> names) {
    static final Skipped NONE = new Skipped(Set.of(), Set.of());

    static Skipped of(Set<String> paths) {
      Set<String> names = new HashSet<>();
      paths.forEach(p -> names.add(p.substring(p.lastIndexOf('/') + 1)));
      return new Skipped(Set.copyOf(paths), Set.copyOf(names));
    }

    /** Whether the value of {@code key} in the innermost of {@code stack} is left out. */
    boolean skips(List<Frame> stack, String key) {
      if (!names.contains(key)) {
        return false;
      }
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < stack.size() - 1; i++) {
        Frame frame = stack.get(i);
        path.append('/').append(frame.mapping ? frame.key : "*");
      }
      return paths.contains(path.append('/').append(key).toString());
    }
  }

  /** A mapping or sequence being filled. */
  private static final class Frame {
    final int line;
    final int column;
    final boolean mapping;
    final List<YNode> items;
    YMap.Entry[] entries;
    int[] hashes;
    Set<String> seen;
    int count;
    String key;
    int keyLine;
    int keyColumn;

    Frame(int line, int column, boolean mapping) {
      this.line = line;
      this.column = column;
      this.mapping = mapping;
      this.items = mapping ? null : new ArrayList<>();
      if (mapping) {
        entries = new YMap.Entry[8];
        hashes = new int[8];
      }
    }
  }

  /**
   * The document's root mapping, or null when the events are not of the common shape (the caller
   * then reads the text the general way). Exceptions of the parser pass through.
   */
  YMap build(Iterator<Event> events) {
    if (!next(events, Event.ID.StreamStart) || !next(events, Event.ID.DocumentStart)) {
      return null;
    }
    List<Frame> stack = new ArrayList<>();
    YNode root = null;
    while (root == null) {
      Event event = events.next();
      YNode done;
      switch (event.getEventId()) {
        case Scalar -> {
          ScalarEvent scalar = (ScalarEvent) event;
          if (scalar.getAnchor().isPresent() || scalar.getTag().isPresent()) {
            return null;
          }
          Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
          if (top != null && top.mapping && top.key == null) {
            if (!key(top, scalar)) {
              return null;
            }
            if (skipped.skips(stack, top.key)) {
              if (!skipValue(events, stack.size())) {
                return null;
              }
              top.key = null;
            }
            continue;
          }
          if (++nodes > YamlParser.MAX_EXPANDED_NODES) {
            return null;
          }
          done = scalar(scalar);
        }
        case MappingStart, SequenceStart -> {
          CollectionStartEvent start = (CollectionStartEvent) event;
          if (!plain(start)
              || stack.size() >= YamlParser.MAX_DEPTH
              || keyExpected(stack)
              || ++nodes > YamlParser.MAX_EXPANDED_NODES) {
            return null;
          }
          stack.add(
              new Frame(line(start), column(start), event.getEventId() == Event.ID.MappingStart));
          continue;
        }
        case MappingEnd, SequenceEnd -> done = close(stack.remove(stack.size() - 1));
        default -> {
          return null; // aliases, comments, anything unexpected
        }
      }
      if (stack.isEmpty()) {
        root = done;
      } else {
        add(stack.get(stack.size() - 1), done);
      }
    }
    boolean single = next(events, Event.ID.DocumentEnd) && next(events, Event.ID.StreamEnd);
    return single && root instanceof YMap map ? map : null;
  }

  /**
   * Reads and drops the value of a left-out field; false when it holds what the common shape does
   * not take (anchors, aliases, tags, nesting too deep), so the document is read the general way.
   */
  private static boolean skipValue(Iterator<Event> events, int depth) {
    int open = 0;
    do {
      Event event = events.next();
      switch (event.getEventId()) {
        case Scalar -> {
          ScalarEvent scalar = (ScalarEvent) event;
          if (scalar.getAnchor().isPresent() || scalar.getTag().isPresent()) {
            return false;
          }
        }
        case MappingStart, SequenceStart -> {
          if (!plain((CollectionStartEvent) event) || depth + ++open > YamlParser.MAX_DEPTH) {
            return false;
          }
        }
        case MappingEnd, SequenceEnd -> open--;
        default -> {
          return false;
        }
      }
    } while (open > 0);
    return true;
  }

  private static boolean next(Iterator<Event> events, Event.ID id) {
    return events.hasNext() && events.next().getEventId() == id;
  }

  private static boolean plain(NodeEvent event) {
    return event.getAnchor().isEmpty()
        && (!(event instanceof CollectionStartEvent c) || c.getTag().isEmpty());
  }

  /** Whether the next node would be a mapping's key: a structure there is not taken. */
  private static boolean keyExpected(List<Frame> stack) {
    if (stack.isEmpty()) {
      return false;
    }
    Frame top = stack.get(stack.size() - 1);
    return top.mapping && top.key == null;
  }

  /** Takes a scalar as the next key of a mapping; false for a merge key or a key seen before. */
  private boolean key(Frame frame, ScalarEvent scalar) {
    String key = strings.share(scalar.getValue());
    if (key.equals("<<")) {
      return false;
    }
    int hash = key.hashCode();
    if (frame.seen != null) {
      if (!frame.seen.add(key)) {
        return false;
      }
    } else {
      for (int i = 0; i < frame.count; i++) {
        if (frame.hashes[i] == hash && frame.entries[i].key().equals(key)) {
          return false;
        }
      }
      if (frame.count == SMALL_MAPPING) {
        frame.seen = new HashSet<>();
        for (int i = 0; i < frame.count; i++) {
          frame.seen.add(frame.entries[i].key());
        }
        frame.seen.add(key);
      }
    }
    frame.key = key;
    frame.keyLine = line(scalar);
    frame.keyColumn = column(scalar);
    return true;
  }

  private static void add(Frame frame, YNode value) {
    if (!frame.mapping) {
      frame.items.add(value);
      return;
    }
    if (frame.count == frame.entries.length) {
      frame.entries = Arrays.copyOf(frame.entries, frame.count * 2);
      frame.hashes = Arrays.copyOf(frame.hashes, frame.count * 2);
    }
    frame.hashes[frame.count] = frame.key.hashCode();
    frame.entries[frame.count++] = new YMap.Entry(frame.key, frame.keyLine, frame.keyColumn, value);
    frame.key = null;
  }

  private static YNode close(Frame frame) {
    if (!frame.mapping) {
      return new YSeq(frame.items, frame.line, frame.column);
    }
    return new YMap(EntryMap.of(frame.entries, frame.count), frame.line, frame.column);
  }

  private YScalar scalar(ScalarEvent event) {
    String text = strings.share(event.getValue());
    Tag tag = resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
    Object value = NodeConverter.resolve(event.getScalarStyle() == ScalarStyle.PLAIN, tag, text);
    return new YScalar(value, text, line(event), column(event));
  }

  /** The event's line from 1; 1 when the parser keeps no positions. */
  private static int line(Event event) {
    return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
  }

  /** The event's column from 1; 1 when the parser keeps no positions. */
  private static int column(Event event) {
    return event.getStartMark().map(mark -> mark.getColumn() + 1).orElse(1);
  }
}
