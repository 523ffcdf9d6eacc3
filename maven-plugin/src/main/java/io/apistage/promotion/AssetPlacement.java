package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.report.Json;
import io.apistage.stage.AliasResolver;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one asset of a promotion lands on the target stage: unchanged, created, replaced (when the
 * overwrite list allows it), or refused; its aliases resolved with the stage's values, and the
 * children a parent-only overwrite keeps as the stage has them.
 *
 * @since 0.1.0
 */
final class AssetPlacement {

  private static final YamlParser PARSER = new YamlParser();

  private final String stage;
  private final Planner.Contents target;
  private final Overwrite overwrite;
  private final AliasResolver aliases;

  /** Placements onto {@code target}, the state of {@code stage}. */
  AssetPlacement(
      String stage, Planner.Contents target, Overwrite overwrite, AliasResolver aliases) {
    this.stage = stage;
    this.target = target;
    this.overwrite = overwrite;
    this.aliases = aliases;
  }

  /**
   * What happens to one asset.
   *
   * @param status its status in the report
   * @param explanation the sentence of the report
   * @param changes whether the target changes
   * @param authored the document the target keeps, or null when it does not change
   * @param running the asset as the gateway runs it (aliases resolved), or null
   */
  record Outcome(
      AssetStatus status, String explanation, boolean changes, Asset authored, Object running) {

    static Outcome refused(String explanation) {
      return new Outcome(AssetStatus.FAILURE, explanation, false, null, null);
    }
  }

  /**
   * The document to place: the source's, or with the children a parent-only overwrite keeps.
   *
   * @param authored the document
   * @param plain its plain form
   * @param note what the report adds about kept children, or ""
   */
  private record Kept(Asset authored, Object plain, String note) {}

  /** Places one asset of the source. */
  Outcome place(Asset asset) {
    String key = asset.key();
    Asset before =
        asset.kind() == Kind.ALIAS
            ? target.aliases().get(asset.name())
            : target.authored().get(key);
    if (before != null && before.body() == asset.body() && sameAliases(asset)) {
      // the very document the target was built from (one parse shared by blob), with the same
      // aliases
      return new Outcome(
          AssetStatus.SUCCESS, "unchanged: " + stage + " already has it", false, null, null);
    }
    Kept kept = keepChildren(asset, before);
    Object resolved = null;
    if (isDeployable(asset.kind())) {
      AliasResolver.Resolved resolution = aliases.resolve(kept.authored());
      if (!resolution.ok()) {
        return Outcome.refused(resolution.problems().get(0).message());
      }
      resolved = resolution.plain();
    }
    if (!target.has(key)) {
      return new Outcome(
          AssetStatus.SUCCESS,
          "created on " + stage + kept.note(),
          true,
          kept.authored(),
          resolved);
    }
    return replace(asset, before, kept, resolved);
  }

  /** A parent-only overwrite replaces everything but the children, which stay as the target has. */
  private Kept keepChildren(Asset asset, Asset before) {
    Asset authored = asset;
    Object plain = asset.body().toPlain();
    String note = "";
    if (before == null
        || !(plain instanceof Map<?, ?> plainMap)
        || !(before.body().toPlain() instanceof Map<?, ?> beforeMap)) {
      return new Kept(authored, plain, note);
    }
    for (String child : Overwrite.CHILDREN.getOrDefault(asset.kind(), List.of())) {
      if (!overwrite.allowsChild(asset.kind(), child)
          && !TreeDiff.same(beforeMap.get(child), plainMap.get(child))) {
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
    return new Kept(authored, plain, note);
  }

  /** An asset the target has: unchanged, replaced, or refused when overwrite does not allow it. */
  private Outcome replace(Asset asset, Asset before, Kept kept, Object resolved) {
    Object runningBefore = target.running().get(asset.key());
    Object plain = kept.plain();
    String note = kept.note();
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
      return new Outcome(
          note.isEmpty() ? AssetStatus.SUCCESS : AssetStatus.WARNING,
          "unchanged: " + stage + " already has it" + note,
          !sameAuthored,
          kept.authored(),
          resolved);
    }
    String fields = changes + " field change" + (changes == 1 ? "" : "s");
    if (!overwrite.allows(asset.kind())) {
      return Outcome.refused(
          "exists on "
              + stage
              + " with different content ("
              + fields
              + ") and overwrite is "
              + overwrite
              + ": add "
              + asset.kind().id()
              + " to overwrite to replace it");
    }
    return new Outcome(
        note.isEmpty() ? AssetStatus.REPLACED : AssetStatus.WARNING,
        "replaced on " + stage + " (" + fields + ")" + note,
        true,
        kept.authored(),
        resolved);
  }

  /** Whether every alias an asset uses is the same document on the target as at the source. */
  private boolean sameAliases(Asset asset) {
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
}
