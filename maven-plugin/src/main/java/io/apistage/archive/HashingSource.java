package io.apistage.archive;

import io.apistage.model.ConfigSource;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A config source that records the size and SHA-256 of each file as it is read, so export hashes
 * each file while the loader parses it (on the loader's threads) instead of reading every file once
 * more for its manifest.
 *
 * @since 0.2.0
 */
final class HashingSource implements ConfigSource {

  /**
   * A file's size and SHA-256 as read.
   *
   * @param size its length in bytes
   * @param sha256 its SHA-256, lower-case hex
   */
  record Digest(long size, String sha256) {}

  private final ConfigSource source;
  private final Map<String, Digest> digests = new ConcurrentHashMap<>();

  HashingSource(ConfigSource source) {
    this.source = source;
  }

  /** The digest of a file's bytes as this source last read them. */
  Digest digest(String path) throws IOException {
    Digest digest = digests.get(path);
    return digest != null ? digest : record(path, source.read(path));
  }

  private Digest record(String path, byte[] bytes) {
    Digest digest = new Digest(bytes.length, HexFormat.of().formatHex(ArchiveHeader.sha256(bytes)));
    digests.put(path, digest);
    return digest;
  }

  @Override
  public List<String> paths() throws IOException {
    return source.paths();
  }

  @Override
  public long size(String path) throws IOException {
    return source.size(path);
  }

  @Override
  public byte[] read(String path) throws IOException {
    byte[] bytes = source.read(path);
    record(path, bytes);
    return bytes;
  }

  @Override
  public List<Problem> skipped() throws IOException {
    return source.skipped();
  }

  @Override
  public Optional<Path> diskRoot() {
    return source.diskRoot();
  }
}
