package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.stage.AliasResolver;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dependencies of assets, after the table of docs/promotion.md ("Selection and dependencies"):
 * required ones always travel with an asset, optional ones as the promotion's {@code include} says.
 * Every kind also requires the Aliases its strings use.
 *
 * @since 0.1.0
 */
public final class Dependencies {

  private final Config config;
  private final Map<String, List<String>> applicationsByApi = new HashMap<>();
  private final Map<String, List<String>> subscriptionsByPackage = new HashMap<>();

  /** The dependencies among the assets of one config. */
  public Dependencies(Config config) {
    this.config = config;
    for (Asset app : config.all(Kind.APPLICATION)) {
      for (String api : apiKeys(app.body().list("apis"))) {
        applicationsByApi.computeIfAbsent(api, k -> new ArrayList<>()).add(app.key());
      }
    }
    for (Asset sub : config.all(Kind.SUBSCRIPTION)) {
      String pkg = sub.str("package");
      if (pkg != null) {
        subscriptionsByPackage
            .computeIfAbsent(Asset.key(Kind.PACKAGE, pkg, 0), k -> new ArrayList<>())
            .add(sub.key());
      }
    }
  }

  /**
   * The selected assets with everything that travels with them.
   *
   * @param reasons why each key travels, in the order found: the selected keys first
   * @param missing for a referring key, the required keys it names that the source does not have
   */
  public record Closure(Map<String, String> reasons, Map<String, List<String>> missing) {
    public Closure {
      reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
      missing = Map.copyOf(missing);
    }
  }

  /**
   * Closes a selection over its dependencies.
   *
   * @param selected the selected keys with why each was selected
   * @param applications which optional Applications of an Api travel
   * @param subscriptions which optional Subscriptions of a Package travel
   */
  public Closure close(Map<String, String> selected, Include applications, Include subscriptions) {
    Map<String, String> reasons = new LinkedHashMap<>(selected);
    Map<String, List<String>> missing = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>(selected.keySet());
    while (!queue.isEmpty()) {
      String key = queue.poll();
      Asset asset = config.assets().get(key);
      if (asset == null) {
        continue;
      }
      for (String dep : required(asset)) {
        if (!config.assets().containsKey(dep)) {
          missing.computeIfAbsent(key, k -> new ArrayList<>()).add(dep);
        } else if (!reasons.containsKey(dep)) {
          reasons.put(dep, "required by " + key);
          queue.add(dep);
        }
      }
      for (String dep : optional(asset, applications, subscriptions)) {
        if (!reasons.containsKey(dep)) {
          reasons.put(dep, "optional dependency of " + key + ", included");
          queue.add(dep);
        }
      }
    }
    return new Closure(reasons, missing);
  }

  /** The keys an asset requires, whether or not they exist. */
  public List<String> required(Asset asset) {
    Set<String> out = new LinkedHashSet<>();
    YMap body = asset.body();
    switch (asset.kind()) {
      case API, PLAN ->
          names(body.list("policies")).forEach(p -> out.add(Asset.key(Kind.POLICY, p, 0)));
      case APPLICATION -> out.addAll(apiKeys(body.list("apis")));
      case PACKAGE -> {
        out.addAll(apiKeys(body.list("apis")));
        names(body.list("plans")).forEach(p -> out.add(Asset.key(Kind.PLAN, p, 0)));
      }
      case SUBSCRIPTION -> {
        if (body.str("package") != null) {
          out.add(Asset.key(Kind.PACKAGE, body.str("package"), 0));
        }
        if (body.str("plan") != null) {
          out.add(Asset.key(Kind.PLAN, body.str("plan"), 0));
        }
        if (body.str("application") != null) {
          out.add(Asset.key(Kind.APPLICATION, body.str("application"), 0));
        }
      }
      default -> {}
    }
    for (String alias : AliasResolver.referencedAliases(body)) {
      out.add(Asset.key(Kind.ALIAS, alias, 0));
    }
    return new ArrayList<>(out);
  }

  /** The optional dependencies of an asset that the includes let travel. */
  public List<String> optional(Asset asset, Include applications, Include subscriptions) {
    List<String> out = new ArrayList<>();
    if (asset.kind() == Kind.API) {
      for (String app : applicationsByApi.getOrDefault(asset.key(), List.of())) {
        if (applications.includes(config.assets().get(app).name())) {
          out.add(app);
        }
      }
    } else if (asset.kind() == Kind.PACKAGE) {
      for (String sub : subscriptionsByPackage.getOrDefault(asset.key(), List.of())) {
        if (subscriptions.includes(config.assets().get(sub).name())) {
          out.add(sub);
        }
      }
    }
    return out;
  }

  private List<String> apiKeys(List<YNode> refs) {
    List<String> out = new ArrayList<>();
    for (YNode ref : refs) {
      String name = null;
      String major = null;
      if (ref instanceof YScalar s && s.value() != null) {
        String text = s.text();
        int at = text.indexOf('@');
        name = at < 0 ? text : text.substring(0, at);
        major = at < 0 ? null : text.substring(at + 1);
      } else if (ref instanceof YMap m) {
        name = m.str("name");
        major = m.str("major");
      }
      if (name == null) {
        continue;
      }
      if (major != null) {
        out.add(Kind.API.id() + "/" + name + "@" + major);
      } else {
        // a reference without a major means every line of that Api the source has
        boolean any = false;
        for (Asset api : config.all(Kind.API)) {
          if (api.name().equals(name)) {
            out.add(api.key());
            any = true;
          }
        }
        if (!any) {
          out.add(Kind.API.id() + "/" + name + "@1");
        }
      }
    }
    return out;
  }

  private static List<String> names(List<YNode> items) {
    List<String> out = new ArrayList<>();
    for (YNode item : items) {
      if (item instanceof YScalar s && s.value() != null) {
        out.add(s.text());
      } else if (item instanceof YMap m && m.str("name") != null) {
        out.add(m.str("name"));
      }
    }
    return out;
  }
}
