package io.apistage.openapi;

import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one converted mapping whose values keep the positions of the OpenAPI values they came
 * from, so that a change found in the converted endpoints points at the OpenAPI file.
 *
 * @since 0.2.0
 */
final class MapBuilder {

  private final Map<String, YMap.Entry> entries = new LinkedHashMap<>();
  private final YNode at;

  /** A mapping positioned at {@code at}. */
  MapBuilder(YNode at) {
    this.at = at;
  }

  /** Puts a value, its key at the value's own position. */
  MapBuilder put(String key, YNode value) {
    if (value != null) {
      entries.put(key, new YMap.Entry(key, value.line(), value.column(), value));
    }
    return this;
  }

  /** Puts a value under the position of an existing entry's key. */
  MapBuilder put(YMap.Entry source, String key, YNode value) {
    if (value != null) {
      entries.put(key, new YMap.Entry(key, source.keyLine(), source.keyColumn(), value));
    }
    return this;
  }

  /** Puts a scalar made here, positioned at {@code where}. */
  MapBuilder put(String key, Object value, YNode where) {
    if (value != null) {
      put(key, new YScalar(value, String.valueOf(value), where.line(), where.column()));
    }
    return this;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  YMap build() {
    return new YMap(entries, at.line(), at.column());
  }
}
