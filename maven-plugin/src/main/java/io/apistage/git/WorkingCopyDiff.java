package io.apistage.git;

import io.apistage.problem.ApistageException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files of one folder that differ between a commit and the working copy (the files on disk,
 * uncommitted edits and new files included), found the way {@code git status} finds them, so that
 * unchanged files are never read:
 *
 * <ol>
 *   <li>the commit's tree against the index, skipping every sub-tree whose id is the same (the
 *       index keeps the tree ids of its folders);
 *   <li>the index against the disk by size and modification time, hashing a file (its blob id,
 *       computed without writing) only when these differ or the entry is racily clean;
 *   <li>the folder listing, for new files the index does not know.
 * </ol>
 *
 * A file that differs in one step is finally compared by blob id, base against disk.
 *
 * @since 0.1.0
 */
public final class WorkingCopyDiff {

  private WorkingCopyDiff() {}

  /**
   * One file that differs.
   *
   * @param path path relative to the config root
   * @param baseBlob the blob id at the commit, empty when the file is new
   * @param onDisk whether the file exists in the working copy (false: deleted)
   */
  public record Delta(String path, Optional<String> baseBlob, boolean onDisk) {}

  /**
   * The files under {@code folder} (relative to the config root, e.g. {@code apis}) whose content
   * in the working copy differs from {@code commit}, sorted by path.
   *
   * @throws ApistageException when the commit's tree is not in the repository (a shallow clone)
   */
  public static List<Delta> changed(GitRepo git, String commit, String folder)
      throws IOException, ApistageException {
    try {
      return walk(git, commit, folder);
    } catch (MissingObjectException e) {
      throw new ApistageException(
          "the tree of the base commit "
              + commit
              + " is missing from this clone (a shallow clone?); run git"
              + " fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)",
          e);
    }
  }

  private static List<Delta> walk(GitRepo git, String commit, String folder) throws IOException {
    Repository repository = git.repository();
    String root = git.prefix() + folder;
    Path workTree = git.workTree();
    DirCache index = repository.readDirCache();
    Map<String, Boolean> candidates = new TreeMap<>();
    RevTree baseTree;
    try (RevWalk revWalk = new RevWalk(repository)) {
      RevCommit base = revWalk.parseCommit(ObjectId.fromString(commit));
      baseTree = base.getTree();
    }

    // 1. base tree against the index
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(baseTree);
      walk.addTree(new DirCacheIterator(index));
      walk.setRecursive(true);
      walk.setFilter(AndTreeFilter.create(PathFilter.create(root), TreeFilter.ANY_DIFF));
      while (walk.next()) {
        candidates.put(walk.getPathString(), Boolean.TRUE);
      }
    }

    // 2. the index against the disk, and 3. files the index does not know: one listing of each
    // folder and one stat of each file, spread over the cores
    File indexFile = repository.getIndexFile();
    Instant indexTime =
        indexFile.exists()
            ? Files.getLastModifiedTime(indexFile.toPath()).toInstant()
            : Instant.MAX;
    String dirPrefix = root + "/";
    int start = index.findEntry(dirPrefix);
    start = start < 0 ? -(start + 1) : start;
    Map<String, DirCacheEntry> tracked = new HashMap<>();
    for (int i = start; i < index.getEntryCount(); i++) {
      DirCacheEntry entry = index.getEntry(i);
      if (!entry.getPathString().startsWith(dirPrefix)) {
        break;
      }
      tracked.put(entry.getPathString(), entry);
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Set<String> differ = ConcurrentHashMap.newKeySet();
    String[] names = workTree.resolve(root).toFile().list();
    if (names != null) {
      try {
        Arrays.stream(names)
            .parallel()
            .forEach(
                name -> scan(workTree, root + "/" + name, tracked, indexTime, seen, differ, 2));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    for (String path : tracked.keySet()) {
      if (!seen.contains(path)) {
        differ.add(path); // gone from the disk
      }
    }
    for (String path : differ) {
      candidates.put(path, Boolean.TRUE);
    }

    List<Delta> out = new ArrayList<>();
    Map<String, ObjectId> baseBlobs = blobsAt(repository, baseTree, candidates.keySet());
    for (String path : candidates.keySet()) {
      Optional<ObjectId> baseBlob = Optional.ofNullable(baseBlobs.get(path));
      Path file = workTree.resolve(path);
      boolean onDisk = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
      if (!onDisk && baseBlob.isEmpty()) {
        continue;
      }
      if (onDisk && baseBlob.isPresent() && blobId(file).equals(baseBlob.get())) {
        continue;
      }
      out.add(
          new Delta(path.substring(git.prefix().length()), baseBlob.map(ObjectId::name), onDisk));
    }
    return out;
  }

  /** Whether the file on disk still holds the content the index records. */
  private static boolean sameAsIndex(Path file, DirCacheEntry entry, Instant indexTime)
      throws IOException {
    if (entry.getStage() != DirCacheEntry.STAGE_0
        || entry.getFileMode() != FileMode.REGULAR_FILE
            && entry.getFileMode() != FileMode.EXECUTABLE_FILE) {
      return false;
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!attributes.isRegularFile()) {
      return false;
    }
    Instant recorded = entry.getLastModifiedInstant();
    Instant onDisk = attributes.lastModifiedTime().toInstant();
    boolean sameTime =
        recorded.equals(onDisk)
            || (recorded.getNano() == 0 && recorded.getEpochSecond() == onDisk.getEpochSecond());
    boolean racy = !recorded.isBefore(indexTime) || entry.isSmudged();
    if (sameTime && attributes.size() == entry.getLength() && !racy) {
      return true;
    }
    return blobId(file).equals(entry.getObjectId());
  }

  /** Scans one path of the disk: a tracked file by stat, a folder by listing, a new file as is. */
  private static void scan(
      Path workTree,
      String path,
      Map<String, DirCacheEntry> tracked,
      Instant indexTime,
      Set<String> seen,
      Set<String> differ,
      int depth) {
    try {
      DirCacheEntry entry = tracked.get(path);
      Path file = workTree.resolve(path);
      if (entry != null) {
        seen.add(path);
        if (!sameAsIndex(file, entry, indexTime)) {
          differ.add(path);
        }
        return;
      }
      String[] names = depth > 0 ? file.toFile().list() : null;
      if (names != null) {
        for (String name : names) {
          scan(workTree, path + "/" + name, tracked, indexTime, seen, differ, depth - 1);
        }
      } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        differ.add(path); // a file the index does not know
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The blob ids of some paths in a tree, found in one walk (a walk per path would read a folder of
   * 10,000 entries once per path); symbolic links and missing paths are left out.
   */
  private static Map<String, ObjectId> blobsAt(
      Repository repository, RevTree tree, Set<String> paths) throws IOException {
    Map<String, ObjectId> out = new HashMap<>();
    if (paths.isEmpty()) {
      return out;
    }
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      walk.setFilter(PathFilterGroup.createFromStrings(paths));
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode.getObjectType() == Constants.OBJ_BLOB && mode != FileMode.SYMLINK) {
          out.put(walk.getPathString(), walk.getObjectId(0));
        }
      }
    }
    return out;
  }

  /** The blob id Git gives a file's bytes, computed without writing anything or holding them. */
  private static ObjectId blobId(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Files.size(file), in);
    }
  }
}
