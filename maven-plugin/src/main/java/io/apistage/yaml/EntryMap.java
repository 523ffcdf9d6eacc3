package io.apistage.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The entries of a {@link YMap}: an immutable map in document order, backed by one array. A config
 * root of 10,000 Apis holds two million mapping entries; a {@code LinkedHashMap} spends about 90
 * bytes on each beyond the entry itself, this map about 4, which is what keeps validation of such a
 * repository inside a small heap. Small mappings are searched in order; large ones get a hash index
 * so that a hostile mapping with many keys stays linear.
 */
final class EntryMap extends AbstractMap<String, YMap.Entry> {

  static final EntryMap EMPTY = new EntryMap(new YMap.Entry[0]);

  private static final int INDEX_FROM = 9;

  private final YMap.Entry[] entries;
  private final Map<String, Integer> index;
  private Set<Map.Entry<String, YMap.Entry>> entrySet;

  private EntryMap(YMap.Entry[] entries) {
    this.entries = entries;
    if (entries.length >= INDEX_FROM) {
      Map<String, Integer> byKey = new HashMap<>(entries.length * 2);
      for (int i = 0; i < entries.length; i++) {
        byKey.putIfAbsent(entries[i].key(), i);
      }
      this.index = byKey;
    } else {
      this.index = null;
    }
  }

  /** The map of the first {@code count} entries of an array, whose keys are distinct. */
  static EntryMap of(YMap.Entry[] entries, int count) {
    if (count == 0) {
      return EMPTY;
    }
    return new EntryMap(count == entries.length ? entries : Arrays.copyOf(entries, count));
  }

  /** The map of some entries, keyed by their own key; the first of equal keys wins. */
  static EntryMap copyOf(Map<String, YMap.Entry> map) {
    if (map instanceof EntryMap same) {
      return same;
    }
    if (map.isEmpty()) {
      return EMPTY;
    }
    YMap.Entry[] array = new YMap.Entry[map.size()];
    int i = 0;
    for (Map.Entry<String, YMap.Entry> e : map.entrySet()) {
      YMap.Entry entry = e.getValue();
      // the key of the map is authoritative, as it was for the LinkedHashMap this replaces
      array[i++] =
          entry.key().equals(e.getKey())
              ? entry
              : new YMap.Entry(e.getKey(), entry.keyLine(), entry.keyColumn(), entry.value());
    }
    return new EntryMap(array);
  }

  private int find(Object key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < entries.length; i++) {
      String k = entries[i].key();
      if (k == key || k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public YMap.Entry get(Object key) {
    int i = find(key);
    return i < 0 ? null : entries[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return entries.length;
  }

  @Override
  public boolean isEmpty() {
    return entries.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super YMap.Entry> action) {
    for (YMap.Entry entry : entries) {
      action.accept(entry.key(), entry);
    }
  }

  @Override
  public Set<Map.Entry<String, YMap.Entry>> entrySet() {
    Set<Map.Entry<String, YMap.Entry>> set = entrySet;
    if (set == null) {
      set = new Entries();
      entrySet = set;
    }
    return set;
  }

  private final class Entries extends AbstractSet<Map.Entry<String, YMap.Entry>> {
    @Override
    public int size() {
      return entries.length;
    }

    @Override
    public Iterator<Map.Entry<String, YMap.Entry>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < entries.length;
        }

        @Override
        public Map.Entry<String, YMap.Entry> next() {
          if (next >= entries.length) {
            throw new NoSuchElementException();
          }
          YMap.Entry entry = entries[next++];
          return new SimpleImmutableEntry<>(entry.key(), entry);
        }
      };
    }
  }
}
