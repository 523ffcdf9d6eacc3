package io.apistage.lifecycle;

import io.apistage.model.ConfigSource;
import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The files a lifecycle goal means to write, each with its bytes before (null for a new file) and
 * after: seen together with the rest of the config root for validation before anything is written,
 * shown as a unified diff, or written, each file replaced atomically (a temporary file in the same
 * folder, then an atomic move over the old one).
 *
 * @since 0.1.0
 */
public final class FileEdits {

  /**
   * One file to write.
   *
   * @param path the path relative to the config root
   * @param before the bytes on disk, null when the file is new
   * @param after the bytes to write
   */
  public record Edit(String path, byte[] before, byte[] after) {}

  private final Path root;
  private final Map<String, Edit> edits = new LinkedHashMap<>();

  /** No edits yet, for the config root {@code root}. */
  public FileEdits(Path root) {
    this.root = root;
  }

  /** Adds a file to write. */
  public FileEdits put(String path, byte[] before, byte[] after) {
    edits.put(path, new Edit(path, before, after));
    return this;
  }

  /** The files to write, in the order they were added. */
  public List<Edit> edits() {
    return List.copyOf(edits.values());
  }

  /** The paths of the files to write, in the order they were added. */
  public List<String> paths() {
    return List.copyOf(edits.keySet());
  }

  /** The config root as it will be once the edits are written, read without writing them. */
  public ConfigSource source() {
    DirectorySource disk = new DirectorySource(root);
    return new ConfigSource() {
      @Override
      public List<String> paths() throws IOException {
        TreeSet<String> all = new TreeSet<>(disk.paths());
        all.addAll(edits.keySet());
        return List.copyOf(all);
      }

      @Override
      public long size(String path) throws IOException {
        Edit edit = edits.get(path);
        return edit != null ? edit.after().length : disk.size(path);
      }

      @Override
      public byte[] read(String path) throws IOException {
        Edit edit = edits.get(path);
        return edit != null ? edit.after().clone() : disk.read(path);
      }

      @Override
      public List<Problem> skipped() throws IOException {
        return disk.skipped();
      }

      @Override
      public Optional<Path> diskRoot() {
        return disk.diskRoot();
      }
    };
  }

  /** The unified diff of every file, for a dry run. */
  public List<String> diff() {
    List<String> out = new ArrayList<>();
    for (Edit edit : edits.values()) {
      out.addAll(
          UnifiedDiff.of(
              edit.path(),
              edit.before() == null ? null : new String(edit.before(), StandardCharsets.UTF_8),
              new String(edit.after(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** Writes every file, each replaced atomically. */
  public void write() throws IOException {
    for (Edit edit : edits.values()) {
      writeAtomically(root.resolve(edit.path()), edit.after());
    }
  }

  /** Writes a file through a temporary file in its folder and an atomic move over the target. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".apistage-tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "cannot replace " + target + " atomically on this file system: " + e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
