package io.apistage.model;

import io.apistage.openapi.OpenApiOrigins;
import io.apistage.problem.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All assets of a config root, by key in sorted order, with the project settings and the problems
 * found while loading them.
 *
 * @param assets the assets by key
 * @param settings the settings of {@code apistage.yaml}
 * @param problems problems found while reading and shaping the files
 * @param filesRead every YAML file read, relative to the config root, sorted
 * @param origins for each Api (by key) whose endpoints come from an OpenAPI document, the file of
 *     each converted value (docs/openapi.md)
 * @since 0.1.0
 */
public record Config(
    Map<String, Asset> assets,
    Settings settings,
    List<Problem> problems,
    List<String> filesRead,
    Map<String, OpenApiOrigins> origins) {

  public Config {
    assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
    problems = List.copyOf(problems);
    filesRead = List.copyOf(filesRead);
    origins = Map.copyOf(origins);
  }

  /** A configuration without OpenAPI documents. */
  public Config(
      Map<String, Asset> assets,
      Settings settings,
      List<Problem> problems,
      List<String> filesRead) {
    this(assets, settings, problems, filesRead, Map.of());
  }

  /**
   * A problem found in an asset, moved to the OpenAPI file its field came from when the asset's
   * endpoints were read from one.
   */
  public Problem attribute(Asset asset, Problem problem) {
    OpenApiOrigins o = origins.get(asset.key());
    if (o == null || problem.field().isEmpty() || !problem.file().equals(asset.file())) {
      return problem;
    }
    String file = o.fileAt(asset.body(), problem.field(), asset.file());
    return file.equals(problem.file()) ? problem : problem.inFile(file);
  }

  /** The asset with a key, if any. */
  public Optional<Asset> get(String key) {
    return Optional.ofNullable(assets.get(key));
  }

  /** The asset of a kind and name (for an Api, the given major). */
  public Optional<Asset> get(Kind kind, String name, int major) {
    return get(Asset.key(kind, name, major));
  }

  /** The assets of one kind, in key order. */
  public List<Asset> all(Kind kind) {
    List<Asset> out = new ArrayList<>();
    for (Asset asset : assets.values()) {
      if (asset.kind() == kind) {
        out.add(asset);
      }
    }
    return out;
  }
}
