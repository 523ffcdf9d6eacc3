package io.apistage.model;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a config root on disk: {@code apistage.yaml} and the files of the kind folders.
 * Symbolic links are not followed, so a link cannot pull files from outside the root; each link met
 * where files are read is a warning of {@link #skipped()}.
 *
 * @since 0.1.0
 */
public final class DirectorySource implements ConfigSource {

  private final Path root;
  private final Set<Kind> kinds;

  /** The config root at {@code root}. */
  public DirectorySource(Path root) {
    this(root, EnumSet.allOf(Kind.class));
  }

  /**
   * The settings file and the folders of {@code kinds} only, of the config root at {@code root}: a
   * goal that needs only the stages lists a few files, not the tens of thousands of a large root.
   */
  public DirectorySource(Path root, Set<Kind> kinds) {
    this.root = root.toAbsolutePath().normalize();
    this.kinds = EnumSet.copyOf(kinds);
  }

  /** The folder read. */
  public Path root() {
    return root;
  }

  @Override
  public List<String> paths() throws IOException {
    return scan(null);
  }

  @Override
  public Optional<Path> diskRoot() {
    return Optional.of(root);
  }

  /**
   * A warning (rule {@code layout}) for each symbolic link where files are read: {@code
   * apistage.yaml}, a kind folder, or an entry of one (a folder of {@code apis/} included).
   */
  @Override
  public List<Problem> skipped() throws IOException {
    List<Problem> out = new ArrayList<>();
    scan(out);
    return out;
  }

  private List<String> scan(List<Problem> links) throws IOException {
    List<String> out = new ArrayList<>();
    for (String settings : List.of("apistage.yaml", "apistage.yml")) {
      Path file = root.resolve(settings);
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        out.add(settings);
      } else if (links != null && Files.isSymbolicLink(file)) {
        links.add(link(file));
      }
    }
    for (Kind kind : kinds) {
      Path folder = root.resolve(kind.folder());
      if (links != null && Files.isSymbolicLink(folder)) {
        links.add(link(folder));
      }
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      int depth = kind == Kind.API ? 2 : 1;
      try (Stream<Path> files = Files.walk(folder, depth, new FileVisitOption[0])) {
        for (Path p : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            out.add(relative(p));
          } else if (links != null && Files.isSymbolicLink(p)) {
            links.add(link(p));
          }
        }
      }
    }
    out.sort(null);
    if (links != null) {
      links.sort(Comparator.comparing(Problem::file));
    }
    return out;
  }

  private Problem link(Path link) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString().replace('\\', '/');
    } catch (IOException e) {
      target = "?";
    }
    return Problem.warning(
        relative(link),
        Position.FILE,
        "",
        RuleId.LAYOUT,
        "symbolic link not followed: "
            + relative(link)
            + " -> "
            + target
            + "; apistage reads only regular files inside the config root");
  }

  private String relative(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
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
