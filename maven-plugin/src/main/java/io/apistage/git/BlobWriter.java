package io.apistage.git;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Stores blobs as they are produced, so a writer of thousands of files never holds their bytes at
 * once, then commits a {@link BlobTree} of them. Many objects go into one pack file (thousands of
 * loose objects take seconds of file creation); an object the repository has already is not written
 * again. Safe to call {@link #write} from several threads.
 *
 * @since 0.2.0
 */
public final class BlobWriter implements AutoCloseable {

  private final ObjectInserter inserter;

  /** A writer into a repository's object database. */
  public BlobWriter(GitRepo git) {
    if (git.repository().getObjectDatabase() instanceof ObjectDirectory directory) {
      PackInserter pack = directory.newPackInserter();
      pack.checkExisting(true);
      this.inserter = pack;
    } else {
      this.inserter = git.repository().newObjectInserter();
    }
  }

  /** Stores a blob (visible once {@link #flush} or {@link #commit} ran); returns its id. */
  public synchronized String write(byte[] bytes) throws IOException {
    return inserter.insert(Constants.OBJ_BLOB, bytes).name();
  }

  /** Makes the blobs written so far visible in the repository. */
  public synchronized void flush() throws IOException {
    inserter.flush();
  }

  /**
   * Writes the trees of {@code tree} and a commit of them with {@code parents}, and makes every
   * object written visible; returns the commit's id.
   */
  public synchronized String commit(
      BlobTree tree, List<String> parents, String message, Identity author) throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, String> e : tree.files().entrySet()) {
      DirCacheEntry entry = new DirCacheEntry(e.getKey());
      entry.setFileMode(FileMode.REGULAR_FILE);
      entry.setObjectId(ObjectId.fromString(e.getValue()));
      builder.add(entry);
    }
    builder.finish();
    ObjectId id = insertCommit(inserter, index.writeTree(inserter), parents, message, author);
    inserter.flush();
    return id.name();
  }

  /** Inserts a commit of a tree with parents, authored and committed by {@code author}. */
  static ObjectId insertCommit(
      ObjectInserter inserter, ObjectId tree, List<String> parents, String message, Identity author)
      throws IOException {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    for (String parent : parents) {
      commit.addParentId(ObjectId.fromString(parent));
    }
    PersonIdent ident =
        new PersonIdent(author.name(), author.email(), author.when(), ZoneOffset.UTC);
    commit.setAuthor(ident);
    commit.setCommitter(ident);
    commit.setMessage(message);
    return inserter.insert(commit);
  }

  @Override
  public synchronized void close() {
    inserter.close();
  }
}
