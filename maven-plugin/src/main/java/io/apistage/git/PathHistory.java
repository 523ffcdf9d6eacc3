package io.apistage.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The history of one path: the commits reachable from a revision that added, changed or deleted it,
 * newest first, and the last of them that still had the file, for bringing back a deleted file.
 *
 * @since 0.1.0
 */
public final class PathHistory {

  /**
   * What the history of a path holds.
   *
   * @param path the path relative to the config root
   * @param touching the commits that added, changed or deleted the path, newest first
   * @param lastWith the newest of them that has the file, if any
   * @param content the file's bytes at {@code lastWith}, empty when no commit has it
   */
  public record Found(
      String path, List<String> touching, Optional<String> lastWith, Optional<byte[]> content) {
    public Found {
      touching = List.copyOf(touching);
    }
  }

  private PathHistory() {}

  /**
   * The history of a path (relative to the config root) in the commits reachable from {@code
   * commit}.
   */
  public static Found of(GitRepo git, String commit, String path) throws IOException {
    String full = git.prefix() + path;
    List<String> touching = new ArrayList<>();
    try (RevWalk walk = new RevWalk(git.repository())) {
      walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(full), TreeFilter.ANY_DIFF));
      walk.markStart(walk.parseCommit(ObjectId.fromString(commit)));
      for (RevCommit c : walk) {
        touching.add(c.name());
        try (TreeWalk tree = TreeWalk.forPath(git.repository(), full, c.getTree())) {
          if (tree != null) {
            byte[] bytes = git.readBlob(tree.getObjectId(0).name());
            return new Found(path, touching, Optional.of(c.name()), Optional.of(bytes));
          }
        }
      }
    }
    return new Found(path, touching, Optional.empty(), Optional.empty());
  }
}
