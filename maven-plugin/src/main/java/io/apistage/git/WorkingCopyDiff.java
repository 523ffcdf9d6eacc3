package io.apistage.git;

import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
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
    DirCache index = repository.readDirCache();
    RevTree baseTree;
    try (RevWalk revWalk = new RevWalk(repository)) {
      baseTree = revWalk.parseCommit(ObjectId.fromString(commit)).getTree();
    }
    Map<String, ObjectId> candidates = againstIndex(repository, baseTree, index, root);
    Tracked state = scanDisk(git, index, root);
    for (String path : state.differ) {
      if (!candidates.containsKey(path)) {
        candidates.put(path, sameAsBase(repository, baseTree, index, state.find(path), path));
      }
    }
    List<Delta> out = new ArrayList<>();
    for (Map.Entry<String, ObjectId> candidate : candidates.entrySet()) {
      String path = candidate.getKey();
      Optional<ObjectId> baseBlob = Optional.ofNullable(candidate.getValue());
      Path file = git.workTree().resolve(path);
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

  /**
   * Step 1: the base tree against the index, keeping the base's blob of each path that differs
   * (null when the base has no regular file there). A path in a merge conflict has an index entry
   * per stage, met one after the other, the base beside the first only: it is left to step 2, which
   * finds every stage different from the disk.
   */
  private static Map<String, ObjectId> againstIndex(
      Repository repository, RevTree baseTree, DirCache index, String root) throws IOException {
    Map<String, ObjectId> candidates = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(baseTree);
      int inIndex = walk.addTree(new DirCacheIterator(index));
      walk.setRecursive(true);
      walk.setFilter(AndTreeFilter.create(PathFilter.create(root), TreeFilter.ANY_DIFF));
      while (walk.next()) {
        DirCacheIterator entry = walk.getTree(inIndex, DirCacheIterator.class);
        if (entry != null
            && entry.getDirCacheEntry() != null
            && entry.getDirCacheEntry().getStage() != DirCacheEntry.STAGE_0) {
          continue;
        }
        candidates.put(
            walk.getPathString(), isRegular(walk.getFileMode(0)) ? walk.getObjectId(0) : null);
      }
    }
    return candidates;
  }

  /**
   * Steps 2 and 3: the index against the disk, and files the index does not know: one listing of
   * each folder and one stat of each file, spread over the cores.
   */
  private static Tracked scanDisk(GitRepo git, DirCache index, String root) throws IOException {
    // the index is sorted by path bytes: the entries under root/ end where root0 would go ('0'
    // follows '/'), and a path is found by binary search, without decoding every entry's path
    int start = insertionPoint(index.findEntry(root + "/"));
    int end = insertionPoint(index.findEntry(root + "0"));
    Tracked state = new Tracked(index, start, end, WorkTreeIndex.of(git, index));
    Path folderOnDisk = git.workTree().resolve(root);
    String[] names = folderOnDisk.toFile().list();
    if (names != null) {
      try {
        Arrays.stream(names)
            .parallel()
            .forEach(name -> scan(folderOnDisk.resolve(name), root + "/" + name, state, 2));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    for (int i = start; i < end; i++) {
      if (!state.seen[i - start]) {
        state.differ.add(index.getEntry(i).getPathString()); // gone from the disk
      }
    }
    return state;
  }

  /**
   * The base's blob at a path where the base and the index agree (step 1 found no difference
   * there): the index's blob, read from the base's tree only for a path in a merge conflict; null
   * when no regular file is there.
   */
  private static ObjectId sameAsBase(
      Repository repository, RevTree baseTree, DirCache index, int at, String path)
      throws IOException {
    if (at < 0) {
      return null; // unknown to the index, so unknown to the base, or step 1 had found it
    }
    DirCacheEntry entry = index.getEntry(at);
    if (entry.getStage() == DirCacheEntry.STAGE_0) {
      return isRegular(entry.getFileMode()) ? entry.getObjectId() : null;
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, baseTree)) {
      return walk != null && isRegular(walk.getFileMode(0)) ? walk.getObjectId(0) : null;
    }
  }

  private static boolean isRegular(FileMode mode) {
    return WorkTreeIndex.isRegular(mode);
  }

  /** The index entries under the folder, and what the scan of the disk found about them. */
  private static final class Tracked {
    final DirCache index;
    final int start;
    final int end;
    final boolean[] seen;
    final WorkTreeIndex stat;
    final Set<String> differ = ConcurrentHashMap.newKeySet();

    Tracked(DirCache index, int start, int end, WorkTreeIndex stat) {
      this.index = index;
      this.start = start;
      this.end = end;
      this.seen = new boolean[end - start];
      this.stat = stat;
    }

    /** The position of a path's entry under the folder, or -1. */
    int find(String path) {
      int at = index.findEntry(path);
      return at >= start && at < end ? at : -1;
    }
  }

  private static int insertionPoint(int found) {
    return found < 0 ? -(found + 1) : found;
  }

  /** Whether the file on disk still holds the content the index records. */
  private static boolean sameAsIndex(Path file, DirCacheEntry entry, WorkTreeIndex stat)
      throws IOException {
    if (entry.getStage() != DirCacheEntry.STAGE_0 || !isRegular(entry.getFileMode())) {
      return false;
    }
    BasicFileAttributes attributes = WorkTreeIndex.regularFile(file);
    if (attributes == null) {
      return false;
    }
    return stat.unchanged(attributes, entry) || blobId(file).equals(entry.getObjectId());
  }

  /**
   * Scans one path of the disk: a tracked file by stat, a folder by listing, a new file as is. The
   * file is resolved from its folder's path, not parsed again from the whole path.
   */
  private static void scan(Path file, String path, Tracked state, int depth) {
    try {
      int at = state.find(path);
      if (at >= 0) {
        state.seen[at - state.start] = true;
        if (!sameAsIndex(file, state.index.getEntry(at), state.stat)) {
          state.differ.add(path);
        }
        return;
      }
      String[] names = depth > 0 ? file.toFile().list() : null;
      if (names != null) {
        for (String name : names) {
          scan(file.resolve(name), path + "/" + name, state, depth - 1);
        }
      } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        state.differ.add(path); // a file the index does not know
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blob id Git gives a file's bytes, computed without writing anything or holding them. */
  private static ObjectId blobId(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Files.size(file), in);
    }
  }
}
