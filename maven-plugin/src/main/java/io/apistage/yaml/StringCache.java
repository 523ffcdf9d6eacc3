package io.apistage.yaml;

/**
 * Shares equal short strings between the documents a parser reads. YAML keys and small values
 * ({@code name}, {@code type}, {@code string}, {@code query}) repeat millions of times in a large
 * config root, and each parse makes a new copy; sharing them halves the heap a loaded configuration
 * needs. The cache is a fixed array indexed by hash, so it stays small whatever it sees; it is safe
 * to share between threads, because a slot is written whole and a lost write only costs a copy, and
 * strings are immutable.
 */
final class StringCache {

  /** Longer strings are rarely repeated and are kept as they are. */
  static final int MAX_LENGTH = 32;

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
}
