package io.apistage.cache;

import io.apistage.git.GitRepo;
import io.apistage.git.WorkTreeIndex;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of a file's content: its Git blob id. For a tracked file whose stat data the index
 * vouches for ({@link WorkTreeIndex}) it is the index's id, without reading the file; otherwise it
 * is computed from the bytes, the same way Git computes it.
 */
final class ContentHashes {

  private final Path root;
  private final WorkTreeIndex index;

  private ContentHashes(Path root, WorkTreeIndex index) {
    this.root = root;
    this.index = index;
  }

  /** The hashes of the files of a config root; without a Git work tree, every file is hashed. */
  static ContentHashes of(Path configRoot, Log log) {
    Path root = configRoot.toAbsolutePath().normalize();
    try (GitRepo git = GitRepo.open(root)) {
      return new ContentHashes(root, WorkTreeIndex.open(git));
    } catch (ApistageException | IOException e) {
      log.debug("validate cache: no Git index to ask (" + e.getMessage() + "); files are hashed");
      return new ContentHashes(root, null);
    }
  }

  /** The blob id of a file when the index vouches for it unread, else null. */
  byte[] known(String path) throws IOException {
    return index == null ? null : index.unchangedBlob(path, root.resolve(path));
  }

  /** The Git blob id of some bytes: SHA-1 of {@code blob <length>\0} and the bytes. */
  static byte[] blobId(byte[] bytes) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return sha1.digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
