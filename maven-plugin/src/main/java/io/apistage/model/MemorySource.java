package io.apistage.model;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files held in memory, by path relative to the config root; used for trees read from Git and in
 * tests.
 *
 * @since 0.1.0
 */
public final class MemorySource implements ConfigSource {

  private final Map<String, byte[]> files;

  /** The given files. */
  public MemorySource(Map<String, byte[]> files) {
    this.files = new TreeMap<>(files);
  }

  @Override
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  @Override
  public long size(String path) throws IOException {
    return bytes(path).length;
  }

  @Override
  public byte[] read(String path) throws IOException {
    return bytes(path);
  }

  private byte[] bytes(String path) throws IOException {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new IOException("no such file: " + path);
    }
    return bytes;
  }
}
