package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.StringCache;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The working copy as {@code diff} needs it: each deployable asset in plain normalized form (its
 * YAML tree is not kept: 10,000 Apis would not fit the heap twice), the aliases and the stages
 * whole; files of other kinds are not read.
 *
 * @param assets the deployable assets
 * @param aliases the aliases, by name
 * @param chain the stages
 * @param problems what reading found
 * @since 0.1.0
 */
record WorkingCopy(
    List<WorkingCopy.Prepared> assets,
    Map<String, Asset> aliases,
    StageChain chain,
    List<Problem> problems) {

  /** One deployable asset of the working copy: where it is and its normalized document. */
  record Prepared(
      Kind kind, String name, int major, String file, Object plain, boolean usesAliases) {
    String key() {
      return Asset.key(kind, name, major);
    }
  }

  /** One file as read: a deployable asset in plain form, or a whole asset. */
  private record Read(Prepared prepared, Asset whole, List<Problem> problems) {}

  /** Reads the working copy under {@code configDir}, file by file. */
  static WorkingCopy load(Path configDir) throws IOException {
    DirectorySource source = new DirectorySource(configDir);
    List<Problem> problems = new ArrayList<>(source.skipped());
    List<String> files = files(source, problems);
    YamlParser parser = new YamlParser();
    Path root = source.root();
    List<Read> read =
        files.parallelStream().map(path -> read(parser.parse(root.resolve(path), path))).toList();
    List<Prepared> assets = new ArrayList<>();
    Map<String, Asset> aliases = new TreeMap<>();
    List<Stage> stages = new ArrayList<>();
    for (Read item : read) {
      problems.addAll(item.problems());
      if (item.prepared() != null) {
        assets.add(item.prepared());
      } else if (item.whole() != null && item.whole().kind() == Kind.ALIAS) {
        aliases.put(item.whole().name(), item.whole());
      } else if (item.whole() != null) {
        stages.add(Stage.of(item.whole()));
      }
    }
    return new WorkingCopy(assets, aliases, StageChain.of(stages), problems);
  }

  /** The files to read: deployable assets, aliases and stages, each claimed once. */
  private static List<String> files(DirectorySource source, List<Problem> problems)
      throws IOException {
    Map<String, String> seen = new HashMap<>();
    List<String> files = new ArrayList<>();
    for (String path : source.paths()) {
      Optional<ConfigLoader.Placement> place =
          ConfigLoader.isYaml(path) ? ConfigLoader.place(path) : Optional.empty();
      if (place.isEmpty()
          || !(StageLayout.isDeployable(place.get().kind())
              || place.get().kind() == Kind.ALIAS
              || place.get().kind() == Kind.STAGE)) {
        continue;
      }
      Optional<Problem> again = ConfigLoader.claim(seen, place.get(), path);
      if (again.isPresent()) {
        problems.add(again.get());
      } else {
        files.add(path);
      }
    }
    return files;
  }

  private static Read read(ParsedFile file) {
    String path = file.file();
    ConfigLoader.Placement p = ConfigLoader.place(path).orElseThrow();
    if (!file.ok()) {
      return new Read(null, null, file.problems());
    }
    if (!(file.root() instanceof YMap body)) {
      return new Read(
          null,
          null,
          List.of(
              Problem.error(
                  path,
                  file.root().position(),
                  "",
                  RuleId.SCHEMA,
                  "the document must be a mapping with kind, name and the fields of its kind")));
    }
    if (!StageLayout.isDeployable(p.kind())) {
      return new Read(null, new Asset(p.kind(), p.name(), p.major(), path, null, body), List.of());
    }
    Object plain = StringCache.shareAll(TreeDiff.normalize(body.toPlain()));
    Prepared prepared =
        new Prepared(
            p.kind(), p.name(), p.major(), path, plain, AliasResolver.mentionsAlias(plain));
    return new Read(prepared, null, file.problems());
  }
}
