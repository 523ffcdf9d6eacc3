package io.apistage.model;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a config root on disk: {@code apistage.yaml} and the files of the kind folders.
 * Symbolic links are not followed, so a link cannot pull files from outside the root.
 *
 * @since 0.1.0
 */
public final class DirectorySource implements ConfigSource {

  private final Path root;

  /** The config root at {@code root}. */
  public DirectorySource(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder read. */
  public Path root() {
    return root;
  }

  @Override
  public List<String> paths() throws IOException {
    List<String> out = new ArrayList<>();
    for (String settings : List.of("apistage.yaml", "apistage.yml")) {
      if (Files.isRegularFile(root.resolve(settings), LinkOption.NOFOLLOW_LINKS)) {
        out.add(settings);
      }
    }
    for (Kind kind : Kind.values()) {
      Path folder = root.resolve(kind.folder());
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      int depth = kind == Kind.API ? 2 : 1;
      try (Stream<Path> files = Files.walk(folder, depth, new FileVisitOption[0])) {
        files
            .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .forEach(out::add);
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public long size(String path) throws IOException {
    return Files.size(resolve(path));
  }

  @Override
  public byte[] read(String path) throws IOException {
    return Files.readAllBytes(resolve(path));
  }

  private Path resolve(String path) throws IOException {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IOException("path outside the config root: " + path);
    }
    return file;
  }
}
