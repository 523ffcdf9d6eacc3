package io.apistage.report;

import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for reports and stage records, through Jackson (already on the classpath for the schema
 * library), indented and with stable key order.
 *
 * @since 0.1.0
 */
public final class Json {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  /** The value (maps, lists, records, scalars) as indented JSON text, ending in a newline. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value) + "\n";
  }

  /** Parses JSON text into maps, lists and scalars. */
  public static Object read(String text) throws IOException {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the value to a file atomically (a temporary file moved into place). */
  public static void writeFile(Path file, Object value) throws IOException {
    AtomicFiles.write(file, write(value));
  }
}
