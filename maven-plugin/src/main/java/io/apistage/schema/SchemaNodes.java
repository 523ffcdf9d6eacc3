package io.apistage.schema;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The schema around a failed keyword, read from the schemas on the classpath: the object holding an
 * {@code additionalProperties} lists the fields that are known there, the object holding a {@code
 * type} may hold the {@code pattern} the value must match as well.
 */
final class SchemaNodes {

  private static final String BASE = "https://apistage.io/schemas/";
  private static final String RESOURCES = "io/apistage/schemas/";
  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

  private SchemaNodes() {}

  /** The schema object that holds the failed keyword, or a missing node. */
  static JsonNode parentOf(Error error) {
    SchemaLocation location = error.getSchemaLocation();
    if (location == null || location.getAbsoluteIri() == null) {
      return MissingNode.getInstance();
    }
    String iri = location.getAbsoluteIri().toString();
    if (!iri.startsWith(BASE)) {
      return MissingNode.getInstance();
    }
    JsonNode document =
        DOCUMENTS.computeIfAbsent(
            iri,
            i ->
                JsonMapper.shared()
                    .readTree(SchemaValidator.resource(RESOURCES + i.substring(BASE.length()))));
    NodePath fragment = location.getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      String token = String.valueOf(fragment.getElement(i));
      pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return document.at(pointer.toString());
  }
}
