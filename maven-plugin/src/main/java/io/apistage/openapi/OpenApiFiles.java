package io.apistage.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the OpenAPI documents of a config root are read from: the working copy, a commit, or the
 * source a configuration is loaded from. Paths are relative to the config root with forward
 * slashes; a file that is not there is empty, never an exception.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface OpenApiFiles {

  /** The bytes of a file relative to the config root, or empty when there is no regular file. */
  Optional<byte[]> read(String path) throws IOException;

  /** The regular files under a folder on disk; a file reached through a link is not read. */
  static OpenApiFiles onDisk(Path root) {
    return path -> {
      Path file = root.resolve(path).normalize();
      boolean inside =
          file.startsWith(root)
              && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              && file.toRealPath().startsWith(root.toRealPath());
      return inside ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    };
  }
}
