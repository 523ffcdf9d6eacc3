package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stage's running assets with their positions, each parsed again from its bytes only when asked
 * for: a deploy needs a position only for the few values it has a problem with, and holding the
 * parsed trees of every running file of a large stage would fill a small heap. Keys are sorted; the
 * map cannot be changed; safe for several threads.
 *
 * @since 0.3.0
 */
final class AssetsOnDemand extends AbstractMap<String, Asset> {

  /** One running file: where it sits in the layout, its name in messages, its content. */
  record Source(ConfigLoader.Placement placement, String file, byte[] bytes) {}

  private final Map<String, Source> sources;
  private final YamlParser parser;
  private final Map<String, Asset> parsed = new ConcurrentHashMap<>();

  AssetsOnDemand(Map<String, Source> sources, YamlParser parser) {
    this.sources = new TreeMap<>(sources);
    this.parser = parser;
  }

  @Override
  public Asset get(Object key) {
    Source source = sources.get(key);
    return source == null ? null : parsed.computeIfAbsent((String) key, k -> parse(source));
  }

  @Override
  public boolean containsKey(Object key) {
    return sources.containsKey(key);
  }

  @Override
  public int size() {
    return sources.size();
  }

  /** Every entry, each parsed: for the rare reader that walks them all. */
  @Override
  public Set<Map.Entry<String, Asset>> entrySet() {
    Map<String, Asset> all = new TreeMap<>();
    sources.keySet().forEach(key -> all.put(key, get(key)));
    return all.entrySet();
  }

  private Asset parse(Source source) {
    ParsedFile file = parser.parse(source.bytes(), source.file());
    if (!file.ok() || !(file.root() instanceof YMap body)) {
      // the read that listed the file reported why it does not parse
      throw new IllegalStateException(source.file() + " does not parse");
    }
    ConfigLoader.Placement p = source.placement();
    return new Asset(
        p.kind(), p.name(), p.major(), source.file(), ConfigLoader.declaredId(body), body);
  }
}
