package io.apistage.versions;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who uses an API major in this repository: the Applications and Packages that list it and the
 * Subscriptions to those Packages. Maven-free, for check-versions and for other goals (notices to
 * consumers, release notes).
 *
 * @since 0.1.0
 */
public final class Consumers {

  private final Map<String, String> files;
  private final Map<String, Config> parsed = new HashMap<>();

  private Consumers(Map<String, String> files) {
    this.files = new TreeMap<>(files);
  }

  /** The consumers recorded in a loaded configuration. */
  public static Consumers from(Config config) {
    Consumers out = new Consumers(Map.of());
    out.parsed.put("", config);
    return out;
  }

  /**
   * The Applications, Packages and Subscriptions of a config root on disk. Files are read once and
   * parsed only when their text names the API (or, for a Subscription, a Package that uses it), so
   * a lookup does not parse the whole repository.
   */
  public static Consumers read(Path configDir) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (Kind kind : List.of(Kind.APPLICATION, Kind.PACKAGE, Kind.SUBSCRIPTION)) {
      Path folder = configDir.resolve(kind.folder());
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
        for (Path file : stream) {
          if (ConfigLoader.isYaml(file.getFileName().toString())) {
            paths.add(file);
          }
        }
      }
    }
    Map<String, String> files = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      paths.parallelStream()
          .forEach(
              file -> {
                try {
                  if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(
                        configDir.relativize(file).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return new Consumers(files);
  }

  /**
   * The keys of the assets using {@code <api>@<major>}, sorted: {@code application/mobile-app},
   * {@code package/shop}, {@code subscription/mobile-shop}.
   */
  public List<String> of(String api, int major) throws IOException {
    Config config = parsed.containsKey("") ? parsed.get("") : load(api);
    Set<String> out = new java.util.TreeSet<>();
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
    if (!parsed.containsKey("")) {
      config = loadSubscriptions(api, packages);
    }
    for (Asset sub : config.all(Kind.SUBSCRIPTION)) {
      String pkg = sub.str("package");
      if (pkg != null && packages.contains(pkg)) {
        out.add(sub.key());
      }
    }
    return new ArrayList<>(out);
  }

  private Config load(String api) throws IOException {
    Config config = parsed.get("api:" + api);
    if (config == null) {
      Map<String, byte[]> named = new TreeMap<>();
      files.forEach(
          (path, text) -> {
            if (!path.startsWith(Kind.SUBSCRIPTION.folder() + "/") && mentions(text, api)) {
              named.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
          });
      config = new ConfigLoader().load(new MemorySource(named));
      parsed.put("api:" + api, config);
    }
    return config;
  }

  private Config loadSubscriptions(String api, Set<String> packages) throws IOException {
    Map<String, byte[]> named = new TreeMap<>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith(Kind.SUBSCRIPTION.folder() + "/")
              && packages.stream().anyMatch(name -> mentions(text, name))) {
            named.put(path, text.getBytes(StandardCharsets.UTF_8));
          }
        });
    return new ConfigLoader().load(new MemorySource(named));
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
