package io.apistage.git;

import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of one folder that differ between a commit and the working copy (the files on disk,
 * uncommitted edits included). A file is compared by blob id: the id Git would give the file on
 * disk is taken from the index when the file's size and time match the index (as {@code git
 * status} does), and computed from its bytes otherwise, so unchanged files are never read.
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
          "the tree of the base commit " + commit + " is missing from this clone (a shallow clone?); run git"
              + " fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)",
          e);
    }
  }

  private static List<Delta> walk(GitRepo git, String commit, String folder) throws IOException {
    Repository repository = git.repository();
    String root = git.prefix() + folder;
    List<Delta> out = new ArrayList<>();
    try (RevWalk revWalk = new RevWalk(repository);
        TreeWalk walk = new TreeWalk(repository)) {
      RevCommit base = revWalk.parseCommit(ObjectId.fromString(commit));
      walk.addTree(base.getTree());
      DirCache index = repository.readDirCache();
      int indexTree = walk.addTree(new DirCacheIterator(index));
      FileTreeIterator files = new FileTreeIterator(repository);
      int fileTree = walk.addTree(files);
      files.setDirCacheIterator(walk, indexTree);
      walk.setRecursive(true);
      walk.setFilter(PathFilter.create(root));
      while (walk.next()) {
        FileMode baseMode = walk.getFileMode(0);
        boolean inBase = baseMode.getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB
            && baseMode != FileMode.SYMLINK;
        WorkingTreeIterator disk = walk.getTree(fileTree, WorkingTreeIterator.class);
        boolean onDisk = disk != null && disk.getEntryFileMode().getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB
            && disk.getEntryFileMode() != FileMode.SYMLINK;
        if (!inBase && !onDisk) {
          continue;
        }
        String path = walk.getPathString().substring(git.prefix().length());
        if (inBase && onDisk) {
          ObjectId diskId = disk.getEntryObjectId();
          if (diskId.equals(walk.getObjectId(0))) {
            continue;
          }
        }
        out.add(new Delta(path, inBase ? Optional.of(walk.getObjectId(0).name()) : Optional.empty(), onDisk));
      }
    }
    return out;
  }
}
