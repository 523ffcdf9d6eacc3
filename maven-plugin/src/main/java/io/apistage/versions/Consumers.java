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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private final Config config;

  /** The consumers recorded in a configuration. */
  public Consumers(Config config) {
    this.config = config;
  }

  /**
   * Reads only the Applications, Packages and Subscriptions of a config root on disk, so the cost
   * does not grow with the number of Apis.
   */
  public static Consumers read(Path configDir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Kind kind : List.of(Kind.APPLICATION, Kind.PACKAGE, Kind.SUBSCRIPTION)) {
      Path folder = configDir.resolve(kind.folder());
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
        for (Path file : stream) {
          String name = file.getFileName().toString();
          if (ConfigLoader.isYaml(name) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            files.put(kind.folder() + "/" + name, Files.readAllBytes(file));
          }
        }
      }
    }
    return new Consumers(new ConfigLoader().load(new MemorySource(files)));
  }

  /**
   * The keys of the assets using {@code <api>@<major>}, sorted: {@code application/mobile-app},
   * {@code package/shop}, {@code subscription/mobile-shop}.
   */
  public List<String> of(String api, int major) {
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
    for (Asset sub : config.all(Kind.SUBSCRIPTION)) {
      String pkg = sub.str("package");
      if (pkg != null && packages.contains(pkg)) {
        out.add(sub.key());
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether a document's {@code apis} names the API major: {@code orders@1} or {@code {name, major}}. */
  private static boolean uses(YMap body, String api, int major) {
    for (YNode item : body.list("apis")) {
      if (item instanceof YScalar s && s.value() != null) {
        String ref = s.text().trim();
        int at = ref.indexOf('@');
        if (at < 0 ? ref.equals(api) : ref.substring(0, at).equals(api) && majorOf(ref.substring(at + 1)) == major) {
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
}
