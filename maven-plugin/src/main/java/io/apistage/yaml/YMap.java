package io.apistage.yaml;

import io.apistage.problem.Position;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping with string keys in document order.
 *
 * @param entries the entries by key, in document order
 * @param line 1-based line of the mapping
 * @param column 1-based column of the mapping
 * @since 0.1.0
 */
public record YMap(Map<String, Entry> entries, int line, int column) implements YNode {

  /**
   * One key and its value.
   *
   * @param key the key as text
   * @param keyLine 1-based line of the key
   * @param keyColumn 1-based column of the key
   * @param value the value
   */
  public record Entry(String key, int keyLine, int keyColumn, YNode value) {

    /** The position of the key. */
    public Position keyPosition() {
      return new Position(keyLine, keyColumn);
    }
  }

  public YMap {
    entries = entries instanceof LazyEntries lazy ? lazy : EntryMap.copyOf(entries);
  }

  /** The value at a key, or null. */
  public YNode get(String key) {
    Entry entry = entries.get(key);
    return entry == null ? null : entry.value();
  }

  /** Whether the key is present. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The keys in document order. */
  public Set<String> keys() {
    return entries.keySet();
  }

  /** Number of entries. */
  public int size() {
    return entries.size();
  }

  /** The text of a scalar at a key, or null when absent, null or not a scalar. */
  public String str(String key) {
    return get(key) instanceof YScalar s && s.value() != null ? s.text() : null;
  }

  /** The mapping at a key, or null. */
  public YMap map(String key) {
    return get(key) instanceof YMap m ? m : null;
  }

  /** The sequence at a key, or an empty list. */
  public List<YNode> list(String key) {
    return get(key) instanceof YSeq s ? s.items() : List.of();
  }

  /** The boolean at a key, or the fallback. */
  public boolean bool(String key, boolean fallback) {
    return get(key) instanceof YScalar s && s.value() instanceof Boolean b ? b : fallback;
  }

  /** The position of a key, or of the mapping when the key is absent. */
  public Position keyPosition(String key) {
    Entry entry = entries.get(key);
    return entry == null ? position() : entry.keyPosition();
  }

  /** The position of the value at a key, or of the mapping when the key is absent. */
  public Position valuePosition(String key) {
    YNode value = get(key);
    return value == null ? position() : value.position();
  }
}
