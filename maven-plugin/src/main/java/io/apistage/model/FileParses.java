package io.apistage.model;

import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;

/**
 * How a {@link ConfigLoader} gets the parse of one file: {@link #READ} reads and parses it; the
 * validate cache (docs/validate.md, "The cache") answers from an earlier run when the file's
 * content is unchanged. Called from several threads at once.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface FileParses {

  /** Reads the file and parses it, refusing a file over the parser's size limit unread. */
  FileParses READ =
      (source, path, parser) -> {
        long size = source.size(path);
        return size > parser.maxFileBytes()
            ? parser.oversized(path, size)
            : parser.parse(source.read(path), path);
      };

  /** The parse of {@code path} of {@code source}. */
  ParsedFile parse(ConfigSource source, String path, YamlParser parser) throws IOException;
}
