package io.apistage.git;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Commits of a branch whose files sit at the root of its tree (a stage's branch): one that adds a
 * few files to its parent's tree without reading the others, and the commit that added a file.
 *
 * @since 0.2.0
 */
public final class BranchCommits {

  private final GitRepo git;

  /** The branch commits of a repository. */
  public BranchCommits(GitRepo git) {
    this.git = git;
  }

  /**
   * Writes a commit whose tree is its parent's with some files added or replaced (paths at the
   * tree's root), without reading the parent's other files; returns its id. A stage write that adds
   * one history record to a branch of thousands of files costs one record, not the branch.
   */
  public String writeCommitAdding(
      String parent, Map<String, byte[]> files, String message, Identity author)
      throws IOException {
    try (ObjectInserter inserter = git.repository().newObjectInserter();
        ObjectReader reader = git.repository().newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(ObjectId.fromString(parent));
      DirCache merged = DirCache.newInCore();
      DirCacheBuilder builder = merged.builder();
      try (TreeWalk tree = new TreeWalk(reader)) {
        tree.addTree(base.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          if (!files.containsKey(tree.getPathString())) {
            DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
            entry.setFileMode(tree.getFileMode(0));
            entry.setObjectId(tree.getObjectId(0));
            builder.add(entry);
          }
        }
      }
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(e.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, e.getValue()));
        builder.add(entry);
      }
      builder.finish();
      ObjectId id =
          BlobWriter.insertCommit(
              inserter, merged.writeTree(inserter), List.of(base.name()), message, author);
      inserter.flush();
      return id.name();
    }
  }

  /**
   * The commit that added a file at the root of a tree (a stage branch's layout): following first
   * parents from {@code commit}, the oldest commit that still has {@code path}; empty when {@code
   * commit} does not have it.
   */
  public Optional<String> commitThatAdded(String commit, String path) throws IOException {
    try (RevWalk walk = new RevWalk(git.repository())) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      String found = null;
      while (c != null) {
        try (TreeWalk tree = TreeWalk.forPath(git.repository(), path, c.getTree())) {
          if (tree == null) {
            break;
          }
        }
        found = c.name();
        c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
      }
      return Optional.ofNullable(found);
    }
  }
}
