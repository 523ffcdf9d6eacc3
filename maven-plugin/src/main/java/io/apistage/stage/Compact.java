package io.apistage.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks plain documents that are held by the thousand: map keys and short strings are interned,
 * so the {@code name}, {@code type} and {@code GET} of 10,000 Apis are one string each, not one per
 * occurrence. Equality is unchanged.
 */
final class Compact {

  /** Strings up to this length are interned; longer ones (descriptions) are rarely repeated. */
  private static final int SHORT = 48;

  private Compact() {}

  /** The same document with shared keys and short strings. */
  static Object of(Object plain) {
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(2, (int) (map.size() / 0.75f) + 1));
      map.forEach((k, v) -> out.put(String.valueOf(k).intern(), of(v)));
      return out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(of(item)));
      return out;
    }
    if (plain instanceof String text && text.length() <= SHORT) {
      return text.intern();
    }
    return plain;
  }
}
