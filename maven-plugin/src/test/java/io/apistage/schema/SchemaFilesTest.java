package io.apistage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Defaults;
import io.apistage.model.Kind;
import io.apistage.model.Settings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The schema files themselves: defaults, ids, and that each loads alone in an editor. */
class SchemaFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema(String id) {
    return JSON.readTree(SchemaValidator.resource("io/apistage/schemas/" + id + ".schema.json"));
  }

  @Test
  void defaultKeywordsOfTheSchemasAgreeWithTheModelDefaults() {
    Map<String, Object> found = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      JsonNode root = schema(kind.id());
      collectDefaults(root, root, "", found, 0);
    }
    assertThat(found).isEqualTo(Defaults.all());
  }

  @Test
  void projectSchemaDefaultsAgreeWithTheSettingsDefaults() {
    JsonNode properties = schema("project").get("properties");
    assertThat(properties.get("mainBranch").get("default").asString())
        .isEqualTo(Settings.DEFAULT_MAIN_BRANCH);
    assertThat(properties.get("tagPattern").get("default").asString())
        .isEqualTo(Settings.DEFAULT_TAG_PATTERN);
  }

  @Test
  void everyKindSchemaHasItsIdTitleAndDescriptionAndRejectsUnknownFields() {
    for (Kind kind : Kind.values()) {
      JsonNode root = schema(kind.id());
      assertThat(root.get("$schema").asString())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(root.get("$id").asString())
          .isEqualTo("https://apistage.io/schemas/" + kind.id() + ".schema.json");
      assertThat(root.get("title").asString()).isEqualTo(kind.label());
      assertThat(root.get("description").asString()).isNotBlank();
      assertThat(root.get("unevaluatedProperties").asBoolean(true)).isFalse();
      assertThat(root.get("additionalProperties").asBoolean(true))
          .as("for draft-07 editors")
          .isFalse();
      assertThat(root.get("properties").get("kind").get("const").asString())
          .isEqualTo(kind.label());
    }
  }

  /**
   * An editor loads one schema file by path, so no kind schema may point into another file; each
   * carries its own copy of the common definitions, which must stay equal to common.schema.json.
   */
  @Test
  void everyKindSchemaIsSelfContainedWithTheCommonDefinitions() {
    JsonNode common = schema("common").get("$defs");
    for (Kind kind : Kind.values()) {
      JsonNode root = schema(kind.id());
      assertThat(refs(root)).as(kind.id()).allMatch(ref -> ref.startsWith("#/$defs/"));
      for (Iterator<String> names = common.propertyNames().iterator(); names.hasNext(); ) {
        String name = names.next();
        assertThat(root.get("$defs").get(name))
            .as(kind.id() + " $defs/" + name)
            .isEqualTo(common.get(name));
      }
    }
  }

  private static List<String> refs(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().asString());
        } else {
          out.addAll(refs(e.getValue()));
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> out.addAll(refs(n)));
    }
    return out;
  }

  /** Walks schema keywords (not property names) and records each default by instance path. */
  private static void collectDefaults(
      JsonNode root, JsonNode node, String path, Map<String, Object> out, int depth) {
    if (node == null || !node.isObject() || depth > 30) {
      return;
    }
    if (node.has("default")) {
      JsonNode value = node.get("default");
      out.put(path, value.isBoolean() ? (Object) value.asBoolean() : value.asString());
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asString();
      collectDefaults(
          root, root.get("$defs").get(ref.substring("#/$defs/".length())), path, out, depth + 1);
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> e : properties.properties()) {
        collectDefaults(root, e.getValue(), path + "/" + e.getKey(), out, depth + 1);
      }
    }
    collectDefaults(root, node.get("items"), path + "/*", out, depth + 1);
    collectDefaults(root, node.get("additionalProperties"), path + "/*", out, depth + 1);
    for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
      if (node.get(keyword) != null) {
        node.get(keyword).forEach(sub -> collectDefaults(root, sub, path, out, depth + 1));
      }
    }
    for (String keyword : List.of("then", "else")) {
      collectDefaults(root, node.get(keyword), path, out, depth + 1);
    }
  }
}
