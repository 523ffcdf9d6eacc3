package io.apistage.versions;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YamlParser;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Who uses an API major in this repository: the Applications and Packages that list it and the
 * Subscriptions to those Packages. Maven-free, for check-versions and for other goals (notices to
 * consumers, release notes).
 *
 * <p>On disk, every Application, Package and Subscription file is read once (the reads are what a
 * lookup costs: one open and read per file) and joined into one text per group; a lookup finds the
 * files that name the API with a single search of that text and parses only those, so ten lookups
 * in a repository of 8,000 consumer files parse a few dozen files.
 *
 * @since 0.1.0
 */
public final class Consumers {

  private final Config config;
  private final Corpus listing;
  private final Corpus subscriptions;
  private final Map<String, Optional<YMap>> parsed = new HashMap<>();
  private final YamlParser parser = new YamlParser();

  private Consumers(Config config, Corpus listing, Corpus subscriptions) {
    this.config = config;
    this.listing = listing;
    this.subscriptions = subscriptions;
  }

  /** The consumers recorded in a loaded configuration. */
  public static Consumers from(Config config) {
    return new Consumers(config, null, null);
  }

  /**
   * The Applications, Packages and Subscriptions of a config root on disk. Files are read once and
   * parsed only when their text names the API (or, for a Subscription, a Package that uses it), so
   * a lookup does not parse the whole repository.
   */
  public static Consumers read(Path configDir) throws IOException {
    return new Consumers(
        null,
        Corpus.read(configDir, List.of(Kind.APPLICATION, Kind.PACKAGE)),
        Corpus.read(configDir, List.of(Kind.SUBSCRIPTION)));
  }

  /**
   * The keys of the assets using {@code <api>@<major>}, sorted: {@code application/mobile-app},
   * {@code package/shop}, {@code subscription/mobile-shop}.
   */
  public List<String> of(String api, int major) throws IOException {
    return config != null ? ofConfig(api, major) : ofDisk(api, major);
  }

  private List<String> ofConfig(String api, int major) {
    Set<String> out = new TreeSet<>();
    Set<String> packages = new HashSet<>();
    for (Asset app : config.all(Kind.APPLICATION)) {
      if (uses(app.body(), api, major)) {
        out.add(app.key());
      }
    }
    for (Asset pkg : config.all(Kind.PACKAGE)) {
      if (uses(pkg.body(), api, major)) {
        out.add(pkg.key());
        packages.add(pkg.name());
      }
    }
    for (Asset sub : config.all(Kind.SUBSCRIPTION)) {
      String pkg = sub.str("package");
      if (pkg != null && packages.contains(pkg)) {
        out.add(sub.key());
      }
    }
    return new ArrayList<>(out);
  }

  private List<String> ofDisk(String api, int major) {
    Set<String> out = new TreeSet<>();
    Set<String> packages = new TreeSet<>();
    for (int i : listing.mentioning(api)) {
      ConfigLoader.Placement place = listing.placements[i];
      Optional<YMap> body = parse(listing, i);
      if (body.isPresent() && uses(body.get(), api, major)) {
        out.add(Asset.key(place.kind(), place.name(), 0));
        if (place.kind() == Kind.PACKAGE) {
          packages.add(place.name());
        }
      }
    }
    for (String pkg : packages) {
      for (int i : subscriptions.mentioning(pkg)) {
        Optional<YMap> body = parse(subscriptions, i);
        if (body.isPresent() && pkg.equals(body.get().str("package"))) {
          ConfigLoader.Placement place = subscriptions.placements[i];
          out.add(Asset.key(place.kind(), place.name(), 0));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** A consumer file's document, parsed once; empty when it is not a readable mapping. */
  private Optional<YMap> parse(Corpus corpus, int i) {
    return parsed.computeIfAbsent(
        corpus.paths[i],
        path -> {
          ParsedFile file = parser.parse(corpus.bytes[i], path);
          return file.ok() && file.root() instanceof YMap map ? Optional.of(map) : Optional.empty();
        });
  }

  /**
   * The files of some kinds' folders, in path order, and their bytes joined into one Latin-1 text
   * (one char per byte, so a name's offset in the text is its offset in the files; a UTF-8 sequence
   * never reads as a name character).
   */
  private static final class Corpus {
    final String[] paths;
    final ConfigLoader.Placement[] placements;
    final byte[][] bytes;
    final int[] starts;
    final String text;

    private Corpus(List<String> paths, List<ConfigLoader.Placement> placements, byte[][] bytes) {
      this.paths = paths.toArray(String[]::new);
      this.placements = placements.toArray(ConfigLoader.Placement[]::new);
      this.bytes = bytes;
      this.starts = new int[bytes.length];
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < bytes.length; i++) {
        starts[i] = all.length();
        all.append(new String(bytes[i], StandardCharsets.ISO_8859_1)).append('\n');
      }
      this.text = all.toString();
    }

    static Corpus read(Path configDir, List<Kind> kinds) throws IOException {
      List<String> paths = new ArrayList<>();
      List<ConfigLoader.Placement> placements = new ArrayList<>();
      for (Kind kind : kinds) {
        Path folder = configDir.resolve(kind.folder());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String[] listed = folder.toFile().list();
        if (listed == null) {
          throw new IOException("cannot list the folder " + folder);
        }
        List<String> names = new ArrayList<>(Arrays.asList(listed));
        names.sort(null);
        for (String name : names) {
          if (ConfigLoader.isYaml(name)) {
            paths.add(kind.folder() + "/" + name);
            placements.add(
                new ConfigLoader.Placement(kind, name.substring(0, name.lastIndexOf('.')), 0));
          }
        }
      }
      byte[][] bytes = new byte[paths.size()][];
      try {
        IntStream.range(0, paths.size())
            .parallel()
            .forEach(i -> bytes[i] = readRegular(configDir.resolve(paths.get(i))));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return new Corpus(paths, placements, bytes);
    }

    /**
     * A regular file's bytes; nothing for a link, a folder or a file over the parser's size limit,
     * which validate reports.
     */
    private static byte[] readRegular(Path file) {
      try {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.size() > YamlParser.MAX_FILE_BYTES) {
          return new byte[0];
        }
        try (InputStream in = new FileInputStream(file.toFile())) {
          return in.readNBytes((int) YamlParser.MAX_FILE_BYTES + 1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The indexes of the files whose text names {@code name} as a whole name. */
    Set<Integer> mentioning(String name) {
      name = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      Set<Integer> out = new TreeSet<>();
      for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        int end = at + name.length();
        if ((at == 0 || !isNameChar(text.charAt(at - 1)))
            && (end == text.length() || !isNameChar(text.charAt(end)))) {
          int file = Arrays.binarySearch(starts, at);
          out.add(file >= 0 ? file : -file - 2);
        }
      }
      return out;
    }
  }

  /**
   * Whether a document's {@code apis} names the API major: {@code orders@1} or {@code {name,
   * major}}.
   */
  private static boolean uses(YMap body, String api, int major) {
    for (YNode item : body.list("apis")) {
      if (item instanceof YScalar s && s.value() != null) {
        String ref = s.text().trim();
        int at = ref.indexOf('@');
        if (at < 0
            ? ref.equals(api)
            : ref.substring(0, at).equals(api) && majorOf(ref.substring(at + 1)) == major) {
          return true;
        }
      } else if (item instanceof YMap m) {
        String name = m.str("name") != null ? m.str("name") : m.str("api");
        String version = m.str("major") != null ? m.str("major") : m.str("version");
        if (api.equals(name) && (version == null || majorOf(version) == major)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int majorOf(String text) {
    String t = text.trim();
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    int dot = t.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? t : t.substring(0, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Whether a name occurs in a text as a whole name (not inside a longer one: {@code orders} in
   * {@code orders@1} but not in {@code orders-v2}), the cheap test before a file is parsed.
   */
  static boolean mentions(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int end = at + name.length();
      if ((at == 0 || !isNameChar(text.charAt(at - 1)))
          && (end == text.length() || !isNameChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }
}
