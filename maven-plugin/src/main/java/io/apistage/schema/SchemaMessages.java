package io.apistage.schema;

import com.networknt.schema.Error;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Schema errors in words for the person fixing the YAML ("must be one of GET, POST, ..."), in place
 * of the library's generic texts; the line and column already say where.
 */
final class SchemaMessages {

  /** Explanations of the patterns the schemas use, by pattern. */
  private static final Map<String, String> PATTERNS =
      Map.of(
          "^[a-z][a-z0-9-]{0,62}$",
          "must be a name: a lower-case letter, then lower-case letters, digits or '-', at most 63"
              + " characters",
          "^/",
          "must start with '/'",
          "^https?://",
          "must be an http:// or https:// URL",
          "^[A-Z]{3}$",
          "must be an ISO 4217 currency code such as EUR or USD",
          "^[a-z][a-z0-9-]{0,62}@(0|[1-9][0-9]{0,5})$",
          "must name an API major line as <api>@<major>, e.g. orders@1",
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
          "must be a UUID such as 3f2b6c1e-8d4a-4c1b-9e2f-0a1b2c3d4e5f",
          "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
          "must be an e-mail address",
          "^([1-5][0-9][0-9]|[1-5]XX|default)$",
          "must be an HTTP status code such as \"200\" or \"4XX\", or default");

  /**
   * Explanations of the Git name patterns of a stage's state (stage.schema.json) and of a promotion
   * selector's name (promotion.schema.json), by pattern.
   */
  private static final Map<String, String> GIT_PATTERNS =
      Map.of(
          "^(?![\\s\\S]*[\\x00-\\x1f\\x7f])(?![-/.])(?!@$)(?!.*\\.\\.)(?!.*@\\{)(?!.*//)(?!.*/\\.)(?!.*[/.]$)(?!.*\\.lock(/|$))[^ ~^:?*\\[\\\\]+$",
          "must be a Git branch name such as apistage/stage/prod: no '..', '//', '@{', spaces,"
              + " control characters or any of ~ ^ : ? * [ \\, not starting with '-', '/' or '.',"
              + " not ending with '/', '.' or '.lock', and not '@' alone",
          "^(?![\\s\\S]*[\\x00-\\x1f\\x7f])([A-Za-z0-9][A-Za-z0-9._-]*|(https?|ssh|git|file)://[^\\s]+|[A-Za-z0-9._-]+@[A-Za-z0-9][A-Za-z0-9.-]*:[^-\\s][^\\s]*)$",
          "must be a remote's name such as origin, an https://, http://, ssh://, git:// or file://"
              + " URL, or user@host:path",
          "^[a-z*][a-z0-9*-]{0,62}$",
          "must be a name, '*' standing for any characters, e.g. orders or pay*");

  private static final String SEMVER_START = "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)";

  private SchemaMessages() {}

  /** The message for an error on a node (null when the node is absent), else the fallback. */
  static String describe(Error error, YNode node, String fallback) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode schema = error.getSchemaNode();
    if (schema == null) {
      return fallback;
    }
    switch (keyword) {
      case "enum":
        return "must be one of " + join(schema);
      case "const":
        return "must be " + plain(schema);
      case "type":
        return type(schema, node);
      case "pattern":
        return pattern(schema.asString());
      case "minimum":
        return "must be at least " + schema.asString();
      case "maximum":
        return "must be at most " + schema.asString();
      case "minLength":
        return schema.asInt() == 1
            ? "must not be empty"
            : "must have at least " + schema.asInt() + " characters";
      case "maxLength":
        return "must have at most " + schema.asInt() + " characters";
      case "minItems":
        return "must list at least " + schema.asInt() + (schema.asInt() == 1 ? " item" : " items");
      case "minProperties":
        return "must not be empty";
      case "propertyNames":
        if (schema.has("pattern")) {
          return pattern(schema.get("pattern").asString());
        }
        return schema.has("$ref") && schema.get("$ref").asString().endsWith("/name")
            ? PATTERNS.get("^[a-z][a-z0-9-]{0,62}$")
            : fallback;
      case "uniqueItems":
        return "lists an item twice; list each once";
      default:
        return fallback;
    }
  }

  private static String pattern(String pattern) {
    String known = PATTERNS.getOrDefault(pattern, GIT_PATTERNS.get(pattern));
    if (known != null) {
      return known;
    }
    if (pattern.startsWith(SEMVER_START)) {
      return "must be a semantic version MAJOR.MINOR.PATCH such as 1.4.2";
    }
    return "must match the pattern " + pattern;
  }

  private static String type(JsonNode schema, YNode node) {
    List<String> wanted = new ArrayList<>();
    if (schema.isArray()) {
      schema.forEach(t -> wanted.add(article(t.asString())));
    } else {
      wanted.add(article(schema.asString()));
    }
    String found = node == null ? null : article(typeOf(node));
    String message =
        "must be " + String.join(" or ", wanted) + (found == null ? "" : ", not " + found);
    if (wanted.size() == 1
        && wanted.get(0).equals("a string")
        && node instanceof YScalar s
        && s.value() != null) {
      message += "; quote it: \"" + s.text() + "\"";
    }
    return message;
  }

  private static String typeOf(YNode node) {
    if (node instanceof YMap) {
      return "object";
    }
    if (node instanceof YSeq) {
      return "array";
    }
    Object value = ((YScalar) node).value();
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return "integer";
    }
    if (value instanceof Number) {
      return "number";
    }
    return "string";
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "null" -> "empty";
      default -> "a " + type;
    };
  }

  private static String join(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(plain(v)));
    return String.join(", ", out);
  }

  private static String plain(JsonNode value) {
    return value.isString() ? value.asString() : value.toString();
  }
}
