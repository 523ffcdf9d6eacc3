package io.apistage.stage;

import io.apistage.model.Defaults;
import io.apistage.model.TreeDiff;
import io.apistage.yaml.StringCache;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only map of a plain document (the normalized form a stage holds for each running asset)
 * that keeps its entries in insertion order in two arrays. A stage of 20,000 assets holds millions
 * of such entries; in a {@code LinkedHashMap} each costs an entry object and a slot of a hash
 * table, about 60 bytes, here 8. Lookups scan the keys, which is as fast as hashing for the few
 * fields a document's map has. Equality and hash code are those of every {@link Map}.
 *
 * @since 0.2.0
 */
public final class PlainMap extends AbstractMap<String, Object> {

  private final String[] keys;
  private final Object[] values;

  private PlainMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * The same plain document (maps, lists, scalars) with its maps as {@code PlainMap}s and its map
   * keys and short strings shared ({@link StringCache#shareAll}); lists stay mutable lists.
   */
  public static Object compact(Object plain) {
    if (plain instanceof PlainMap) {
      return plain;
    }
    if (plain instanceof Map<?, ?> map) {
      String[] keys = new String[map.size()];
      Object[] values = new Object[map.size()];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        keys[i] = (String) StringCache.shareAll(String.valueOf(e.getKey()));
        values[i] = compact(e.getValue());
        i++;
      }
      return new PlainMap(keys, values);
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(compact(item)));
      return out;
    }
    return StringCache.shareAll(plain);
  }

  /**
   * A parsed document's normalized plain form with its maps as {@code PlainMap}s: the same as
   * {@code compact(TreeDiff.normalize(node.toPlain()))} in one walk of the tree, without the two
   * trees of maps between (a deploy reads a stage's thousands of running files this way).
   */
  public static Object normalized(YNode node) {
    return normalized(node, new ArrayList<>());
  }

  private static Object normalized(YNode node, List<String> path) {
    if (node instanceof YMap map) {
      String[] keys = new String[map.size()];
      Object[] values = new Object[map.size()];
      int n = 0;
      for (YMap.Entry entry : map.entries().values()) {
        String key = entry.key();
        path.add(key);
        Object value = normalized(entry.value(), path);
        boolean dropped =
            isAbsent(value)
                || (Defaults.mayBeDefault(key, value)
                    && Defaults.isDefault("/" + String.join("/", path), value));
        path.remove(path.size() - 1);
        if (!dropped) {
          keys[n] = (String) StringCache.shareAll(key);
          values[n++] = value;
        }
      }
      return n == keys.length
          ? new PlainMap(keys, values)
          : new PlainMap(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
    }
    if (node instanceof YSeq seq) {
      List<Object> out = new ArrayList<>(seq.size());
      path.add("*");
      seq.items().forEach(item -> out.add(normalized(item, path)));
      path.remove(path.size() - 1);
      return out;
    }
    Object value = ((YScalar) node).value();
    return value instanceof Number number
        ? TreeDiff.normalizeNumber(number)
        : StringCache.shareAll(value);
  }

  private static boolean isAbsent(Object v) {
    return v == null
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty());
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
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

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
