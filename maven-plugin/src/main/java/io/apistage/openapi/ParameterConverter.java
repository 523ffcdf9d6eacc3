package io.apistage.openapi;

import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns OpenAPI parameters into the parameters of an endpoint: name, location, required, and the
 * keywords of the parameter's schema (type, format, enum, default, bounds, lengths, pattern, items)
 * lifted beside them. The operation's parameters override the path item's of the same location and
 * name.
 *
 * @since 0.2.0
 */
final class ParameterConverter {

  /** The schema keywords an endpoint parameter carries. */
  private static final List<String> LIFTED =
      List.of(
          "format",
          "enum",
          "default",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "pattern",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "items");

  private static final List<String> COMPOSED = List.of("allOf", "oneOf", "anyOf", "not");

  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "array", "object");

  private final RefResolver refs;
  private final SchemaInliner inliner;

  ParameterConverter(RefResolver refs, SchemaInliner inliner) {
    this.refs = refs;
    this.inliner = inliner;
  }

  /** The parameters of an operation with those of its path item, or null when there are none. */
  YSeq merged(String file, YMap pathItem, YMap operation) throws IOException {
    Map<String, YMap> byKey = new LinkedHashMap<>();
    for (YMap owner : List.of(pathItem, operation)) {
      for (YNode node : owner.list("parameters")) {
        RefResolver.Located p = refs.deref(file, node);
        if (p != null && p.node() instanceof YMap m && m.str("name") != null) {
          byKey.put(m.str("in") + " " + m.str("name"), parameter(p.file(), m));
        }
      }
    }
    if (byKey.isEmpty()) {
      return null;
    }
    YNode at = operation.get("parameters") != null ? operation.get("parameters") : operation;
    return inliner.from(file, new YSeq(new ArrayList<>(byKey.values()), at.line(), at.column()));
  }

  private YMap parameter(String file, YMap p) throws IOException {
    MapBuilder out = new MapBuilder(p);
    out.put("name", inliner.from(file, p.get("name")));
    YNode schemaNode = p.get("schema");
    if (schemaNode == null && p.map("content") != null) {
      for (YMap.Entry media : p.map("content").entries().values()) {
        if (media.value() instanceof YMap m) {
          schemaNode = m.get("schema");
          break;
        }
      }
    }
    YMap schema = inliner.inline(file, schemaNode) instanceof YMap m ? m : null;
    out.put("type", type(file, schema, p));
    boolean path = "path".equals(p.str("in"));
    if (path || p.bool("required", false)) {
      YNode required = p.get("required");
      out.put("required", required != null ? inliner.from(file, required) : scalar(file, true, p));
    }
    out.put("location", inliner.from(file, p.get("in")));
    out.put("description", inliner.from(file, p.get("description")));
    if (schema != null) {
      for (String key : LIFTED) {
        YNode value = schema.get(key);
        if (accepted(key, value)) {
          out.put(schema.entries().get(key), key, value);
        }
      }
    }
    for (String key : List.of("style", "explode", "allowEmptyValue")) {
      if (p.get(key) instanceof YScalar s && s.value() != null) {
        out.put(p.entries().get(key), key, inliner.from(file, s));
      }
    }
    if (schema != null && (schema.has("properties") || COMPOSED.stream().anyMatch(schema::has))) {
      out.put("schema", schema);
    }
    if (p.bool("deprecated", false)) {
      out.put("deprecated", inliner.from(file, p.get("deprecated")));
    }
    return inliner.from(file, out.build());
  }

  /**
   * Whether a lifted keyword fits an endpoint parameter (3.0's boolean exclusive bounds do not).
   */
  private static boolean accepted(String key, YNode value) {
    if (value == null) {
      return false;
    }
    return switch (key) {
      case "exclusiveMinimum", "exclusiveMaximum", "minimum", "maximum" ->
          value instanceof YScalar s && s.value() instanceof Number;
      case "enum" -> value instanceof YSeq seq && seq.size() > 0;
      case "items" -> value instanceof YMap;
      default -> true;
    };
  }

  /**
   * The parameter's type: its schema's (the first that is not {@code null} in a 3.1 list), else
   * {@code string}, as a parameter travels as text.
   */
  private YScalar type(String file, YMap schema, YMap p) {
    YNode type = schema == null ? null : schema.get("type");
    if (type instanceof YSeq list) {
      for (YNode item : list.items()) {
        if (item instanceof YScalar s && TYPES.contains(s.text())) {
          return inliner.from(file, s);
        }
      }
    }
    if (type instanceof YScalar s && TYPES.contains(s.text())) {
      return inliner.from(file, s);
    }
    return scalar(file, "string", schema == null ? p : schema);
  }

  private YScalar scalar(String file, Object value, YNode at) {
    return inliner.from(file, new YScalar(value, String.valueOf(value), at.line(), at.column()));
  }
}
