package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.stage.AliasResolver;
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
    return new Run(spec, source, stage, target, mirror).plan();
  }

  /** One planning: the promotion, its source and target, and what it has found so far. */
  private static final class Run {
    private final PromotionSpec spec;
    private final Source source;
    private final Config config;
    private final String stage;
    private final Contents target;
    private final boolean mirror;
    private final List<AssetReport> reports = new ArrayList<>();
    private final Map<String, Object> running;
    private final Map<String, Asset> authored;
    private final Map<String, Asset> aliasesAfter;
    private final List<String> touched = new ArrayList<>();
    private boolean failed;

    Run(PromotionSpec spec, Source source, String stage, Contents target, boolean mirror) {
      this.spec = spec;
      this.source = source;
      this.config = source.config();
      this.stage = stage;
      this.target = target;
      this.mirror = mirror;
      this.running = new HashMap<>(target.running());
      this.authored = new HashMap<>(target.authored());
      this.aliasesAfter = new HashMap<>(target.aliases());
    }

    Plan plan() {
      Map<String, String> selected = mirror ? everything() : selected();
      if (spec.fixMissingVersions() && !mirror) {
        addMissingLines(selected);
      }
      Dependencies.Closure closure =
          new Dependencies(config)
              .close(
                  selected,
                  mirror ? Include.ALL : spec.applications(),
                  mirror ? Include.ALL : spec.subscriptions());
      AssetPlacement placement =
          new AssetPlacement(
              stage,
              target,
              mirror ? Overwrite.ALL : spec.overwrite(),
              AliasResolver.of(config.all(Kind.ALIAS), stage));
      // each asset's outcome depends only on the source, the target and the mode: work them out
      // on all cores
      Map<String, AssetPlacement.Outcome> outcomes = new ConcurrentHashMap<>();
      closure.reasons().keySet().parallelStream()
          .filter(key -> !closure.missing().containsKey(key))
          .forEach(key -> outcomes.put(key, placement.place(config.assets().get(key))));
      for (Map.Entry<String, String> entry : closure.reasons().entrySet()) {
        String key = entry.getKey();
        String why =
            entry.getValue().startsWith("selected") || mirror ? "" : " (" + entry.getValue() + ")";
        List<String> missing = closure.missing().get(key);
        if (missing != null) {
          reports.add(new AssetReport(key, AssetStatus.FAILURE, requires(missing) + why));
          failed = true;
        } else {
          record(config.assets().get(key), outcomes.get(key), why, closure.reasons());
        }
      }
      if (mirror) {
        removeGone();
      }
      if (failed) {
        return new Plan(stage, reports, target, List.of(), true);
      }
      return new Plan(
          stage, reports, new Contents(running, authored, aliasesAfter), touched, false);
    }

    /** Every promotable asset of the source, for a stage that tracks it. */
    private Map<String, String> everything() {
      Map<String, String> selected = new LinkedHashMap<>();
      for (Asset asset : config.assets().values()) {
        if (PromotionSpec.PROMOTABLE.contains(asset.kind())) {
          selected.put(asset.key(), "on " + source.label());
        }
      }
      return selected;
    }

    /** The assets the selectors select, each with the first selector that does. */
    private Map<String, String> selected() {
      Map<String, String> selected = new LinkedHashMap<>();
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
      if (selected.isEmpty() && !spec.selectors().isEmpty()) {
        // every selector came up empty: the promotion fails instead of applying an empty commit
        reports.add(
            new AssetReport(
                "assets",
                AssetStatus.FAILURE,
                "promotion "
                    + spec.name()
                    + " selects nothing on "
                    + source.label()
                    + "; check its selectors' kind, name, team or keyword, or promote to "
                    + source.label()
                    + " first what it should select"));
        failed = true;
      }
      return selected;
    }

    /**
     * With {@code fixMissingVersions}: the earlier major lines of selected Apis the stage lacks.
     */
    private void addMissingLines(Map<String, String> selected) {
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

    private String requires(List<String> missing) {
      return "requires "
          + String.join(", ", missing)
          + ", which "
          + source.label()
          + " does not have; add "
          + (missing.size() == 1 ? "it" : "them")
          + " to "
          + source.label()
          + " first";
    }

    /** Reports an asset's outcome and, when it changes the stage, takes its documents. */
    private void record(
        Asset asset, AssetPlacement.Outcome outcome, String why, Map<String, String> travelling) {
      AssetStatus status = outcome.status();
      String explanation = outcome.explanation() + why;
      if (status == AssetStatus.FAILURE) {
        failed = true;
      } else if (asset.kind() == Kind.API && !spec.fixMissingVersions() && !mirror) {
        List<Asset> gaps = missingEarlierLines(asset, config, target, travelling);
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
      reports.add(new AssetReport(asset.key(), status, explanation));
      if (!outcome.changes()) {
        return;
      }
      touched.add(asset.key());
      if (asset.kind() == Kind.ALIAS) {
        aliasesAfter.put(asset.name(), outcome.authored());
      } else {
        authored.put(asset.key(), outcome.authored());
        if (outcome.running() != null) {
          running.put(asset.key(), outcome.running());
        }
      }
    }

    /** For a stage that tracks the source: removes what the source no longer has. */
    private void removeGone() {
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
