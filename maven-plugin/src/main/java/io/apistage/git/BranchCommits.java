package io.apistage.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
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
   * tree's root), without reading the parent's other files; returns its id. Only the trees on the
   * files' paths are read and written again, so a stage write that adds one history record to a
   * branch of tens of thousands of files costs a few trees, not a walk of the branch.
   */
  public String writeCommitAdding(
      String parent, Map<String, byte[]> files, String message, Identity author)
      throws IOException {
    try (ObjectInserter inserter = git.repository().newObjectInserter();
        ObjectReader reader = git.repository().newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(ObjectId.fromString(parent));
      Map<String, ObjectId> blobs = new TreeMap<>();
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        blobs.put(e.getKey(), inserter.insert(Constants.OBJ_BLOB, e.getValue()));
      }
      ObjectId tree = withFiles(reader, inserter, base.getTree(), "", blobs);
      ObjectId id = BlobWriter.insertCommit(inserter, tree, List.of(base.name()), message, author);
      inserter.flush();
      return id.name();
    }
  }

  /** One entry of a tree: its name, mode and object. */
  private record Entry(String name, FileMode mode, ObjectId id) {
    /** Git's order of a tree's entries: by name, a tree's name as if it ended with a slash. */
    static final Comparator<Entry> ORDER =
        (a, b) -> Arrays.compareUnsigned(a.sortKey(), b.sortKey());

    byte[] sortKey() {
      return (isTree(mode) ? name + "/" : name).getBytes(StandardCharsets.UTF_8);
    }

    static boolean isTree(FileMode mode) {
      return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
  }

  /**
   * The tree {@code tree} (null for none) at path {@code at} with {@code files} (paths below it, to
   * blob ids) put in as regular files: the trees on their paths are rebuilt, every other entry is
   * kept by id.
   */
  private static ObjectId withFiles(
      ObjectReader reader,
      ObjectInserter inserter,
      AnyObjectId tree,
      String at,
      Map<String, ObjectId> files)
      throws IOException {
    Map<String, ObjectId> here = new TreeMap<>();
    Map<String, Map<String, ObjectId>> below = new TreeMap<>();
    files.forEach(
        (path, id) -> {
          int slash = path.indexOf('/');
          if (slash < 0) {
            here.put(path, id);
          } else {
            below
                .computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>())
                .put(path.substring(slash + 1), id);
          }
        });
    List<Entry> entries = new ArrayList<>();
    Map<String, ObjectId> subtrees = new TreeMap<>();
    if (tree != null) {
      CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
      for (; !parser.eof(); parser.next()) {
        String name = parser.getEntryPathString();
        FileMode mode = parser.getEntryFileMode();
        boolean isTree = Entry.isTree(mode);
        if (here.containsKey(name) ? isTree : below.containsKey(name) && !isTree) {
          throw new IOException(
              "cannot add a file at "
                  + at
                  + name
                  + ": a "
                  + (isTree ? "folder" : "file")
                  + " is there");
        }
        if (isTree && below.containsKey(name)) {
          subtrees.put(name, parser.getEntryObjectId());
        } else if (!here.containsKey(name)) {
          entries.add(new Entry(name, mode, parser.getEntryObjectId()));
        }
      }
    }
    here.forEach((name, id) -> entries.add(new Entry(name, FileMode.REGULAR_FILE, id)));
    for (Map.Entry<String, Map<String, ObjectId>> sub : below.entrySet()) {
      ObjectId rebuilt =
          withFiles(
              reader,
              inserter,
              subtrees.get(sub.getKey()),
              at + sub.getKey() + "/",
              sub.getValue());
      entries.add(new Entry(sub.getKey(), FileMode.TREE, rebuilt));
    }
    entries.sort(Entry.ORDER);
    TreeFormatter formatter = new TreeFormatter();
    entries.forEach(e -> formatter.append(e.name(), e.mode(), e.id()));
    return inserter.insert(formatter);
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
