package io.apistage.yaml;

import java.util.List;

/**
 * A YAML sequence.
 *
 * @param items the items in order
 * @param line 1-based line of the sequence
 * @param column 1-based column of the sequence
 * @since 0.1.0
 */
public record YSeq(List<YNode> items, int line, int column) implements YNode {

  public YSeq {
    items = List.copyOf(items);
  }

  /** The item at an index. */
  public YNode get(int index) {
    return items.get(index);
  }

  /** Number of items. */
  public int size() {
    return items.size();
  }
}
