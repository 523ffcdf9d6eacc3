package io.apistage.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.apistage.model.Kind;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks documents against the JSON Schemas of the {@code schemas} module (draft 2020-12) and maps
 * every error's instance location back to the line and column of the offending value. Unknown
 * fields ({@code unevaluatedProperties}/{@code additionalProperties}) are reported as errors with
 * rule {@code unknown-field}, so that a typo never passes silently.
 *
 * @since 0.1.0
 */
public final class SchemaValidator {

  /** Resource of the {@code apistage.yaml} schema. */
  public static final String PROJECT_SCHEMA = "io/apistage/schemas/project.schema.json";

  private static final String BASE = "https://apistage.io/schemas/";

  private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
  private final Schema projectSchema;

  /** Loads every schema from the classpath. */
  public SchemaValidator() {
    ClassLoader loader = SchemaValidator.class.getClassLoader();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(
                    resolvers -> resolvers.mapPrefix(BASE, "classpath:io/apistage/schemas/")));
    for (Kind kind : Kind.values()) {
      schemas.put(kind, registry.getSchema(SchemaLocation.of(BASE + kind.id() + ".schema.json")));
    }
    projectSchema = registry.getSchema(SchemaLocation.of(BASE + "project.schema.json"));
    schemas.values().forEach(Schema::initializeValidators);
    projectSchema.initializeValidators();
  }

  /** Reads a schema resource's text, for documentation and tests. */
  public static String resource(String name) {
    try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Problems of an asset document of a kind. */
  public List<Problem> validate(Kind kind, String file, YNode document) {
    return validate(schemas.get(kind), file, document);
  }

  /** Problems of the {@code apistage.yaml} document. */
  public List<Problem> validateProject(String file, YNode document) {
    return validate(projectSchema, file, document);
  }

  private static List<Problem> validate(Schema schema, String file, YNode document) {
    List<Error> errors = schema.validate(toJson(document));
    List<Problem> problems = new ArrayList<>(errors.size());
    Map<String, List<String>> alternatives = new LinkedHashMap<>();
    for (Error error : errors) {
      if ("required".equals(error.getKeyword())
          && error.getProperty() != null
          && error.getEvaluationPath().toString().contains("anyOf")) {
        alternatives
            .computeIfAbsent(toPointer(error), k -> new ArrayList<>())
            .add(error.getProperty());
        continue;
      }
      problems.add(toProblem(file, document, error));
    }
    alternatives.forEach(
        (pointer, fields) -> {
          Position at = document.positionOf(pointer);
          problems.add(
              Problem.error(
                  file,
                  at,
                  pointer,
                  RuleId.SCHEMA,
                  "needs one of the fields '"
                      + String.join("', '", new TreeSet<>(fields))
                      + "'"
                      + where(pointer)));
        });
    return withoutEchoes(problems);
  }

  /**
   * A field whose value fails its schema is also "unevaluated" in draft 2020-12, and would be
   * reported a second time as unknown; keep only the problem that says what is wrong with it.
   */
  private static List<Problem> withoutEchoes(List<Problem> problems) {
    // a kind schema says "no other fields" twice (additionalProperties for draft-07 editors,
    // unevaluatedProperties for 2020-12), so the same unknown field may come twice
    Set<Problem> out = new LinkedHashSet<>(problems.size());
    for (Problem p : problems) {
      if (p.is(RuleId.UNKNOWN_FIELD) && explained(p.field(), problems)) {
        continue;
      }
      out.add(p);
    }
    return new ArrayList<>(out);
  }

  private static boolean explained(String field, List<Problem> problems) {
    for (Problem other : problems) {
      if (!other.is(RuleId.UNKNOWN_FIELD)
          && (other.field().equals(field) || other.field().startsWith(field + "/"))) {
        return true;
      }
    }
    return false;
  }

  private static Problem toProblem(String file, YNode document, Error error) {
    String pointer = toPointer(error);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    if (keyword.equals("unevaluatedProperties") || keyword.equals("additionalProperties")) {
      String property = error.getProperty();
      String field = property == null ? pointer : JsonPointer.child(pointer, property);
      Position at = keyPosition(document, pointer, property);
      return Problem.error(
          file,
          at,
          field,
          RuleId.UNKNOWN_FIELD,
          "unknown field '"
              + property
              + "'"
              + where(pointer)
              + "; check its spelling against the schema");
    }
    if (keyword.equals("required") && error.getProperty() != null) {
      Position at = document.positionOf(pointer);
      return Problem.error(
          file,
          at,
          JsonPointer.child(pointer, error.getProperty()),
          RuleId.SCHEMA,
          "missing required field '" + error.getProperty() + "'" + where(pointer));
    }
    if (keyword.equals("propertyNames") && error.getProperty() != null) {
      Position at = keyPosition(document, pointer, error.getProperty());
      return Problem.error(
          file,
          at,
          JsonPointer.child(pointer, error.getProperty()),
          RuleId.SCHEMA,
          "key '"
              + error.getProperty()
              + "' "
              + SchemaMessages.describe(error, document.at(pointer), "is not valid here"));
    }
    Position at = document.positionOf(pointer);
    return Problem.error(
        file,
        at,
        pointer,
        RuleId.SCHEMA,
        SchemaMessages.describe(error, document.at(pointer), message(error, pointer)));
  }

  private static String where(String pointer) {
    return pointer.isEmpty() ? "" : " in " + pointer;
  }

  /** networknt prefixes its messages with the instance location; the position says that. */
  private static String message(Error error, String pointer) {
    String message = error.getMessage();
    String location = error.getInstanceLocation().toString();
    if (message.startsWith(location + ": ")) {
      message = message.substring(location.length() + 2);
    } else if (message.startsWith(location + " ")) {
      message = message.substring(location.length() + 1);
    }
    return (pointer.isEmpty() ? "" : pointer + " ") + message;
  }

  private static Position keyPosition(YNode document, String pointer, String property) {
    YNode parent = document.at(pointer);
    if (parent instanceof YMap map && property != null && map.has(property)) {
      return map.keyPosition(property);
    }
    return document.positionOf(pointer);
  }

  private static String toPointer(Error error) {
    StringBuilder out = new StringBuilder();
    var path = error.getInstanceLocation();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append('/').append(JsonPointer.escape(String.valueOf(element)));
    }
    return out.toString();
  }

  /** The document as a Jackson tree, as the schema library reads it. */
  public static JsonNode toJson(YNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof YMap map) {
      ObjectNode object = f.objectNode();
      map.entries().forEach((k, e) -> object.set(k, toJson(e.value())));
      return object;
    }
    if (node instanceof YSeq seq) {
      ArrayNode array = f.arrayNode(seq.size());
      seq.items().forEach(i -> array.add(toJson(i)));
      return array;
    }
    Object value = ((YScalar) node).value();
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof String s) {
      return f.stringNode(s);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return f.numberNode(b);
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? f.stringNode(String.valueOf(d)) : f.numberNode(d);
    }
    return f.stringNode(String.valueOf(value));
  }
}
