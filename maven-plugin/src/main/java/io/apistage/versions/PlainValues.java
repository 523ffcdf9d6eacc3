package io.apistage.versions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading values of a document in plain form (maps, lists, scalars) for the change classifiers: a
 * field of a map, a list as a set of strings, a number as a decimal, a value shortened for a
 * message.
 *
 * @since 0.1.0
 */
final class PlainValues {

  private PlainValues() {}

  /** The value of {@code key} when {@code map} is a map, else null. */
  static Object field(Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }

  /** Whether {@code list} is a collection holding {@code value} (compared as text). */
  static boolean listContains(Object list, String value) {
    return list instanceof Collection<?> c
        && c.stream().anyMatch(v -> value.equals(String.valueOf(v)));
  }

  /** The items of a collection, or a single value, as sorted text; empty for null. */
  static Set<String> strings(Object value) {
    Set<String> out = new TreeSet<>();
    if (value instanceof Collection<?> c) {
      c.forEach(v -> out.add(String.valueOf(v)));
    } else if (value != null) {
      out.add(String.valueOf(value));
    }
    return new LinkedHashSet<>(out);
  }

  /** A number as a decimal, null for anything else. */
  static BigDecimal decimal(Object value) {
    if (value instanceof Number num) {
      try {
        return new BigDecimal(num.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether a value is neither a map nor a collection. */
  static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof Collection);
  }

  /** A value as a message shows it: lists in brackets, maps as {@code {...}}, long text cut. */
  static String show(Object value) {
    if (value instanceof Collection<?> c) {
      List<String> items = new ArrayList<>();
      c.forEach(v -> items.add(String.valueOf(v)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Map<?, ?>) {
      return "{...}";
    }
    if (value instanceof String s && s.length() > 60) {
      return s.substring(0, 57) + "...";
    }
    return String.valueOf(value);
  }
}
