package io.apistage.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares equal short strings between the documents apistage holds by the thousand. YAML keys and
 * small values ({@code name}, {@code type}, {@code string}, {@code query}, {@code GET}) repeat
 * millions of times in a large config root, and each parse makes a new copy; sharing them halves
 * the heap a loaded configuration needs. A parser shares the strings of what it reads ({@link
 * #share}); {@link #shareAll} does the same for a plain document built from a parsed one (the
 * normalized forms {@code diff} compares). The cache is a fixed array indexed by hash, so it stays
 * small whatever it sees; it is safe to share between threads, because a slot is written whole and
 * a lost write only costs a copy, and strings are immutable. Equality is unchanged.
 *
 * @since 0.1.0
 */
public final class StringCache {

  /** Longer strings (descriptions) are rarely repeated and are kept as they are. */
  static final int MAX_LENGTH = 32;

  /** The cache of {@link #shareAll}, shared by every thread. */
  private static final StringCache PLAIN = new StringCache(16);

  private final String[] slots;
  private final int mask;

  /** A cache of {@code 2^bits} slots. */
  StringCache(int bits) {
    slots = new String[1 << bits];
    mask = slots.length - 1;
  }

  /** An equal string seen before, else {@code s}, which is remembered. */
  String share(String s) {
    if (s == null || s.length() > MAX_LENGTH) {
      return s;
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    String seen = slots[slot];
    if (seen != null && seen.equals(s)) {
      return seen;
    }
    slots[slot] = s;
    return s;
  }

  /**
   * The same plain document (maps, lists, scalars) with its map keys and short strings shared, in
   * maps sized to their entries.
   */
  public static Object shareAll(Object plain) {
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(2, (int) (map.size() / 0.75f) + 1));
      map.forEach((k, v) -> out.put(PLAIN.share(String.valueOf(k)), shareAll(v)));
      return out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(shareAll(item)));
      return out;
    }
    if (plain instanceof String text) {
      return PLAIN.share(text);
    }
    return plain;
  }
}
