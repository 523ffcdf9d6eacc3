package io.apistage.archive;

import io.apistage.model.ConfigSource;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A config source with an import applied in memory: the files of a base source, some removed, some
 * added or replaced; what import validates before it writes anything.
 *
 * @since 0.2.0
 */
final class OverlaySource implements ConfigSource {

  private final ConfigSource base;
  private final Map<String, byte[]> written;
  private final Set<String> removed;

  OverlaySource(ConfigSource base, Map<String, byte[]> written, Set<String> removed) {
    this.base = base;
    this.written = new TreeMap<>(written);
    this.removed = Set.copyOf(removed);
  }

  @Override
  public List<String> paths() throws IOException {
    Set<String> out = new TreeSet<>(base.paths());
    out.removeAll(removed);
    out.addAll(written.keySet());
    return List.copyOf(out);
  }

  @Override
  public long size(String path) throws IOException {
    byte[] bytes = written.get(path);
    return bytes != null ? bytes.length : base.size(path);
  }

  @Override
  public byte[] read(String path) throws IOException {
    byte[] bytes = written.get(path);
    return bytes != null ? bytes : base.read(path);
  }

  @Override
  public List<Problem> skipped() throws IOException {
    return base.skipped();
  }

  @Override
  public Optional<Path> diskRoot() {
    return base.diskRoot();
  }
}
