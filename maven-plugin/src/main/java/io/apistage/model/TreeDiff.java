package io.apistage.model;

import io.apistage.yaml.JsonPointer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic, field-level difference of two documents in plain form (maps, lists, scalars), as
 * both the version check and the stage diff see it. Formatting, key order, quoting and comments
 * never show (they are gone in plain form), and neither does spelling out a default: a null, an
 * empty list or map, or a value equal to the field's default counts as absent. Numbers compare by
 * value ({@code 1} equals {@code 1.0}). Lists of scalars are sets. Lists of mappings are matched by
 * identity, not position: endpoints by method and path, parameters by location and name, other
 * items by {@code name} when every item has a distinct one.
 *
 * @since 0.1.0
 */
public final class TreeDiff {

  private TreeDiff() {}

  /** Every difference between {@code from} and {@code to}, in document order. */
  public static List<Change> diff(Object from, Object to) {
    List<Change> out = new ArrayList<>();
    compare("", "", normalize(from, ""), normalize(to, ""), out);
    return out;
  }

  /** Whether two documents are the same once normalized. */
  public static boolean same(Object from, Object to) {
    return diff(from, to).isEmpty();
  }

  /**
   * A document with defaults, nulls and empty collections removed and numbers made canonical; the
   * form stored in a stage's state and compared by the diff. List order is kept.
   */
  public static Object normalize(Object value) {
    return normalize(value, "");
  }

  private static Object normalize(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String childPath = path + "/" + key;
        Object v = normalize(e.getValue(), childPath);
        if (isAbsent(v) || Defaults.isDefault(childPath, v)) {
          continue;
        }
        out.put(key, v);
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalize(item, path + "/*"));
      }
      return out;
    }
    if (value instanceof Number n) {
      return normalizeNumber(n);
    }
    return value;
  }

  private static boolean isAbsent(Object v) {
    return v == null
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty());
  }

  /** A number in the canonical form {@link #normalize} gives it. */
  public static Object normalizeNumber(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d;
    }
    BigDecimal decimal =
        n instanceof BigInteger b
            ? new BigDecimal(b)
            : new BigDecimal(n.toString()).stripTrailingZeros();
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return decimal.scale() <= 0 ? decimal.toBigInteger() : decimal.doubleValue();
    }
  }

  private static void compare(String pointer, String path, Object a, Object b, List<Change> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Set<String> keys = new LinkedHashSet<>();
      ma.keySet().forEach(k -> keys.add((String) k));
      mb.keySet().forEach(k -> keys.add((String) k));
      for (String key : keys) {
        Object va = ma.get(key);
        Object vb = mb.get(key);
        String p = JsonPointer.child(pointer, key);
        String label = path.isEmpty() ? key : path + "." + key;
        if (va == null) {
          out.add(new Change(Change.Type.ADDED, p, label, null, vb));
        } else if (vb == null) {
          out.add(new Change(Change.Type.REMOVED, p, label, va, null));
        } else {
          compare(p, label, va, vb, out);
        }
      }
      return;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      compareLists(pointer, path, la, lb, out);
      return;
    }
    if (!Objects.equals(a, b)) {
      out.add(new Change(Change.Type.CHANGED, pointer, path, a, b));
    }
  }

  private static void compareLists(
      String pointer, String path, List<?> a, List<?> b, List<Change> out) {
    if (allScalars(a) && allScalars(b)) {
      Set<String> sa = new TreeSet<>();
      Set<String> sb = new TreeSet<>();
      a.forEach(x -> sa.add(String.valueOf(x)));
      b.forEach(x -> sb.add(String.valueOf(x)));
      if (!sa.equals(sb)) {
        out.add(new Change(Change.Type.CHANGED, pointer, path, a, b));
      }
      return;
    }
    Map<String, Integer> ia = identities(a);
    Map<String, Integer> ib = identities(b);
    if (ia == null || ib == null) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        String p = JsonPointer.child(pointer, i);
        String label = path + "[" + i + "]";
        if (i >= a.size()) {
          out.add(new Change(Change.Type.ADDED, p, label, null, b.get(i)));
        } else if (i >= b.size()) {
          out.add(new Change(Change.Type.REMOVED, p, label, a.get(i), null));
        } else {
          compare(p, label, a.get(i), b.get(i), out);
        }
      }
      return;
    }
    for (Map.Entry<String, Integer> e : ib.entrySet()) {
      Integer at = ia.get(e.getKey());
      String p = JsonPointer.child(pointer, e.getValue());
      String label = path + "[" + e.getKey() + "]";
      if (at == null) {
        out.add(new Change(Change.Type.ADDED, p, label, null, b.get(e.getValue())));
      } else {
        compare(p, label, a.get(at), b.get(e.getValue()), out);
      }
    }
    for (Map.Entry<String, Integer> e : ia.entrySet()) {
      if (!ib.containsKey(e.getKey())) {
        out.add(
            new Change(
                Change.Type.REMOVED,
                JsonPointer.child(pointer, e.getValue()),
                path + "[" + e.getKey() + "]",
                a.get(e.getValue()),
                null));
      }
    }
  }

  private static boolean allScalars(List<?> list) {
    for (Object item : list) {
      if (item instanceof Map || item instanceof List) {
        return false;
      }
    }
    return true;
  }

  /**
   * The identity of each item of a list of mappings (endpoint: {@code GET /orders/{id}}; parameter:
   * {@code query:expand}; otherwise its name), or null when the items have none or repeat one.
   */
  public static Map<String, Integer> identities(List<?> list) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String id = identity(list.get(i));
      if (id == null || out.putIfAbsent(id, i) != null) {
        return null;
      }
    }
    return out;
  }

  /** The identity of one list item, or null. */
  public static String identity(Object item) {
    if (!(item instanceof Map<?, ?> map)) {
      return null;
    }
    Object method = map.get("method");
    Object path = map.get("path");
    if (method != null && path != null) {
      return String.valueOf(method).toUpperCase(Locale.ROOT) + " " + path;
    }
    Object name = map.get("name");
    Object location = map.get("location");
    if (name != null && location != null) {
      return location + ":" + name;
    }
    return name == null ? null : String.valueOf(name);
  }
}
