package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a promotion document into a {@link PromotionSpec}: its targets, selectors, optional
 * dependencies and overwrite list, each problem at its node.
 *
 * @since 0.1.0
 */
final class PromotionParser {

  private final Asset asset;
  private final String file;
  private final YMap body;
  private final List<Problem> problems = new ArrayList<>();

  PromotionParser(Asset asset) {
    this.asset = asset;
    this.file = asset.file();
    this.body = asset.body();
  }

  /**
   * Which optional dependencies travel.
   *
   * @param applications the Applications that use a promoted Api
   * @param subscriptions the Subscriptions of a promoted Package
   */
  private record Includes(Include applications, Include subscriptions) {}

  /** The spec of a document whose file had the given bytes, or its problems. */
  PromotionSpec.Parsed parse(byte[] content) {
    String from = body.str("from");
    List<String> to = targets();
    List<Selector> selectors = selectors();
    Includes includes = includes();
    Overwrite overwrite = overwrite();
    boolean fix = body.bool("fixMissingVersions", false);
    if (!problems.isEmpty()) {
      return new PromotionSpec.Parsed(null, problems);
    }
    PromotionSpec spec =
        new PromotionSpec(
            asset.name(),
            asset.str("description"),
            from,
            to,
            new PromotionSpec.Scope(
                selectors, includes.applications(), includes.subscriptions(), overwrite, fix),
            new PromotionSpec.Origin(file, PromotionSpec.sha256(content), asset));
    return new PromotionSpec.Parsed(spec, problems);
  }

  private List<String> targets() {
    List<String> to = new ArrayList<>();
    YNode toNode = body.get("to");
    if (toNode instanceof YScalar s && s.value() != null) {
      to.add(s.text());
    } else if (toNode instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s && s.value() != null) {
          to.add(s.text());
        } else {
          problems.add(error(item, "/to", "each target in to must be a stage name"));
        }
      }
    }
    if (to.isEmpty()) {
      problems.add(
          Problem.error(
              file,
              body.keyPosition("to"),
              "/to",
              RuleId.PROMOTION,
              "promotion " + asset.name() + " names no target stage: add to: [<stage>]"));
    }
    return to;
  }

  private List<Selector> selectors() {
    List<Selector> selectors = new ArrayList<>();
    List<YNode> items = body.list("assets");
    if (items.isEmpty()) {
      problems.add(
          Problem.error(
              file,
              body.keyPosition("assets"),
              "/assets",
              RuleId.PROMOTION,
              "promotion "
                  + asset.name()
                  + " selects nothing: add assets: [{ kind: api, name: <api> }]"));
    }
    for (int i = 0; i < items.size(); i++) {
      selector("/assets/" + i, items.get(i)).ifPresent(selectors::add);
    }
    return selectors;
  }

  private Includes includes() {
    YMap include = body.map("include");
    Include applications = Include.NONE;
    Include subscriptions = Include.NONE;
    if (body.get("include") instanceof YScalar s) {
      Include both = include("/include", s);
      applications = both;
      subscriptions = both;
    } else if (include != null) {
      for (String key : include.keys()) {
        Include value = include("/include/" + key, include.get(key));
        switch (key) {
          case "applications" -> applications = value;
          case "subscriptions" -> subscriptions = value;
          default ->
              problems.add(
                  Problem.error(
                      file,
                      include.keyPosition(key),
                      "/include/" + key,
                      RuleId.PROMOTION,
                      "unknown optional dependency '"
                          + key
                          + "': include takes applications and subscriptions"));
        }
      }
    }
    return new Includes(applications, subscriptions);
  }

  private Optional<Selector> selector(String pointer, YNode node) {
    if (!(node instanceof YMap map)) {
      problems.add(
          error(node, pointer, "a selector is a mapping of kind, name, major, team and keyword"));
      return Optional.empty();
    }
    Kind kind = null;
    String kindText = map.str("kind");
    if (kindText != null) {
      kind =
          Kind.byId(kindText.toLowerCase(Locale.ROOT))
              .filter(PromotionSpec.PROMOTABLE::contains)
              .orElse(null);
      if (kind == null) {
        problems.add(
            error(
                map.get("kind"),
                pointer + "/kind",
                "unknown kind '"
                    + kindText
                    + "' in a selector; accepted: "
                    + ids(PromotionSpec.PROMOTABLE)));
      }
    }
    Integer major = null;
    if (map.get("major") instanceof YScalar s && s.value() instanceof Number n) {
      major = n.intValue();
    } else if (map.has("major")) {
      problems.add(
          error(map.get("major"), pointer + "/major", "major must be a whole number such as 1"));
    }
    for (String key : map.keys()) {
      if (!Set.of("kind", "name", "major", "team", "keyword").contains(key)) {
        problems.add(
            Problem.error(
                file,
                map.keyPosition(key),
                pointer + "/" + key,
                RuleId.PROMOTION,
                "unknown selector field '"
                    + key
                    + "'; a selector takes kind, name, major, team and keyword"));
      }
    }
    Selector selector =
        new Selector(kind, map.str("name"), major, map.str("team"), map.str("keyword"));
    if (selector.isEmpty() && kindText == null) {
      problems.add(
          error(
              map,
              pointer,
              "an empty selector would select everything; name a kind, name, team or keyword"));
      return Optional.empty();
    }
    return Optional.of(selector);
  }

  private Include include(String pointer, YNode node) {
    if (node instanceof YScalar s && "all".equals(s.text())) {
      return Include.ALL;
    }
    if (node instanceof YScalar s && "none".equals(s.text())) {
      return Include.NONE;
    }
    if (node instanceof YSeq seq) {
      Set<String> names = new LinkedHashSet<>();
      seq.items()
          .forEach(i -> names.add(i instanceof YScalar s ? s.text() : String.valueOf(i.toPlain())));
      return new Include(false, names);
    }
    problems.add(error(node, pointer, "include takes all, none or a list of names"));
    return Include.NONE;
  }

  private Overwrite overwrite() {
    YNode node = body.get("overwrite");
    if (node == null) {
      return Overwrite.NONE;
    }
    if (node instanceof YScalar s && "all".equals(s.text())) {
      return Overwrite.ALL;
    }
    if (node instanceof YScalar s && "none".equals(s.text())) {
      return Overwrite.NONE;
    }
    List<String> accepted = Overwrite.acceptedEntries();
    if (!(node instanceof YSeq seq)) {
      problems.add(
          error(
              node,
              "/overwrite",
              "overwrite takes none, all or a list of: " + String.join(", ", accepted)));
      return Overwrite.NONE;
    }
    Set<String> entries = new LinkedHashSet<>();
    for (YNode item : seq.items()) {
      String value = item instanceof YScalar s ? s.text().toLowerCase(Locale.ROOT) : null;
      if (value == null || !accepted.contains(value)) {
        problems.add(
            error(
                item,
                "/overwrite",
                "unknown overwrite entry '"
                    + (value == null ? item.toPlain() : value)
                    + "'; accepted: "
                    + String.join(", ", accepted)));
        continue;
      }
      entries.add(value);
    }
    for (YNode item : seq.items()) {
      String value = item instanceof YScalar s ? s.text().toLowerCase(Locale.ROOT) : "";
      int dot = value.indexOf('.');
      if (dot > 0 && entries.contains(value) && !entries.contains(value.substring(0, dot))) {
        problems.add(
            error(
                item,
                "/overwrite",
                value
                    + " needs its parent "
                    + value.substring(0, dot)
                    + " in overwrite: add "
                    + value.substring(0, dot)
                    + " to the list"));
      }
    }
    return new Overwrite(false, entries);
  }

  private Problem error(YNode at, String pointer, String message) {
    return Problem.error(file, at.position(), pointer, RuleId.PROMOTION, message);
  }

  private static String ids(List<Kind> kinds) {
    List<String> out = new ArrayList<>();
    kinds.forEach(k -> out.add(k.id()));
    return String.join(", ", out);
  }
}
