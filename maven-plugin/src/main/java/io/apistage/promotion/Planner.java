package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.report.Json;
import io.apistage.stage.AliasResolver;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out what one promotion does to one target stage, without writing anything: which assets
 * travel (selection, dependency closure, missing version lines), what each becomes on the target
 * (aliases resolved for it), whether the overwrite mode lets it replace what is there, and the
 * per-asset report. When any asset fails, the plan changes nothing.
 *
 * @since 0.1.0
 */
public final class Planner {

  private static final YamlParser PARSER = new YamlParser();

  /**
   * What a promotion reads from: the config it selects from.
   *
   * @param config the assets as authored (alias references intact)
   * @param label how messages name the source: {@code main} or a stage's name
   */
  public record Source(Config config, String label) {}

  /**
   * What a stage holds, in the form the planner changes: the assets as the stage runs them, as
   * authored, and the authored aliases they use.
   *
   * @param running plain normalized assets by key, aliases resolved for the stage
   * @param authored the assets as authored, by key
   * @param aliases the authored aliases, by name
   */
  public record Contents(
      Map<String, Object> running, Map<String, Asset> authored, Map<String, Asset> aliases) {
    public Contents {
      running = Collections.unmodifiableMap(new TreeMap<>(running));
      authored = Collections.unmodifiableMap(new TreeMap<>(authored));
      aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }

    /** A stage with nothing deployed. */
    public static final Contents EMPTY = new Contents(Map.of(), Map.of(), Map.of());

    /** Whether the stage has the asset with a key. */
    public boolean has(String key) {
      return authored.containsKey(key)
          || running.containsKey(key)
          || aliases.containsKey(aliasName(key));
    }

    /** Every asset key the stage holds. */
    public Set<String> keys() {
      Set<String> out = new TreeSet<>(running.keySet());
      out.addAll(authored.keySet());
      aliases.keySet().forEach(n -> out.add(Asset.key(Kind.ALIAS, n, 0)));
      return out;
    }
  }

  /**
   * The changes of a promotion to one stage.
   *
   * @param stage the target stage
   * @param reports one line per asset, and per selector that selected nothing
   * @param after the stage's contents after the promotion (as before when it failed)
   * @param touched the keys of the assets that change
   * @param failed whether an asset failed; then nothing changes
   */
  public record Plan(
      String stage,
      List<AssetReport> reports,
      Contents after,
      List<String> touched,
      boolean failed) {
    public Plan {
      reports = List.copyOf(reports);
      touched = List.copyOf(touched);
    }
  }

  /**
   * Plans a promotion to one stage.
   *
   * @param spec the promotion
   * @param source where assets come from
   * @param stage the target stage's name
   * @param target what the target holds now
   * @param mirror whether the target is brought in line with the whole source (track: main),
   *     removing what the source no longer has
   */
  public Plan plan(
      PromotionSpec spec, Source source, String stage, Contents target, boolean mirror) {
    Config config = source.config();
    Map<String, String> selected = new LinkedHashMap<>();
    List<AssetReport> reports = new ArrayList<>();
    if (mirror) {
      for (Asset asset : config.assets().values()) {
        if (PromotionSpec.PROMOTABLE.contains(asset.kind())) {
          selected.put(asset.key(), "on " + source.label());
        }
      }
    } else {
      for (int i = 0; i < spec.selectors().size(); i++) {
        Selector selector = spec.selectors().get(i);
        boolean any = false;
        for (Asset asset : config.assets().values()) {
          if (PromotionSpec.PROMOTABLE.contains(asset.kind()) && selector.matches(asset)) {
            selected.putIfAbsent(asset.key(), "selected by assets[" + i + "]");
            any = true;
          }
        }
        if (!any) {
          reports.add(
              new AssetReport(
                  "assets[" + i + "]",
                  AssetStatus.WARNING,
                  "selects nothing on "
                      + source.label()
                      + "; check the kind, name, team or keyword"));
        }
      }
    }
    if (spec.fixMissingVersions() && !mirror) {
      Map<String, String> fixes = new LinkedHashMap<>();
      for (String key : List.copyOf(selected.keySet())) {
        for (Asset line : missingEarlierLines(config.assets().get(key), config, target, selected)) {
          fixes.putIfAbsent(
              line.key(),
              "earlier version line of "
                  + key
                  + " that "
                  + stage
                  + " lacked, added by fixMissingVersions");
        }
      }
      fixes.forEach(selected::putIfAbsent);
    }
    Dependencies deps = new Dependencies(config);
    Include apps = mirror ? Include.ALL : spec.applications();
    Include subs = mirror ? Include.ALL : spec.subscriptions();
    Dependencies.Closure closure = deps.close(selected, apps, subs);
    Overwrite overwrite = mirror ? Overwrite.ALL : spec.overwrite();

    Map<String, Object> running = new HashMap<>(target.running());
    Map<String, Asset> authored = new HashMap<>(target.authored());
    Map<String, Asset> aliasesAfter = new HashMap<>(target.aliases());
    List<String> touched = new ArrayList<>();
    boolean failed = false;
    AliasResolver aliases = AliasResolver.of(config.all(Kind.ALIAS), stage);
    // each asset's outcome depends only on the source, the target and the mode: work them out on
    // all cores
    Map<String, AssetOutcome> outcomes = new ConcurrentHashMap<>();
    closure.reasons().keySet().parallelStream()
        .filter(key -> !closure.missing().containsKey(key))
        .forEach(
            key ->
                outcomes.put(
                    key, applyOne(config.assets().get(key), stage, target, overwrite, aliases)));
    for (Map.Entry<String, String> entry : closure.reasons().entrySet()) {
      String key = entry.getKey();
      Asset asset = config.assets().get(key);
      String why =
          entry.getValue().startsWith("selected") || mirror ? "" : " (" + entry.getValue() + ")";
      List<String> missing = closure.missing().get(key);
      if (missing != null) {
        reports.add(
            new AssetReport(
                key,
                AssetStatus.FAILURE,
                "requires "
                    + String.join(", ", missing)
                    + ", which "
                    + source.label()
                    + " does not have; add "
                    + (missing.size() == 1 ? "it" : "them")
                    + " to "
                    + source.label()
                    + " first"
                    + why));
        failed = true;
        continue;
      }
      AssetOutcome outcome = outcomes.get(key);
      AssetStatus status = outcome.status();
      String explanation = outcome.explanation() + why;
      if (status == AssetStatus.FAILURE) {
        failed = true;
      } else if (asset.kind() == Kind.API && !spec.fixMissingVersions() && !mirror) {
        List<Asset> gaps = missingEarlierLines(asset, config, target, closure.reasons());
        if (!gaps.isEmpty()) {
          status = AssetStatus.WARNING;
          explanation +=
              "; "
                  + stage
                  + " lacks the earlier version line "
                  + String.join(", ", gaps.stream().map(Asset::key).toList())
                  + " that "
                  + source.label()
                  + " has: set fixMissingVersions: true to promote it as well";
        }
      }
      reports.add(new AssetReport(key, status, explanation));
      if (outcome.changes()) {
        touched.add(key);
        if (asset.kind() == Kind.ALIAS) {
          aliasesAfter.put(asset.name(), outcome.authored());
        } else {
          authored.put(key, outcome.authored());
          if (outcome.running() != null) {
            running.put(key, outcome.running());
          }
        }
      }
    }
    if (mirror) {
      for (String key : target.keys()) {
        if (!config.assets().containsKey(key)) {
          running.remove(key);
          authored.remove(key);
          aliasesAfter.remove(aliasName(key));
          touched.add(key);
          reports.add(
              new AssetReport(
                  key,
                  AssetStatus.SUCCESS,
                  "removed from " + stage + ": no longer on " + source.label()));
        }
      }
    }
    if (failed) {
      return new Plan(stage, reports, target, List.of(), true);
    }
    return new Plan(stage, reports, new Contents(running, authored, aliasesAfter), touched, false);
  }

  private record AssetOutcome(
      AssetStatus status, String explanation, boolean changes, Asset authored, Object running) {}

  private AssetOutcome applyOne(
      Asset asset, String stage, Contents target, Overwrite overwrite, AliasResolver aliases) {
    String key = asset.key();
    Asset authored = asset;
    Object plain = asset.body().toPlain();
    String note = "";
    Asset before =
        asset.kind() == Kind.ALIAS
            ? target.aliases().get(asset.name())
            : target.authored().get(key);
    if (before != null && before.body() == asset.body() && sameAliases(asset, target, aliases)) {
      // the very document the target was built from (one parse shared by blob), with the same
      // aliases
      return new AssetOutcome(
          AssetStatus.SUCCESS, "unchanged: " + stage + " already has it", false, null, null);
    }
    if (before != null
        && plain instanceof Map<?, ?> plainMap
        && before.body().toPlain() instanceof Map<?, ?> beforeMap) {
      for (String child : Overwrite.CHILDREN.getOrDefault(asset.kind(), List.of())) {
        if (!overwrite.allowsChild(asset.kind(), child)
            && !TreeDiff.same(beforeMap.get(child), plainMap.get(child))) {
          // a parent-only overwrite replaces everything but the child, which stays as the target
          // has it
          Map<String, Object> kept = new LinkedHashMap<>();
          plainMap.forEach((k, v) -> kept.put(String.valueOf(k), v));
          if (beforeMap.get(child) == null) {
            kept.remove(child);
          } else {
            kept.put(child, beforeMap.get(child));
          }
          plain = kept;
          authored = withBody(asset, kept);
          note =
              "; its "
                  + child
                  + " differ on "
                  + stage
                  + " and are kept: add "
                  + asset.kind().id()
                  + "."
                  + child
                  + " to overwrite to replace them";
        }
      }
    }
    Object resolved = null;
    if (isDeployable(asset.kind())) {
      AliasResolver.Resolved resolution = aliases.resolve(authored);
      if (!resolution.ok()) {
        return new AssetOutcome(
            AssetStatus.FAILURE, resolution.problems().get(0).message(), false, null, null);
      }
      resolved = resolution.plain();
    }
    if (!target.has(key)) {
      return new AssetOutcome(
          AssetStatus.SUCCESS, "created on " + stage + note, true, authored, resolved);
    }
    Object runningBefore = target.running().get(key);
    boolean sameAuthored =
        before != null
            && TreeDiff.same(
                TreeDiff.normalize(before.body().toPlain()), TreeDiff.normalize(plain));
    int changes =
        isDeployable(asset.kind())
            ? TreeDiff.diff(runningBefore, resolved).size()
            : TreeDiff.diff(
                    before == null ? null : TreeDiff.normalize(before.body().toPlain()),
                    TreeDiff.normalize(plain))
                .size();
    if (changes == 0) {
      return new AssetOutcome(
          note.isEmpty() ? AssetStatus.SUCCESS : AssetStatus.WARNING,
          "unchanged: " + stage + " already has it" + note,
          !sameAuthored,
          authored,
          resolved);
    }
    String fields = changes + " field change" + (changes == 1 ? "" : "s");
    if (!overwrite.allows(asset.kind())) {
      return new AssetOutcome(
          AssetStatus.FAILURE,
          "exists on "
              + stage
              + " with different content ("
              + fields
              + ") and overwrite is "
              + overwrite
              + ": add "
              + asset.kind().id()
              + " to overwrite to replace it",
          false,
          null,
          null);
    }
    return new AssetOutcome(
        note.isEmpty() ? AssetStatus.REPLACED : AssetStatus.WARNING,
        "replaced on " + stage + " (" + fields + ")" + note,
        true,
        authored,
        resolved);
  }

  /** Whether every alias an asset uses is the same document on the target as at the source. */
  private static boolean sameAliases(Asset asset, Contents target, AliasResolver aliases) {
    for (String name : AliasResolver.referencedAliases(asset)) {
      Asset there = target.aliases().get(name);
      Asset here = aliases.aliases().get(name);
      if (there == null || here == null || there.body() != here.body()) {
        return false;
      }
    }
    return true;
  }

  private static Asset withBody(Asset asset, Map<String, Object> plain) {
    ParsedFile parsed = PARSER.parse(Json.write(plain), asset.file());
    return new Asset(
        asset.kind(), asset.name(), asset.major(), asset.file(), asset.id(), (YMap) parsed.root());
  }

  private static boolean isDeployable(Kind kind) {
    return kind != Kind.ALIAS;
  }

  private static String aliasName(String key) {
    String prefix = Kind.ALIAS.id() + "/";
    return key.startsWith(prefix) ? key.substring(prefix.length()) : "\0";
  }

  /**
   * Earlier major lines of an Api that the source has and the target lacks, and that are not
   * promoted already.
   */
  private static List<Asset> missingEarlierLines(
      Asset asset, Config config, Contents target, Map<String, String> travelling) {
    List<Asset> out = new ArrayList<>();
    if (asset == null || asset.kind() != Kind.API) {
      return out;
    }
    for (int major = asset.major() - 1; major >= 0; major--) {
      String key = Asset.key(Kind.API, asset.name(), major);
      Optional<Asset> line = config.get(key);
      if (line.isPresent() && !target.has(key) && !travelling.containsKey(key)) {
        out.add(line.get());
      }
    }
    return out;
  }
}
