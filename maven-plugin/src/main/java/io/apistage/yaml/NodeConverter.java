package io.apistage.yaml;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Turns composed nodes into {@link YNode}s, sharing aliased subtrees and bounding expansion. */
final class NodeConverter {
  /** Mappings up to this size find duplicate keys by looking through the keys so far. */
  private static final int SMALL_MAPPING = 8;

  private final String name;
  private final StringCache strings;
  final List<Problem> problems = new ArrayList<>();
  private final Map<Node, YNode> converted = new IdentityHashMap<>();
  private final Map<Node, Long> sizes = new IdentityHashMap<>();
  private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
  private long expanded;

  NodeConverter(String name, StringCache strings) {
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
    if (depth > YamlParser.MAX_DEPTH) {
      throw new ExpansionLimit(
          YamlParser.position(node.getStartMark()),
          "the document nests too deeply (more than " + YamlParser.MAX_DEPTH + " levels)");
    }
    long before = expanded;
    if (anchored) {
      inProgress.put(node, Boolean.TRUE);
    }
    count(1, node);
    Position at = YamlParser.position(node.getStartMark());
    YNode result;
    if (node instanceof ScalarNode scalar) {
      String text = strings.share(scalar.getValue());
      result =
          new YScalar(
              resolve(scalar.isPlain(), scalar.getTag(), text), text, at.line(), at.column());
    } else if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        items.add(convert(item, depth + 1));
      }
      result = new YSeq(items, at.line(), at.column());
    } else {
      result = mapping((MappingNode) node, at, depth);
    }
    if (anchored) {
      inProgress.remove(node);
      converted.put(node, result);
      sizes.put(node, expanded - before);
    }
    return result;
  }

  /**
   * A mapping, each key once: a second use of a key, or a key that is a structure, is a problem.
   */
  private YMap mapping(MappingNode mapping, Position at, int depth) {
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
    return new YMap(EntryMap.of(entries, count), at.line(), at.column());
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
    if (expanded > YamlParser.MAX_EXPANDED_NODES) {
      throw new ExpansionLimit(
          YamlParser.position(at.getStartMark()),
          "the document expands to more than "
              + YamlParser.MAX_EXPANDED_NODES
              + " values through its aliases (an alias bomb?); write the values out or use fewer aliases");
    }
  }

  /** The value of a scalar written as {@code text}, plain or quoted, of a resolved tag. */
  static Object resolve(boolean plain, Tag tag, String text) {
    if (!plain || Tag.STR.equals(tag)) {
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

  /** A document beyond a limit, found while converting it. */
  static final class ExpansionLimit extends RuntimeException {
    final Position position;

    ExpansionLimit(Position position, String message) {
      super(message, null, false, false);
      this.position = position;
    }
  }
}
