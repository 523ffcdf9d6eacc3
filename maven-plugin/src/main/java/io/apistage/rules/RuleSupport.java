package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Small helpers shared by the rules: problems at a node, expected file names, name checks. */
final class RuleSupport {

  /** The pattern every asset name follows (DESIGN.md section 2). */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /** An API major line as written in applications and packages: {@code orders@1}. */
  static final Pattern API_REF = Pattern.compile("([a-z][a-z0-9-]{0,62})@(0|[1-9][0-9]{0,5})");

  /** A semantic version; group 1 is the major. */
  static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private RuleSupport() {}

  /** An error at the node of an asset's document at a pointer (or the nearest existing node). */
  static Problem error(Asset asset, String pointer, RuleId rule, String message) {
    Position at = asset.body().positionOf(pointer);
    return Problem.error(asset.file(), at, pointer, rule, message);
  }

  /** A warning at the node of an asset's document at a pointer (or the nearest existing node). */
  static Problem warning(Asset asset, String pointer, RuleId rule, String message) {
    Position at = asset.body().positionOf(pointer);
    return Problem.warning(asset.file(), at, pointer, rule, message);
  }

  /** An error at a given node. */
  static Problem error(Asset asset, YNode node, String pointer, RuleId rule, String message) {
    return Problem.error(asset.file(), node.position(), pointer, rule, message);
  }

  /** The text of a string scalar, or null. */
  static String text(YNode node) {
    return node instanceof YScalar s && s.value() instanceof String v ? v : null;
  }

  /** The text of any non-null scalar (numbers included), or null. */
  static String scalarText(YNode node) {
    return node instanceof YScalar s && s.value() != null ? s.text() : null;
  }

  /** Whether a text is a valid asset name. */
  static boolean isName(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  /** Where an asset would be: {@code apis/orders/v2.yaml}, {@code policies/cors.yaml}. */
  static String expectedFile(Kind kind, String name, int major) {
    return kind == Kind.API
        ? kind.folder() + "/" + name + "/v" + major + ".yaml"
        : kind.folder() + "/" + name + ".yaml";
  }

  /**
   * The keys of every file that was read, including files that could not be parsed, so that a
   * reference to a broken file is not reported a second time as missing.
   */
  static Set<String> keysOfFilesRead(Config config) {
    Set<String> keys = new HashSet<>(config.assets().keySet());
    for (String file : config.filesRead()) {
      ConfigLoader.place(file).ifPresent(p -> keys.add(Asset.key(p.kind(), p.name(), p.major())));
    }
    return keys;
  }

  /** Whether any file of a kind and name exists, whatever its major. */
  static boolean existsAnyMajor(Set<String> keys, Kind kind, String name) {
    if (kind != Kind.API) {
      return keys.contains(Asset.key(kind, name, 0));
    }
    String prefix = Asset.key(kind, name, 0);
    prefix = prefix.substring(0, prefix.indexOf('@') + 1);
    for (String key : keys) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
