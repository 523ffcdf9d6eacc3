package io.apistage.model;

import io.apistage.openapi.OpenApiExpander;
import io.apistage.openapi.OpenApiFiles;
import io.apistage.openapi.OpenApiOrigins;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a config root into a {@link Config}: finds the files of each kind by the layout of
 * docs/validate.md ("Layout and names"), parses them (in parallel), and shapes each document into
 * an {@link Asset} named by its path. Files that cannot be read become problems; nothing here
 * throws for a user's mistake.
 *
 * @since 0.1.0
 */
public final class ConfigLoader {

  private static final Pattern API_FILE = Pattern.compile("apis/([^/]+)/v(\\d{1,6})\\.ya?ml");
  private static final Pattern ASSET_FILE = Pattern.compile("([a-z]+)/([^/]+)\\.ya?ml");

  private final YamlParser parser;

  /** A loader with the default parser limits. */
  public ConfigLoader() {
    this(new YamlParser());
  }

  /** A loader with the given parser. */
  public ConfigLoader(YamlParser parser) {
    this.parser = parser;
  }

  /** What a path is in the layout: its kind, name and major, or empty when it is not an asset. */
  public record Placement(Kind kind, String name, int major) {}

  /**
   * The kind, name and major a path stands for in the layout, or empty for files that are not
   * assets ({@code apistage.yaml}, README files, files in unknown folders).
   */
  public static Optional<Placement> place(String path) {
    Matcher api = API_FILE.matcher(path);
    if (api.matches()) {
      return Optional.of(new Placement(Kind.API, api.group(1), Integer.parseInt(api.group(2))));
    }
    Matcher asset = ASSET_FILE.matcher(path);
    if (asset.matches()) {
      Optional<Kind> kind = Kind.byFolder(asset.group(1));
      if (kind.isPresent() && kind.get() != Kind.API) {
        return Optional.of(new Placement(kind.get(), asset.group(2), 0));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a path is where a full load reads: {@code apistage.yaml} or {@code .yml}, or inside a
   * kind's folder.
   */
  public static boolean isReadPath(String path) {
    int slash = path.indexOf('/');
    return slash < 0
        ? path.equals("apistage.yaml") || path.equals("apistage.yml")
        : Kind.byFolder(path.substring(0, slash)).isPresent();
  }

  /** Whether a path is a YAML file by its name. */
  public static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /**
   * Loads only {@code apistage.yaml} (or {@code .yml}) of a config root on disk, for goals that
   * need the settings without the assets; a link is not followed and an oversized file is a
   * problem, as in a full load.
   */
  public Config loadSettings(Path root) throws IOException {
    List<String> names =
        Stream.of("apistage.yaml", "apistage.yml")
            .filter(name -> Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS))
            .toList();
    return load(new DirectorySource(root).only(names));
  }

  /**
   * Loads {@code apistage.yaml} and the Stage files of a config root on disk, for goals that need
   * the stage chain without the assets (deploy, export, the check's reports).
   */
  public Config loadStages(Path root) throws IOException {
    DirectorySource stages = new DirectorySource(root, EnumSet.of(Kind.STAGE));
    return load(stages.only(stages.paths()));
  }

  /** Loads every file of a source. */
  public Config load(ConfigSource source) throws IOException {
    return load(source, FileParses.READ);
  }

  /** Loads every file of a source, getting each file's parse from {@code parses}. */
  public Config load(ConfigSource source, FileParses parses) throws IOException {
    Selection selected = select(source.paths(), new ArrayList<>(source.skipped()));
    List<Problem> problems = selected.problems();
    List<ParsedFile> parsed = parseAll(source, selected.files(), parses);
    Map<String, Asset> assets = new TreeMap<>();
    Settings settings = Settings.DEFAULTS;
    Expansion openApi = new Expansion(source, problems);
    for (ParsedFile file : parsed) {
      problems.addAll(file.problems());
      if (!file.ok()) {
        continue;
      }
      if (!(file.root() instanceof YMap body)) {
        problems.add(
            Problem.error(
                file.file(),
                file.root().position(),
                "",
                RuleId.SCHEMA,
                "the document must be a mapping with kind, name and the fields of its kind"));
      } else if (file.file().equals(selected.settingsFile())) {
        settings = settings(file.file(), body);
      } else {
        Placement p = place(file.file()).orElseThrow();
        YMap doc = p.kind() == Kind.API && body.has("openapi") ? openApi.expand(file, p) : body;
        Asset asset = new Asset(p.kind(), p.name(), p.major(), file.file(), declaredId(doc), doc);
        assets.put(asset.key(), asset);
      }
    }
    return new Config(assets, settings, problems, selected.files(), openApi.origins);
  }

  /** The files a load reads, the settings file among them, and the layout problems of the rest. */
  private record Selection(List<String> files, String settingsFile, List<Problem> problems) {}

  private static Selection select(List<String> paths, List<Problem> problems) {
    List<String> yamlFiles = new ArrayList<>();
    String settingsFile = null;
    Map<String, String> seen = new HashMap<>();
    for (String path : paths) {
      if (!isYaml(path)) {
        continue;
      }
      if (path.equals("apistage.yaml") || path.equals("apistage.yml")) {
        if (settingsFile != null) {
          problems.add(
              Problem.error(
                  path,
                  Position.FILE,
                  "",
                  RuleId.LAYOUT,
                  "both apistage.yaml and apistage.yml exist; keep one"));
          continue;
        }
        settingsFile = path;
        yamlFiles.add(path);
        continue;
      }
      Optional<Placement> placement = place(path);
      if (placement.isEmpty()) {
        if (path.startsWith("apis/")) {
          problems.add(
              Problem.warning(
                  path,
                  Position.FILE,
                  "",
                  RuleId.LAYOUT,
                  "ignored: an Api file lives at apis/<api>/v<MAJOR>.yaml"));
        }
        continue;
      }
      Optional<Problem> again = claim(seen, placement.get(), path);
      if (again.isPresent()) {
        problems.add(again.get());
        continue;
      }
      yamlFiles.add(path);
    }
    return new Selection(yamlFiles, settingsFile, problems);
  }

  /** The Api documents whose endpoints come from an OpenAPI document, expanded in file order. */
  private final class Expansion {
    private final ConfigSource source;
    private final List<Problem> problems;
    private final Map<String, OpenApiOrigins> origins = new HashMap<>();
    private OpenApiFiles files;

    Expansion(ConfigSource source, List<Problem> problems) {
      this.source = source;
      this.problems = problems;
    }

    YMap expand(ParsedFile file, Placement p) throws IOException {
      files = files != null ? files : openApiFiles(source);
      OpenApiExpander.Expanded expanded =
          OpenApiExpander.expand(file.file(), (YMap) file.root(), files, parser);
      problems.addAll(expanded.problems());
      origins.put(Asset.key(p.kind(), p.name(), p.major()), expanded.origins());
      return expanded.body();
    }
  }

  /**
   * The files an OpenAPI document may be read from: those the source lists, and for a folder on
   * disk (which lists only the kind folders) any other regular file in it, links not followed.
   */
  private static OpenApiFiles openApiFiles(ConfigSource source) throws IOException {
    Set<String> listed = new HashSet<>(source.paths());
    OpenApiFiles disk =
        source.diskRoot().isPresent()
            ? OpenApiFiles.onDisk(source.diskRoot().get())
            : path -> Optional.empty();
    return path -> listed.contains(path) ? Optional.of(source.read(path)) : disk.read(path);
  }

  private List<ParsedFile> parseAll(ConfigSource source, List<String> files, FileParses parses) {
    try {
      return files.parallelStream()
          .map(
              path -> {
                try {
                  return parses.parse(source, path, parser);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Records that {@code path} defines the asset placed at {@code p}; when another file already
   * defines it, the {@code layout} error for the second file.
   */
  public static Optional<Problem> claim(Map<String, String> seen, Placement p, String path) {
    String key = Asset.key(p.kind(), p.name(), p.major());
    String other = seen.putIfAbsent(key, path);
    if (other == null) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            path,
            Position.FILE,
            "",
            RuleId.LAYOUT,
            "defines " + key + " again, already defined by " + other + "; keep one file"));
  }

  /** The {@code id} a document declares, or null when it has none or a malformed one. */
  public static UUID declaredId(YMap body) {
    String id = body.str("id");
    if (id == null) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null; // the schema reports the malformed id
    }
  }

  /** Shapes {@code apistage.yaml}; wrong types are left to its schema. */
  static Settings settings(String file, YMap body) {
    String main = body.str("mainBranch");
    String pattern = body.str("tagPattern");
    List<Settings.RuleException> exceptions = new ArrayList<>();
    for (YNode item : body.list("exceptions")) {
      if (item instanceof YMap e) {
        exceptions.add(
            new Settings.RuleException(
                e.str("api"),
                text(e.get("version")),
                e.str("rule"),
                e.str("pointer") == null ? "" : e.str("pointer"),
                e.str("reason"),
                new Position(e.line(), e.column())));
      }
    }
    return new Settings(
        main == null ? Settings.DEFAULT_MAIN_BRANCH : main,
        pattern == null ? Settings.DEFAULT_TAG_PATTERN : pattern,
        exceptions,
        file,
        body);
  }

  private static String text(YNode node) {
    return node instanceof YScalar s && s.value() != null ? s.text() : null;
  }
}
