package io.apistage.report;

import java.util.List;
import java.util.Map;

/** Reading parsed JSON (maps, lists and scalars) by key in tests, without casts at every step. */
final class JsonValues {

  private JsonValues() {}

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
}
