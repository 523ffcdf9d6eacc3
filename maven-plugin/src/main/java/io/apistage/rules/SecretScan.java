package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.model.Settings;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of {@code literal-secret} that reads every string value of every asset for secrets by
 * their format or their field's name ({@link SecretFormats}), except the values accepted in {@code
 * apistage.yaml} under {@code secrets.allow} (each with the file, the JSON pointer of the value and
 * a reason); an accepted value that is no longer found is a warning, so the list does not go stale.
 */
final class SecretScan {

  private SecretScan() {}

  /** The findings of every asset, without those at a pointer already reported in {@code done}. */
  static List<Problem> problems(Config config, Set<String> done) {
    Map<String, YMap> allowed = allowed(config.settings());
    Set<String> used = new HashSet<>();
    List<Problem> out = new ArrayList<>();
    List<Asset> assets = List.copyOf(config.assets().values());
    // reading every value is the longest of the rules: the assets are read side by side, and
    // the findings kept in asset order
    List<List<Problem>> findings = assets.parallelStream().map(SecretScan::found).toList();
    for (int i = 0; i < assets.size(); i++) {
      Asset asset = assets.get(i);
      for (Problem p : findings.get(i)) {
        String place = p.file() + "#" + p.field();
        if (done.contains(place) || isWebhookField(asset, p.field())) {
          continue;
        }
        if (allowed.containsKey(place)) {
          used.add(place);
        } else {
          out.add(p);
        }
      }
    }
    allowed.forEach(
        (place, entry) -> {
          if (!used.contains(place)) {
            out.add(unused(config.settings(), entry));
          }
        });
    return out;
  }

  /** The findings in one asset's values, before the accepted ones are taken out. */
  private static List<Problem> found(Asset asset) {
    List<Problem> found = new ArrayList<>();
    walk(asset, asset.body(), "", null, found);
    if (asset.kind() == Kind.ALIAS) {
      aliasValues(asset, asset.name(), found);
    }
    return found;
  }

  /** An application's webhook URL and secret are {@link WebhookRule}'s to judge, once. */
  private static boolean isWebhookField(Asset asset, String pointer) {
    return asset.kind() == Kind.APPLICATION && pointer.startsWith("/contact/webhook/");
  }

  private static void walk(Asset asset, YNode node, String pointer, String key, List<Problem> out) {
    if (node instanceof YMap map) {
      for (YMap.Entry e : map.entries().values()) {
        walk(asset, e.value(), JsonPointer.child(pointer, e.key()), e.key(), out);
      }
    } else if (node instanceof YSeq seq) {
      for (int i = 0; i < seq.size(); i++) {
        walk(asset, seq.get(i), pointer + "/" + i, key, out);
      }
    } else if (node instanceof YScalar s && s.value() instanceof String text) {
      boolean aliasValue =
          asset.kind() == Kind.ALIAS
              && (pointer.equals("/value") || pointer.startsWith("/stages/"));
      Optional<String> kind = SecretFormats.find(aliasValue ? null : key, text);
      kind.ifPresent(k -> out.add(finding(asset, s, pointer, k)));
    }
  }

  /** An alias's values under its own name: alias {@code db-password}, value {@code hunter2}. */
  private static void aliasValues(Asset asset, String name, List<Problem> out) {
    Map<String, YNode> values = new LinkedHashMap<>();
    values.put("/value", asset.body().get("value"));
    YMap stages = asset.body().map("stages");
    if (stages != null) {
      stages
          .entries()
          .values()
          .forEach(e -> values.put(JsonPointer.child("/stages", e.key()), e.value()));
    }
    values.forEach(
        (pointer, node) -> {
          String text = RuleSupport.text(node);
          boolean byFormat = text != null && SecretFormats.find(null, text).isPresent();
          if (text != null && !byFormat) {
            SecretFormats.find(name, text)
                .map(k -> "alias '" + name + "' holds " + k.replace(" under '" + name + "'", ""))
                .ifPresent(k -> out.add(finding(asset, node, pointer, k)));
          }
        });
  }

  private static Problem finding(Asset asset, YNode node, String pointer, String kind) {
    String what = kind.startsWith("alias ") ? kind : pointer + " holds " + kind;
    return RuleSupport.error(
        asset,
        node,
        pointer,
        RuleId.LITERAL_SECRET,
        what
            + "; secrets never go in Git: write ${secret:NAME} and provide APISTAGE_SECRET_NAME,"
            + " or if it is no secret, accept it in apistage.yaml under secrets.allow with file,"
            + " pointer and reason");
  }

  /** The accepted findings by {@code file#pointer}. */
  private static Map<String, YMap> allowed(Settings settings) {
    Map<String, YMap> out = new LinkedHashMap<>();
    YMap secrets = settings.body() == null ? null : settings.body().map("secrets");
    if (secrets == null) {
      return out;
    }
    for (YNode item : secrets.list("allow")) {
      if (item instanceof YMap entry && entry.str("file") != null && entry.str("pointer") != null) {
        out.put(entry.str("file") + "#" + entry.str("pointer"), entry);
      }
    }
    return out;
  }

  private static Problem unused(Settings settings, YMap entry) {
    Position at = new Position(entry.line(), entry.column());
    return Problem.warning(
        settings.file(),
        at,
        "/secrets/allow",
        RuleId.LITERAL_SECRET,
        "secrets.allow accepts "
            + entry.str("pointer")
            + " of "
            + entry.str("file")
            + ", where no secret is found any more; remove the entry");
  }
}
