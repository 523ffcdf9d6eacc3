package io.apistage.archive;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves an import's staged files into the working copy, all or nothing. Each file is renamed from
 * the staging folder over its target (atomically where the file system can: the staging folder is
 * in the config root); a file it replaces or removes is first kept as a link or copy in the staging
 * folder. When any step fails, every step done is undone in reverse order before the failure is
 * reported, so the working copy is left as it was.
 *
 * @since 0.2.0
 */
final class StagedInstall {

  /**
   * One step done: a file written over its former bytes (kept), a file written where there was none
   * or a folder made (kept null), or a file removed (kept).
   */
  private record Step(Path target, Path kept) {}

  private final Path configDir;
  private final Path realRoot;
  private final Path keep;
  private final Deque<Step> done = new ArrayDeque<>();
  private final Set<Path> folders = new HashSet<>();
  private int kept;

  private StagedInstall(Path configDir, Path keep) throws IOException {
    this.configDir = configDir;
    this.realRoot = configDir.toRealPath();
    this.keep = keep;
  }

  /**
   * Writes every planned file from the staging folder into place and deletes the removed ones.
   *
   * @throws IOException after the working copy has been put back as it was
   */
  static void install(StagedArchive staged, Path configDir, List<String> written, List<String> gone)
      throws IOException {
    Path root = configDir.toAbsolutePath().normalize();
    StagedInstall install = new StagedInstall(root, staged.folder().resolve(".kept"));
    try {
      for (String path : written) {
        install.write(staged.staged(path), install.target(path));
      }
      for (String path : gone) {
        install.remove(install.target(path));
      }
    } catch (IOException | RuntimeException e) {
      install.undo(e);
      throw e;
    }
  }

  private Path target(String path) throws IOException {
    Path target = configDir.resolve(path).normalize();
    if (!target.startsWith(configDir) || target.equals(configDir)) {
      throw new IOException(path + " is outside the config root");
    }
    return target;
  }

  private void write(Path from, Path target) throws IOException {
    folder(target.getParent());
    Path former = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? keep(target) : null;
    move(from, target);
    done.push(new Step(target, former));
  }

  /** Makes a folder and its missing parents, each a step to undo. */
  private void folder(Path folder) throws IOException {
    if (folders.contains(folder)) {
      return;
    }
    if (Files.isDirectory(folder)) {
      // a folder reached through a symbolic link could be outside the config root
      if (!folder.toRealPath().startsWith(realRoot)) {
        throw new IOException(
            configDir.relativize(folder)
                + " leads outside the config root through a symbolic link; nothing was written");
      }
      folders.add(folder);
      return;
    }
    folder(folder.getParent());
    Files.createDirectory(folder);
    folders.add(folder);
    done.push(new Step(folder, null));
  }

  private void remove(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path former = keep(target);
    Files.delete(target);
    done.push(new Step(target, former));
  }

  /** A hard link to (or else a copy of) a file about to be replaced or removed. */
  private Path keep(Path target) throws IOException {
    Files.createDirectories(keep);
    Path copy = keep.resolve(Integer.toString(kept++));
    try {
      Files.createLink(copy, target);
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.copy(target, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }
    return copy;
  }

  private void undo(Exception failure) {
    while (!done.isEmpty()) {
      Step step = done.pop();
      try {
        if (step.kept() != null) {
          move(step.kept(), step.target());
        } else {
          Files.deleteIfExists(step.target());
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Moves a file over another, atomically where the file system can. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
