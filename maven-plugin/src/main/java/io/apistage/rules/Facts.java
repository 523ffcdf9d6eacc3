package io.apistage.rules;

import io.apistage.cache.FileFacts;
import io.apistage.cache.ValidateCache;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.problem.Problem;
import io.apistage.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rules learn from each asset's file alone, found once per run: the problems of the {@link
 * AssetRule}s, the values that look like secrets, and the references. With the validate cache, a
 * file met unchanged gives them from the cache and is not read again; a file read in this run
 * leaves them there for the next one (except an Api whose endpoints come from an OpenAPI document,
 * which depends on other files). Used from several threads.
 *
 * @since 0.3.0
 */
public final class Facts {

  private final List<AssetRule> rules;
  private final Config config;
  private final ValidateCache cache;
  private final Map<String, FileFacts> found = new ConcurrentHashMap<>();
  private final Map<String, List<Reference>> references = new ConcurrentHashMap<>();

  private Facts(List<AssetRule> rules, Config config, ValidateCache cache) {
    this.rules = List.copyOf(rules);
    this.config = config;
    this.cache = cache;
  }

  /** Facts found as the rules ask for them, none kept beyond this run. */
  public static Facts computing() {
    return new Facts(List.of(), null, null);
  }

  /** The facts of a configuration with the given asset rules, from and into a cache if given. */
  static Facts of(List<AssetRule> rules, Config config, ValidateCache cache) {
    return new Facts(rules, config, cache);
  }

  /** The problems of the asset rules in an asset's file. */
  public List<Problem> local(Asset asset) {
    return facts(asset).local();
  }

  /** The values of an asset that look like secrets, before {@code secrets.allow} is applied. */
  public List<Problem> secrets(Asset asset) {
    return facts(asset).secrets();
  }

  /** The references of an asset, in document order. */
  public List<Reference> references(Asset asset) {
    return references.computeIfAbsent(asset.key(), key -> findReferences(asset));
  }

  private List<Reference> findReferences(Asset asset) {
    List<Reference> out = new ArrayList<>();
    for (FileFacts.Ref ref : facts(asset).references()) {
      YScalar at = new YScalar(ref.name(), ref.name(), ref.line(), ref.column());
      Reference.Target target = new Reference.Target(ref.kind(), ref.name(), ref.major());
      out.add(new Reference(asset, ref.pointer(), at, target, ref.required()));
    }
    return out;
  }

  private FileFacts facts(Asset asset) {
    return found.computeIfAbsent(asset.key(), key -> cachedOrFound(asset));
  }

  private FileFacts cachedOrFound(Asset asset) {
    boolean cacheable =
        cache != null && config != null && !config.origins().containsKey(asset.key());
    if (cacheable) {
      Optional<FileFacts> known = cache.facts(asset.file());
      if (known.isPresent()) {
        return known.get();
      }
    }
    FileFacts facts = find(asset);
    if (cacheable) {
      cache.factsFound(asset.file(), facts);
    }
    return facts;
  }

  private FileFacts find(Asset asset) {
    List<Problem> local = new ArrayList<>();
    rules.forEach(rule -> local.addAll(rule.check(asset)));
    List<FileFacts.Ref> refs = new ArrayList<>();
    for (Reference ref : References.of(asset)) {
      refs.add(
          new FileFacts.Ref(
              ref.pointer(),
              ref.node().line(),
              ref.node().column(),
              ref.kind(),
              ref.name(),
              ref.major(),
              ref.required()));
    }
    return new FileFacts(local, SecretScan.findings(asset), refs);
  }
}
