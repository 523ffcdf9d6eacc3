package io.apistage.rules;

import io.apistage.cache.ValidateCache;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.ConfigSource;
import io.apistage.model.Settings;
import io.apistage.problem.Problem;
import io.apistage.schema.SchemaValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a configuration: reads it, checks every document against its schema, then runs the
 * rules between assets. A document whose {@code kind} does not match its folder is not checked
 * against the folder's schema (the {@code kind-folder} rule says what is wrong instead). The rules
 * read only well-formed values and leave malformed ones to the schema, so one typo gives one
 * problem, not a cascade; and a reference to a file that exists but is broken is not reported as
 * missing.
 *
 * @since 0.1.0
 */
public final class Validation {

  private final ConfigLoader loader;
  private final SchemaValidator schemas;
  private final List<AssetRule> assetRules;
  private final List<Rule> betweenRules;

  /** Validation with the default loader, the bundled schemas and every rule. */
  public Validation() {
    this(new ConfigLoader(), new SchemaValidator(), Rules.all());
  }

  /** Validation with the given parts. */
  public Validation(ConfigLoader loader, SchemaValidator schemas, List<Rule> rules) {
    this.loader = loader;
    this.schemas = schemas;
    this.assetRules = new ArrayList<>();
    this.betweenRules = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule instanceof AssetRule one) {
        assetRules.add(one);
      } else {
        betweenRules.add(rule);
      }
    }
  }

  /**
   * The outcome: the configuration as read (every asset that parsed) and every problem.
   *
   * @param config the configuration as read
   * @param problems every problem, unsorted
   */
  public record Outcome(Config config, List<Problem> problems) {
    public Outcome {
      problems = List.copyOf(problems);
    }
  }

  /** Reads and validates every file of a source. */
  public Outcome validate(ConfigSource source) throws IOException {
    return validate(loader.load(source));
  }

  /**
   * Reads and validates every file of a source, parsing and schema-checking only the files the
   * cache does not hold unchanged; the rules between assets run over the whole configuration, so
   * the problems are those of {@link #validate(ConfigSource)}. The caller saves the cache.
   */
  public Outcome validate(ConfigSource source, ValidateCache cache) throws IOException {
    return validate(loader.load(source, cache), cache);
  }

  /** Validates a loaded configuration. */
  public Outcome validate(Config config) {
    return validate(config, null);
  }

  private Outcome validate(Config config, ValidateCache cache) {
    List<Problem> problems = new ArrayList<>(config.problems());
    List<Problem> schemaProblems = schemaProblems(config, cache);
    problems.addAll(schemaProblems);
    // what each file alone gives (from the cache when unchanged), then the rules between files
    // over it; rules only read the configuration, so they run side by side
    Facts facts = Facts.of(assetRules, config, cache);
    problems.addAll(
        config.assets().values().parallelStream().flatMap(a -> facts.local(a).stream()).toList());
    betweenRules.parallelStream()
        .map(rule -> rule.check(config, facts))
        .toList()
        .forEach(problems::addAll);
    return new Outcome(config, attributed(config, problems));
  }

  /** Problems in endpoints read from an OpenAPI document, moved to the file they came from. */
  private static List<Problem> attributed(Config config, List<Problem> problems) {
    if (config.origins().isEmpty()) {
      return problems;
    }
    Map<String, Asset> byFile = new HashMap<>();
    config
        .origins()
        .keySet()
        .forEach(key -> config.get(key).ifPresent(a -> byFile.put(a.file(), a)));
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      Asset asset = byFile.get(p.file());
      out.add(asset == null ? p : config.attribute(asset, p));
    }
    return out;
  }

  private List<Problem> schemaProblems(Config config, ValidateCache cache) {
    List<Problem> out =
        new ArrayList<>(
            config.assets().values().parallelStream()
                .filter(a -> !KindFolderRule.mismatched(a))
                .flatMap(a -> schemaProblems(config, a, cache).stream())
                .toList());
    Settings settings = config.settings();
    if (settings.body() != null) {
      Optional<List<Problem>> known =
          cache == null ? Optional.empty() : cache.schemaProblems(settings.file());
      List<Problem> project =
          known.orElseGet(() -> schemas.validateProject(settings.file(), settings.body()));
      if (cache != null && known.isEmpty()) {
        cache.schemaChecked(settings.file(), project);
      }
      out.addAll(project);
    }
    return out;
  }

  /**
   * One asset's schema problems: from the cache when its file is unchanged, else checked (and
   * remembered, unless the asset's endpoints come from an OpenAPI document, other files).
   */
  private List<Problem> schemaProblems(Config config, Asset asset, ValidateCache cache) {
    if (cache == null) {
      return schemas.validate(asset.kind(), asset.file(), asset.body());
    }
    if (config.origins().containsKey(asset.key())) {
      cache.notCacheable(asset.file());
      return schemas.validate(asset.kind(), asset.file(), asset.body());
    }
    Optional<List<Problem>> known = cache.schemaProblems(asset.file());
    if (known.isPresent()) {
      return known.get();
    }
    List<Problem> problems = schemas.validate(asset.kind(), asset.file(), asset.body());
    cache.schemaChecked(asset.file(), problems);
    return problems;
  }
}
