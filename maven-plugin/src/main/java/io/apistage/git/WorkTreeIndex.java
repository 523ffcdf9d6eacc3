package io.apistage.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;

/**
 * What the Git index knows of the files in the work tree, the way {@code git status} uses it: a
 * tracked file whose size and modification time are those the index recorded, and that is not
 * racily clean (modified in the same instant the index was written), still holds the blob the index
 * names, so its content need not be read to know its blob id. {@code check-versions} (through
 * {@link WorkingCopyDiff}) and the validate cache both ask this.
 *
 * @since 0.2.0
 */
public final class WorkTreeIndex {

  private final DirCache index;
  private final Instant indexTime;
  private final String prefix;

  private WorkTreeIndex(DirCache index, Instant indexTime, String prefix) {
    this.index = index;
    this.indexTime = indexTime;
    this.prefix = prefix;
  }

  /** The index of the repository whose work tree holds {@code git}'s config root. */
  static WorkTreeIndex of(GitRepo git, DirCache index) throws IOException {
    File indexFile = git.repository().getIndexFile();
    Instant time =
        indexFile.exists()
            ? Files.getLastModifiedTime(indexFile.toPath()).toInstant()
            : Instant.MAX;
    return new WorkTreeIndex(index, time, git.prefix());
  }

  /** The index of {@code git}'s repository, read now. */
  public static WorkTreeIndex open(GitRepo git) throws IOException {
    return of(git, git.repository().readDirCache());
  }

  /**
   * The blob id of a file of the config root when the index vouches for it (tracked, not in a merge
   * conflict, same size and modification time, not racily clean); null when its content must be
   * read to know it.
   *
   * @param path the file relative to the config root
   * @param file the file on disk
   * @return the 20 bytes of the blob id, or null
   */
  public byte[] unchangedBlob(String path, Path file) throws IOException {
    int at = index.findEntry(prefix + path);
    if (at < 0) {
      return null;
    }
    DirCacheEntry entry = index.getEntry(at);
    if (!unchanged(file, entry)) {
      return null;
    }
    byte[] id = new byte[20];
    entry.getObjectId().copyRawTo(id, 0);
    return id;
  }

  /** The attributes of a regular file, links not followed; null when it is missing or not one. */
  static BasicFileAttributes regularFile(Path file) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? attributes : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Whether the file on disk still holds the content the index records, by stat alone. */
  boolean unchanged(Path file, DirCacheEntry entry) throws IOException {
    BasicFileAttributes attributes = regularFile(file);
    return attributes != null && unchanged(attributes, entry);
  }

  /** The same, for a regular file's attributes. */
  boolean unchanged(BasicFileAttributes attributes, DirCacheEntry entry) {
    if (entry.getStage() != DirCacheEntry.STAGE_0
        || !isRegular(entry.getFileMode())
        || entry.isAssumeValid()
        || entry.isSkipWorkTree()) {
      return false;
    }
    Instant recorded = entry.getLastModifiedInstant();
    Instant onDisk = attributes.lastModifiedTime().toInstant();
    boolean sameTime =
        recorded.equals(onDisk)
            || (recorded.getNano() == 0 && recorded.getEpochSecond() == onDisk.getEpochSecond());
    boolean racy = !recorded.isBefore(indexTime) || entry.isSmudged();
    return sameTime && attributes.size() == entry.getLength() && !racy;
  }

  static boolean isRegular(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }
}
