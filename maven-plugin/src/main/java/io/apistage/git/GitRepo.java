package io.apistage.git;

import io.apistage.problem.ApistageException;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * All Git access of apistage: revisions, files at a revision, and stage refs with a
 * compare-and-swap. Nothing outside this package touches JGit. Paths given and returned are
 * relative to the config root, which may be a sub-folder of the work tree.
 *
 * @since 0.1.0
 */
public final class GitRepo implements Closeable {

  private final Repository repository;
  private final String prefix;
  private final Path workTree;

  private GitRepo(Repository repository, Path workTree, String prefix) {
    this.repository = repository;
    this.workTree = workTree;
    this.prefix = prefix;
  }

  /**
   * Opens the Git work tree that holds {@code configDir}.
   *
   * @throws ApistageException when the folder is not inside a Git work tree
   */
  public static GitRepo open(Path configDir) throws ApistageException {
    Path dir = configDir.toAbsolutePath().normalize();
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw new ApistageException(
          dir
              + " is not inside a Git work tree; run the goal in a clone of the config repository"
              + " (git clone, or git init and a first commit)");
    }
    try {
      Repository repository = builder.setMustExist(true).build();
      if (repository.isBare()) {
        repository.close();
        throw new ApistageException(dir + " is in a bare Git repository; run the goal in a clone");
      }
      Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      Path real = dir.toRealPath();
      Path realTree = workTree.toRealPath();
      String relative = realTree.relativize(real).toString().replace(File.separatorChar, '/');
      String prefix = relative.isEmpty() ? "" : relative + "/";
      return new GitRepo(repository, workTree, prefix);
    } catch (IOException e) {
      throw new ApistageException(
          "cannot open the Git repository of " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The JGit repository, for the other classes of this package. */
  Repository repository() {
    return repository;
  }

  /** The config root's path inside the work tree, "" or ending in "/". */
  public String prefix() {
    return prefix;
  }

  /** The work tree's folder. */
  public Path workTree() {
    return workTree;
  }

  /** Whether the repository is a shallow clone. */
  public boolean isShallow() {
    return Files.exists(repository.getDirectory().toPath().resolve("shallow"));
  }

  /** The current branch's short name, or empty on a detached HEAD. */
  public Optional<String> currentBranch() throws IOException {
    Ref head = repository.exactRef(Constants.HEAD);
    if (head == null || !head.isSymbolic()) {
      return Optional.empty();
    }
    return Optional.of(Repository.shortenRefName(head.getTarget().getName()));
  }

  /** The commit HEAD points at, or empty in a repository without commits. */
  public Optional<String> head() throws IOException {
    ObjectId id = repository.resolve(Constants.HEAD);
    return Optional.ofNullable(id).map(ObjectId::name);
  }

  /**
   * The commit HEAD points at, for goals that read the checked-out config from Git.
   *
   * @throws ApistageException in a repository without commits
   */
  public String requireHead() throws IOException, ApistageException {
    return head()
        .orElseThrow(
            () ->
                new ApistageException("the repository has no commit yet; commit the config first"));
  }

  /** The commit a revision (branch, tag, commit, {@code HEAD~1}) names, or empty. */
  public Optional<String> resolveCommit(String revision) throws IOException {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      return Optional.ofNullable(id).map(ObjectId::name);
    } catch (IncorrectObjectTypeException | MissingObjectException e) {
      return Optional.empty();
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether a ref exists, e.g. {@code refs/remotes/origin/main}. */
  public boolean hasRef(String name) throws IOException {
    return repository.exactRef(name) != null;
  }

  /** The commit a ref points at, or empty when the ref does not exist. */
  public Optional<String> readRef(String name) throws IOException {
    Ref ref = repository.exactRef(name);
    if (ref == null || ref.getObjectId() == null) {
      return Optional.empty();
    }
    return Optional.of(ref.getObjectId().name());
  }

  /** The merge base of two commits, or empty when they share no history. */
  public Optional<String> mergeBase(String a, String b) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
      walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
      RevCommit base = walk.next();
      return Optional.ofNullable(base).map(ObjectId::name);
    }
  }

  /** Whether {@code ancestor} is {@code commit} or one of its ancestors. */
  public boolean isAncestor(String ancestor, String commit) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.isMergedInto(
          walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(commit)));
    }
  }

  /** The commit's metadata. */
  public CommitInfo commitInfo(String commit) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      PersonIdent author = c.getAuthorIdent();
      List<String> parents = new ArrayList<>();
      for (RevCommit parent : c.getParents()) {
        parents.add(parent.name());
      }
      return new CommitInfo(
          c.name(),
          author.getName(),
          author.getEmailAddress(),
          author.getWhenAsInstant(),
          c.getFullMessage(),
          parents);
    }
  }

  /**
   * The blob ids of every file under the config root at a commit, by path relative to the config
   * root, sorted. Reading the listing is cheap; contents are read with {@link #readBlob}.
   */
  public Map<String, String> listFiles(String commit) throws IOException {
    return listFiles(commit, prefix);
  }

  /** Like {@link #listFiles(String)} for a tree whose files start at {@code treePrefix}. */
  public Map<String, String> listFiles(String commit, String treePrefix) throws IOException {
    return listFiles(commit, treePrefix, new ArrayList<>());
  }

  /**
   * Like {@link #listFiles(String)}; the symbolic links under the config root, which are never
   * read, are added to {@code links} (paths relative to the config root) so a goal can name them.
   */
  public Map<String, String> listFiles(String commit, List<String> links) throws IOException {
    return listFiles(commit, prefix, links);
  }

  private Map<String, String> listFiles(String commit, String treePrefix, List<String> links)
      throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      tree.addTree(c.getTree());
      tree.setRecursive(true);
      if (!treePrefix.isEmpty()) {
        tree.setFilter(PathFilter.create(treePrefix.substring(0, treePrefix.length() - 1)));
      }
      while (tree.next()) {
        String path = tree.getPathString();
        if (!path.startsWith(treePrefix) || tree.getFileMode(0) == FileMode.GITLINK) {
          continue;
        }
        if (tree.getFileMode(0) == FileMode.SYMLINK) {
          links.add(path.substring(treePrefix.length()));
        } else {
          out.put(path.substring(treePrefix.length()), tree.getObjectId(0).name());
        }
      }
    }
    return out;
  }

  /** The bytes of a blob. */
  public byte[] readBlob(String blobId) throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB).getBytes();
    }
  }

  /** The size of a blob in bytes, without reading it. */
  public long blobSize(String blobId) throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.getObjectSize(ObjectId.fromString(blobId), Constants.OBJ_BLOB);
    }
  }

  /** A file under the config root at a commit, or empty when it does not exist there. */
  public Optional<byte[]> readFile(String commit, String path) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      try (TreeWalk tree = TreeWalk.forPath(repository, prefix + path, c.getTree())) {
        if (tree == null) {
          return Optional.empty();
        }
        return Optional.of(readBlob(tree.getObjectId(0).name()));
      }
    }
  }

  /** Every tag with the commit it points at, by tag name, sorted. */
  public Map<String, String> tags() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      Ref peeled = repository.getRefDatabase().peel(ref);
      ObjectId id =
          peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
      try (RevWalk walk = new RevWalk(repository)) {
        if (walk.parseAny(id).getType() == Constants.OBJ_COMMIT) {
          out.put(Repository.shortenRefName(ref.getName()), id.name());
        }
      } catch (MissingObjectException e) {
        // a tag whose object is not fetched is no release this repository can read
      }
    }
    return out;
  }

  /**
   * Writes a commit holding exactly the given files (paths at the tree's root) with the given
   * parents, without touching any ref or the work tree; returns its id.
   */
  public String writeCommit(
      Map<String, byte[]> files, List<String> parents, String message, Identity author)
      throws IOException {
    try (ObjectInserter inserter = inserter(files.size())) {
      ObjectId tree = writeTree(inserter, new TreeMap<>(files));
      ObjectId id = BlobWriter.insertCommit(inserter, tree, parents, message, author);
      inserter.flush();
      return id.name();
    }
  }

  /**
   * An inserter for about {@code objects} new objects: one pack file for many (a stage's tree of
   * 20,000 files written as loose objects takes seconds of file creation), loose objects for few.
   */
  private ObjectInserter inserter(int objects) {
    if (objects > 256 && repository.getObjectDatabase() instanceof ObjectDirectory directory) {
      PackInserter pack = directory.newPackInserter();
      pack.checkExisting(true);
      return pack;
    }
    return repository.newObjectInserter();
  }

  private static ObjectId writeTree(ObjectInserter inserter, TreeMap<String, byte[]> files)
      throws IOException {
    // Group by first path segment; git sorts tree entries with folders as if they ended in '/'.
    Map<String, TreeMap<String, byte[]>> folders = new TreeMap<>();
    Map<String, byte[]> blobs = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      int slash = e.getKey().indexOf('/');
      if (slash < 0) {
        blobs.put(e.getKey(), e.getValue());
      } else {
        folders
            .computeIfAbsent(e.getKey().substring(0, slash), k -> new TreeMap<>())
            .put(e.getKey().substring(slash + 1), e.getValue());
      }
    }
    Map<String, Object> entries =
        new TreeMap<>((x, y) -> sortKey(x, folders).compareTo(sortKey(y, folders)));
    entries.putAll(blobs);
    entries.putAll(folders);
    TreeFormatter formatter = new TreeFormatter();
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (e.getValue() instanceof byte[] bytes) {
        formatter.append(
            e.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, bytes));
      } else {
        @SuppressWarnings("unchecked")
        TreeMap<String, byte[]> sub = (TreeMap<String, byte[]>) e.getValue();
        formatter.append(e.getKey(), FileMode.TREE, writeTree(inserter, sub));
      }
    }
    return inserter.insert(formatter);
  }

  private static String sortKey(String name, Map<String, ?> folders) {
    return folders.containsKey(name) ? name + "/" : name;
  }

  /**
   * Moves a ref from {@code expectedOld} (empty: the ref must not exist) to {@code newCommit}
   * atomically; false when the ref has moved meanwhile, so the caller re-reads and retries.
   */
  public boolean compareAndSwap(
      String ref, Optional<String> expectedOld, String newCommit, String reflog)
      throws IOException {
    RefUpdate update = repository.updateRef(ref);
    update.setExpectedOldObjectId(expectedOld.map(ObjectId::fromString).orElse(ObjectId.zeroId()));
    update.setNewObjectId(ObjectId.fromString(newCommit));
    update.setRefLogMessage(reflog, false);
    update.setForceUpdate(true);
    RefUpdate.Result result = update.update();
    return switch (result) {
      case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> true;
      case LOCK_FAILURE,
          REJECTED,
          REJECTED_CURRENT_BRANCH,
          REJECTED_MISSING_OBJECT,
          REJECTED_OTHER_REASON ->
          false;
      default -> throw new IOException("cannot update " + ref + ": " + result);
    };
  }

  /** Every file of a commit's whole tree (not only under the config root), by path. */
  public Map<String, byte[]> readAll(String commit) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : listFiles(commit, "").entrySet()) {
      out.put(e.getKey(), readBlob(e.getValue()));
    }
    return out;
  }

  @Override
  public void close() {
    repository.close();
  }
}
