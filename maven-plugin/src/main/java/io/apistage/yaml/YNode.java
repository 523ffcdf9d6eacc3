package io.apistage.yaml;

import io.apistage.problem.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable YAML value with the position it was read from. Mappings keep their key order and the
 * position of each key; scalars carry their resolved value (String, Long, BigInteger, Double,
 * Boolean or null) following the YAML 1.2 core schema.
 *
 * @since 0.1.0
 */
public sealed interface YNode permits YMap, YSeq, YScalar {

  /** 1-based line of the value. */
  int line();

  /** 1-based column of the value. */
  int column();

  /** The position of the value. */
  default Position position() {
    return new Position(line(), column());
  }

  /**
   * The node at a JSON pointer ({@code /endpoints/0/method}), or null when nothing is there. The
   * empty pointer is this node.
   */
  default YNode at(String pointer) {
    YNode node = this;
    if (pointer == null || pointer.isEmpty()) {
      return node;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = JsonPointer.unescape(raw);
      if (node instanceof YMap map) {
        node = map.get(token);
      } else if (node instanceof YSeq seq) {
        int index = JsonPointer.index(token);
        node = index >= 0 && index < seq.size() ? seq.get(index) : null;
      } else {
        node = null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * The position best describing a JSON pointer: the node there, else the key of the deepest
   * mapping on the way, else the deepest node that exists.
   */
  default Position positionOf(String pointer) {
    YNode node = this;
    if (pointer == null || pointer.isEmpty()) {
      return position();
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = JsonPointer.unescape(raw);
      YNode next;
      if (node instanceof YMap map) {
        next = map.get(token);
        if (next == null) {
          return node.position();
        }
      } else if (node instanceof YSeq seq) {
        int index = JsonPointer.index(token);
        next = index >= 0 && index < seq.size() ? seq.get(index) : null;
        if (next == null) {
          return node.position();
        }
      } else {
        return node.position();
      }
      node = next;
    }
    return node.position();
  }

  /** Plain Java form: LinkedHashMap, ArrayList and scalar values, for reports and comparison. */
  default Object toPlain() {
    if (this instanceof YMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((k, e) -> out.put(k, e.value().toPlain()));
      return out;
    }
    if (this instanceof YSeq seq) {
      List<Object> out = new ArrayList<>(seq.size());
      seq.items().forEach(i -> out.add(i.toPlain()));
      return out;
    }
    return ((YScalar) this).value();
  }
}
