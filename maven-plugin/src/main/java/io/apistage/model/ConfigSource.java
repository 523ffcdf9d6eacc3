package io.apistage.model;

import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

  /** This source restricted to some of its paths (e.g. only the stages and settings). */
  default ConfigSource only(List<String> paths) {
    ConfigSource all = this;
    List<String> kept = List.copyOf(paths);
    return new ConfigSource() {
      @Override
      public List<String> paths() {
        return kept;
      }

      @Override
      public long size(String path) throws IOException {
        return all.size(path);
      }

      @Override
      public byte[] read(String path) throws IOException {
        return all.read(path);
      }

      @Override
      public Optional<Path> diskRoot() {
        return all.diskRoot();
      }
    };
  }

  /**
   * The folder on disk the files come from, where other files of the config root (an Api's OpenAPI
   * document) may be read too; empty for a tree in Git or in memory.
   */
  default Optional<Path> diskRoot() {
    return Optional.empty();
  }

  /**
   * Warnings about entries that are not read although they sit where files are read (symbolic links
   * on disk); none by default.
   */
  default List<Problem> skipped() throws IOException {
    return List.of();
  }
}
