package io.apistage.archive;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves an import's staged files into the working copy, all or nothing. A folder the working copy
 * lacks is renamed from the staging folder whole, with every file in it (one rename for a new
 * kind's folder or a new Api's); each other file is renamed from the staging folder over its target
 * (atomically where the file system can: the staging folder is in the config root); a file it
 * replaces or removes is first kept as a link or copy in the staging folder. When any step fails,
 * every step done is undone in reverse order before the failure is reported, so the working copy is
 * left as it was.
 *
 * @since 0.2.0
 */
final class StagedInstall {

  /**
   * One step done: a file written over its former bytes (kept), a file written where there was none
   * or a folder made (kept null), or a file removed (kept).
   */
  private record Step(Path target, Path kept, boolean folderMoved) {
    Step(Path target, Path kept) {
      this(target, kept, false);
    }
  }

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
    Path from = staged.written();
    StagedInstall install = new StagedInstall(root, from.resolve(".kept"));
    Map<String, Long> under = filesUnder(written);
    Map<String, Long> inArchive =
        filesUnder(staged.manifest().entries().stream().map(Manifest.Entry::path).toList());
    try {
      Path moved = null;
      for (String path : written) {
        Path target = install.target(path);
        if (moved != null && target.startsWith(moved)) {
          continue; // came with its folder
        }
        Path missing = install.missingFolder(target, under, inArchive);
        if (missing != null) {
          install.moveFolder(from.resolve(root.relativize(missing).toString()), missing);
          moved = missing;
        } else {
          install.write(staged.staged(path), target);
        }
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

  /** How many of the written files lie under each folder, by the folder's relative path. */
  private static Map<String, Long> filesUnder(List<String> written) {
    Map<String, Long> out = new HashMap<>();
    for (String path : written) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        out.merge(path.substring(0, slash), 1L, Long::sum);
      }
    }
    return out;
  }

  /**
   * The highest folder above {@code target} that the working copy lacks, when every archive file
   * under it is to be written, so the staged folder can be moved in whole; else null.
   */
  private Path missingFolder(Path target, Map<String, Long> written, Map<String, Long> inArchive) {
    Path missing = null;
    for (Path f = target.getParent();
        !f.equals(configDir) && !Files.exists(f, LinkOption.NOFOLLOW_LINKS);
        f = f.getParent()) {
      missing = f;
    }
    if (missing == null) {
      return null;
    }
    String folder = configDir.relativize(missing).toString().replace('\\', '/');
    return written.get(folder).equals(inArchive.get(folder)) ? missing : null;
  }

  /** Moves a whole staged folder to where the working copy has none. */
  private void moveFolder(Path from, Path target) throws IOException {
    folder(target.getParent());
    move(from, target);
    done.push(new Step(target, from, true));
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
        if (step.folderMoved()) {
          move(step.target(), step.kept());
        } else if (step.kept() != null) {
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
