package io.apistage.archive;

import io.apistage.model.ConfigSource;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A config source with an import applied, without touching the working copy: the files of a base
 * source, some removed, some added or replaced by the staged files of an archive; what import
 * validates before it writes anything.
 *
 * @since 0.2.0
 */
final class OverlaySource implements ConfigSource {

  private final ConfigSource base;
  private final ConfigSource staged;
  private final Set<String> written;
  private final Set<String> removed;

  /**
   * @param base the working copy
   * @param staged the archive's staged files
   * @param written the paths read from {@code staged} instead of {@code base}
   * @param removed the paths of {@code base} left out
   */
  OverlaySource(
      ConfigSource base, ConfigSource staged, List<String> written, List<String> removed) {
    this.base = base;
    this.staged = staged;
    this.written = Set.copyOf(written);
    this.removed = Set.copyOf(removed);
  }

  @Override
  public List<String> paths() throws IOException {
    Set<String> out = new TreeSet<>(base.paths());
    out.removeAll(removed);
    out.addAll(written);
    return List.copyOf(out);
  }

  @Override
  public long size(String path) throws IOException {
    return written.contains(path) ? staged.size(path) : base.size(path);
  }

  @Override
  public byte[] read(String path) throws IOException {
    return written.contains(path) ? staged.read(path) : base.read(path);
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
