package io.apistage.model;

import java.util.List;
import java.util.Map;

/**
 * One field-level difference between two versions of a document.
 *
 * @param type added, removed or changed
 * @param field JSON pointer in the new document (in the old one for a removal)
 * @param path readable path that names list items by their identity, e.g. {@code endpoints[GET
 *     /orders/{id}].parameters[query:expand].required}
 * @param from the old value (plain form), null when added
 * @param to the new value (plain form), null when removed
 * @since 0.1.0
 */
public record Change(Type type, String field, String path, Object from, Object to) {

  /** The kind of difference. */
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** Longest value shown on the console or in Markdown; reports hold the whole value. */
  public static final int MAX_SHOWN = 100;

  /**
   * A value in compact JSON-like form for the console and pull-request comments ({@code {a: 1, b:
   * "x"}}), cut at {@value #MAX_SHOWN} characters with an ellipsis.
   */
  public static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.length() > MAX_SHOWN ? out.substring(0, MAX_SHOWN - 1) + "…" : out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (out.length() > MAX_SHOWN) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ", ").append(e.getKey()).append(": ");
        first = false;
        append(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String str) {
      out.append('"')
          .append(str.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    } else {
      out.append(value);
    }
  }
}
