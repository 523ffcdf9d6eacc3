package io.apistage.model;

import java.io.IOException;
import java.util.List;

/**
 * Where the files of a config root come from: a folder on disk, or a tree in Git.
 *
 * @since 0.1.0
 */
public interface ConfigSource {

  /** Every file path, relative to the config root, with forward slashes, sorted. */
  List<String> paths() throws IOException;

  /** The size of a file in bytes, to refuse large files before reading them. */
  long size(String path) throws IOException;

  /** A file's bytes. */
  byte[] read(String path) throws IOException;
}
