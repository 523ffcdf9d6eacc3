package io.apistage.yaml;

import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a mapping still in {@link NodeCodec}'s bytes, decoded as they are asked for: the
 * keys at once, a value when {@link #get} first asks for it, all of them only when the entries are
 * walked. The validate cache gives each unchanged file's root this way, so a run that reads a few
 * fields of most documents (their {@code id}, {@code kind}, {@code auth}) does not build every
 * tree. Immutable to its readers; safe for several threads.
 *
 * @since 0.3.0
 */
final class LazyEntries extends AbstractMap<String, YMap.Entry> {

  private final byte[] bytes;
  private final String[] strings;
  private final int depth;
  private final String[] keys;
  private final int[] keyLines;
  private final int[] keyColumns;
  private final int[] valueAt;
  private final YNode[] values;
  private EntryMap all;

  /**
   * Entries of the map whose {@code count} entries start at {@code in}'s position; leaves {@code
   * in} after them.
   */
  LazyEntries(ByteBuffer in, int count, String[] strings, int depth) {
    this.bytes = in.array();
    this.strings = strings;
    this.depth = depth;
    this.keys = new String[count];
    this.keyLines = new int[count];
    this.keyColumns = new int[count];
    this.valueAt = new int[count];
    this.values = new YNode[count];
    for (int i = 0; i < count; i++) {
      keys[i] = strings[NodeCodec.string(in, strings.length)];
      keyLines[i] = NodeCodec.varint(in);
      keyColumns[i] = NodeCodec.varint(in);
      valueAt[i] = in.position();
      NodeCodec.skip(in, strings.length, depth + 1);
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private synchronized YNode value(int i) {
    if (values[i] == null) {
      values[i] = NodeCodec.read(ByteBuffer.wrap(bytes).position(valueAt[i]), strings, depth + 1);
    }
    return values[i];
  }

  private YMap.Entry entry(int i) {
    return new YMap.Entry(keys[i], keyLines[i], keyColumns[i], value(i));
  }

  @Override
  public YMap.Entry get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : entry(i);
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  /** Every entry decoded, in document order. */
  synchronized EntryMap all() {
    if (all == null) {
      YMap.Entry[] entries = new YMap.Entry[keys.length];
      for (int i = 0; i < keys.length; i++) {
        entries[i] = entry(i);
      }
      all = EntryMap.of(entries, entries.length);
    }
    return all;
  }

  @Override
  public Set<Map.Entry<String, YMap.Entry>> entrySet() {
    return all().entrySet();
  }

  @Override
  public Set<String> keySet() {
    return all().keySet();
  }
}
