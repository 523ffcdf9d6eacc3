package io.apistage.cache;

import io.apistage.model.Kind;
import io.apistage.schema.SchemaValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a cache must have been written by to be used: the cache format, the plugin build (its jar's
 * name, which holds the version, and for a jar its size and modification time, so that two builds
 * of one snapshot version differ) and the schemas (a digest of every schema file). A cache written
 * by anything else is foreign and ignored.
 */
final class CacheIdentity {

  private static final String FORMAT = "validate-cache/2";

  private static final String CURRENT = FORMAT + " plugin=" + plugin() + " schemas=" + schemas();

  private CacheIdentity() {}

  /** The identity of this plugin build and its schemas. */
  static String current() {
    return CURRENT;
  }

  private static String plugin() {
    CodeSource source = CacheIdentity.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown";
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(location)) {
        return location.getFileName()
            + ":"
            + Files.size(location)
            + ":"
            + Files.getLastModifiedTime(location).toMillis();
      }
      return location.getFileName().toString();
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return "unknown";
    }
  }

  private static String schemas() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Kind kind : Kind.values()) {
        digest.update(text("io/apistage/schemas/" + kind.id() + ".schema.json"));
      }
      digest.update(text("io/apistage/schemas/common.schema.json"));
      digest.update(text(SchemaValidator.PROJECT_SCHEMA));
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] text(String resource) {
    return SchemaValidator.resource(resource).getBytes(StandardCharsets.UTF_8);
  }
}
