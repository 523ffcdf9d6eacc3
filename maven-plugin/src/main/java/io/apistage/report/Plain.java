package io.apistage.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Reading a goal's report body by its documented shape (DESIGN.md section 7) without knowing the
 * classes that built it: the body is turned into plain JSON values first, so records, maps and
 * lists all read the same.
 *
 * @since 0.1.0
 */
final class Plain {

  private Plain() {}

  /** The body as plain JSON values: maps, lists, strings, numbers, booleans and nulls. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> of(Map<String, Object> body) {
    try {
      Object plain = Json.read(Json.write(body));
      return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "a report body that Jackson cannot read back: " + e.getMessage(), e);
    }
  }

  /** The list under a key, each item a map; other items are skipped. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object container, String key) {
    if (!(container instanceof Map<?, ?> map) || !(map.get(key) instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(item -> (Map<String, Object>) item)
        .toList();
  }

  /** The list under a key, or empty. */
  static List<?> list(Object container, String key) {
    if (container instanceof Map<?, ?> map && map.get(key) instanceof List<?> list) {
      return list;
    }
    return List.of();
  }

  /** The map under a key, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object container, String key) {
    if (container instanceof Map<?, ?> map && map.get(key) instanceof Map<?, ?> child) {
      return (Map<String, Object>) child;
    }
    return null;
  }

  /** The text of a scalar under a key, or null. */
  static String text(Object container, String key) {
    if (container instanceof Map<?, ?> map) {
      Object value = map.get(key);
      if (value != null && !(value instanceof Map) && !(value instanceof List)) {
        return String.valueOf(value);
      }
    }
    return null;
  }

  /** A number under a key, or -1 when absent. */
  static long number(Object container, String key) {
    if (container instanceof Map<?, ?> map && map.get(key) instanceof Number n) {
      return n.longValue();
    }
    return -1;
  }

  /**
   * A short label for an item of a consumer or key list: a string as it is, a map by its {@code
   * key}, else {@code kind/name}, else {@code name}.
   */
  static String label(Object item) {
    if (item instanceof Map<?, ?> map) {
      for (String key : List.of("key", "consumer", "application", "name")) {
        if (map.get(key) != null && !(map.get(key) instanceof Map)) {
          Object kind = map.get("kind");
          String value = String.valueOf(map.get(key));
          return key.equals("name") && kind != null ? kind + "/" + value : value;
        }
      }
      return String.valueOf(map);
    }
    return String.valueOf(item);
  }
}
