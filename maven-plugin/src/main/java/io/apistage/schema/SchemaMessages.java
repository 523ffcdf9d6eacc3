package io.apistage.schema;

import com.networknt.schema.Error;
import io.apistage.problem.DidYouMean;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

  /** Field names whose values are never repeated in a message. */
  private static final Pattern SECRET_LIKE =
      Pattern.compile("(?i)(password|passwd|secret|token|credential|api[-_]?key|private)");

  private static final String SEMVER_START = "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)";

  private SchemaMessages() {}

  /**
   * The message for an error at a pointer on a node (null when the node is absent), else the
   * fallback. Enum and type errors name the field and the value given ({@code state: publishd is
   * not one of draft, published, ...}).
   */
  static String describe(Error error, String pointer, YNode node, String fallback) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode schema = error.getSchemaNode();
    if (schema == null) {
      return fallback;
    }
    switch (keyword) {
      case "enum":
        return given(pointer, node) + "is not one of " + join(schema) + nearest(node, schema);
      case "const":
        return "must be " + plain(schema);
      case "type":
        return type(error, pointer, schema, node);
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

  /**
   * What to do about an unknown field: the nearest field the schema knows at that place ({@code
   * promoteFrom} on a Stage: did you mean promotesFrom?), else a look at the schema.
   */
  static String unknownFieldAdvice(Error error, String property) {
    JsonNode properties = SchemaNodes.parentOf(error).path("properties");
    if (property != null && properties.isObject()) {
      String advice = DidYouMean.advice(property, properties.propertyNames());
      if (!advice.isEmpty()) {
        return advice;
      }
    }
    return "; check its spelling against the schema";
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

  private static String type(Error error, String pointer, JsonNode schema, YNode node) {
    List<String> wanted = new ArrayList<>();
    if (schema.isArray()) {
      schema.forEach(t -> wanted.add(article(t.asString())));
    } else {
      wanted.add(article(schema.asString()));
    }
    String found = node == null ? null : article(typeOf(node));
    if (found == null) {
      return "must be " + String.join(" or ", wanted);
    }
    boolean quotable =
        wanted.size() == 1
            && wanted.get(0).equals("a string")
            && node instanceof YScalar s
            && s.value() != null;
    String message = given(pointer, node) + "is " + found + ", not " + String.join(" or ", wanted);
    if (quotable) {
      message += quote(error, pointer, ((YScalar) node).text());
    } else if (wanted.size() == 1 && wanted.get(0).equals("a boolean")) {
      message += "; write true or false";
    }
    return message;
  }

  /**
   * The advice for a scalar where a string is wanted that ends in a valid file: quoting it, or for
   * a semantic version written as a number ({@code version: 1.0}), the full version quoted.
   */
  private static String quote(Error error, String pointer, String text) {
    JsonNode pattern = SchemaNodes.parentOf(error).path("pattern");
    String quoted = "\"" + text + "\"";
    if (pattern.isString() && pattern.asString().startsWith(SEMVER_START)) {
      String[] parts = text.split("\\.", -1);
      StringBuilder version = new StringBuilder(parts[0]);
      for (int i = 1; i < 3; i++) {
        version.append('.').append(i < parts.length && !parts[i].isEmpty() ? parts[i] : "0");
      }
      quoted = "\"" + version + "\"";
      if (!version.toString().matches(pattern.asString())) {
        return "; write a semantic version MAJOR.MINOR.PATCH in quotes, e.g. \"1.4.2\"";
      }
    } else if (pattern.isString() && !Pattern.compile(pattern.asString()).matcher(text).find()) {
      return "; it " + pattern(pattern.asString());
    }
    String label = label(pointer);
    return label.isEmpty() || label.endsWith("]")
        ? "; quote it: " + quoted
        : "; write " + label + ": " + quoted;
  }

  /** {@code "state: publishd "}: the field and the value given, when the value is a scalar. */
  private static String given(String pointer, YNode node) {
    String label = label(pointer);
    String value =
        node instanceof YScalar s && s.value() != null && !SECRET_LIKE.matcher(label).find()
            ? s.text()
            : null;
    if (value != null && value.length() > 60) {
      value = value.substring(0, 57) + "...";
    }
    if (label.isEmpty()) {
      return value == null ? "" : value + " ";
    }
    return label + ":" + (value == null ? " " : " " + value + " ");
  }

  /** The field's name for messages: the last token, {@code apis[2]} for an item of a list. */
  static String label(String pointer) {
    if (pointer == null || pointer.isEmpty()) {
      return "";
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    String last = tokens[tokens.length - 1].replace("~1", "/").replace("~0", "~");
    if (last.matches("\\d+") && tokens.length > 1) {
      return tokens[tokens.length - 2].replace("~1", "/").replace("~0", "~") + "[" + last + "]";
    }
    return last;
  }

  private static String nearest(YNode node, JsonNode values) {
    if (!(node instanceof YScalar s) || !(s.value() instanceof String text)) {
      return "";
    }
    List<String> known = new ArrayList<>();
    values.forEach(v -> known.add(plain(v)));
    return DidYouMean.advice(text, known);
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
