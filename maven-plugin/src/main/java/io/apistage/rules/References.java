package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reference an asset makes, as docs/promotion.md defines them: required dependencies (an
 * Api's policies and aliases, an Application's Apis, a Package's Apis and Plans, a Plan's policies,
 * a Subscription's package, plan and application), aliases used in any string field, the team of
 * any asset, stages named by stages, aliases and promotions, and the names a promotion selects or
 * includes. Names that do not follow the naming pattern are left to the schema, so one typo gives
 * one problem.
 *
 * @since 0.1.0
 */
public final class References {

  /** {@code ${alias:NAME}} anywhere in a string. */
  public static final Pattern ALIAS_USE = Pattern.compile("\\$\\{alias:([^}]*)\\}");

  private References() {}

  /** The references of one asset, in document order. */
  public static List<Reference> of(Asset asset) {
    List<Reference> out = new ArrayList<>();
    YMap body = asset.body();
    name(out, asset, body, "/team", Kind.TEAM, false);
    switch (asset.kind()) {
      case API -> names(out, asset, body, "/policies", Kind.POLICY, true);
      case PLAN -> names(out, asset, body, "/policies", Kind.POLICY, true);
      case APPLICATION -> apis(out, asset, body);
      case PACKAGE -> {
        apis(out, asset, body);
        names(out, asset, body, "/plans", Kind.PLAN, true);
      }
      case SUBSCRIPTION -> {
        name(out, asset, body, "/package", Kind.PACKAGE, true);
        name(out, asset, body, "/plan", Kind.PLAN, true);
        name(out, asset, body, "/application", Kind.APPLICATION, true);
      }
      case STAGE -> name(out, asset, body, "/promotesFrom", Kind.STAGE, false);
      case ALIAS -> {
        YMap stages = body.map("stages");
        if (stages != null) {
          for (YMap.Entry e : stages.entries().values()) {
            if (RuleSupport.isName(e.key())) {
              YScalar key = new YScalar(e.key(), e.key(), e.keyLine(), e.keyColumn());
              out.add(
                  new Reference(
                      asset,
                      JsonPointer.child("/stages", e.key()),
                      key,
                      new Reference.Target(Kind.STAGE, e.key(), 0),
                      false));
            }
          }
        }
      }
      case PROMOTION -> promotion(out, asset, body);
      default -> {
        // policies and teams name no other asset besides their team
      }
    }
    aliases(out, asset, body, new ArrayDeque<>());
    return out;
  }

  private static void promotion(List<Reference> out, Asset asset, YMap body) {
    name(out, asset, body, "/from", Kind.STAGE, false);
    names(out, asset, body, "/to", Kind.STAGE, false);
    YMap include = body.map("include");
    if (include != null) {
      names(out, asset, include, "/include/applications", Kind.APPLICATION, false);
      names(out, asset, include, "/include/subscriptions", Kind.SUBSCRIPTION, false);
    }
    List<YNode> selectors = body.list("assets");
    for (int i = 0; i < selectors.size(); i++) {
      if (!(selectors.get(i) instanceof YMap selector)) {
        continue;
      }
      String pointer = "/assets/" + i;
      name(out, asset, selector, pointer + "/team", Kind.TEAM, false);
      String kindText = selector.str("kind");
      YNode nameNode = selector.get("name");
      String name = RuleSupport.text(nameNode);
      if (kindText == null || !RuleSupport.isName(name)) {
        continue; // keyword and wildcard selectors name no single asset
      }
      Kind kind = Kind.byId(kindText.toLowerCase(Locale.ROOT)).orElse(null);
      if (kind == null) {
        continue;
      }
      int major = -1;
      if (kind == Kind.API
          && selector.get("major") instanceof YScalar m
          && m.value() instanceof Long l) {
        major = l.intValue();
      }
      out.add(
          new Reference(
              asset, pointer + "/name", nameNode, new Reference.Target(kind, name, major), false));
    }
  }

  private static void apis(List<Reference> out, Asset asset, YMap body) {
    List<YNode> apis = body.list("apis");
    for (int i = 0; i < apis.size(); i++) {
      String text = RuleSupport.text(apis.get(i));
      Matcher m = text == null ? null : RuleSupport.API_REF.matcher(text);
      if (m != null && m.matches()) {
        out.add(
            new Reference(
                asset,
                "/apis/" + i,
                apis.get(i),
                new Reference.Target(Kind.API, m.group(1), Integer.parseInt(m.group(2))),
                true));
      }
    }
  }

  /** {@code field} is a pointer whose last token is a key of {@code map}. */
  private static void name(
      List<Reference> out, Asset asset, YMap map, String field, Kind kind, boolean required) {
    YNode node = map.get(field.substring(field.lastIndexOf('/') + 1));
    String text = RuleSupport.text(node);
    if (RuleSupport.isName(text)) {
      out.add(new Reference(asset, field, node, new Reference.Target(kind, text, 0), required));
    }
  }

  private static void names(
      List<Reference> out, Asset asset, YMap map, String field, Kind kind, boolean required) {
    List<YNode> items = map.list(field.substring(field.lastIndexOf('/') + 1));
    for (int i = 0; i < items.size(); i++) {
      String text = RuleSupport.text(items.get(i));
      if (RuleSupport.isName(text)) {
        out.add(
            new Reference(
                asset,
                field + "/" + i,
                items.get(i),
                new Reference.Target(kind, text, 0),
                required));
      }
    }
  }

  /** Walks every scalar; the pointer is built only for the few strings that use an alias. */
  private static void aliases(
      List<Reference> out, Asset asset, YNode node, ArrayDeque<String> path) {
    if (node instanceof YMap map) {
      for (Map.Entry<String, YMap.Entry> e : map.entries().entrySet()) {
        path.addLast(JsonPointer.escape(e.getKey()));
        aliases(out, asset, e.getValue().value(), path);
        path.removeLast();
      }
    } else if (node instanceof YSeq seq) {
      for (int i = 0; i < seq.size(); i++) {
        path.addLast(Integer.toString(i));
        aliases(out, asset, seq.get(i), path);
        path.removeLast();
      }
    } else if (node instanceof YScalar scalar
        && scalar.value() instanceof String text
        && text.contains("${alias:")) {
      String pointer = path.isEmpty() ? "" : "/" + String.join("/", path);
      Matcher m = ALIAS_USE.matcher(text);
      while (m.find()) {
        out.add(
            new Reference(
                asset, pointer, node, new Reference.Target(Kind.ALIAS, m.group(1), 0), true));
      }
    }
  }
}
