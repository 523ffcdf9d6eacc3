package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dependency-cycle}: the required dependencies of docs/promotion.md (and the aliases an
 * asset uses, which may use further aliases) form no cycle, so every asset can be promoted after
 * what it needs.
 *
 * @since 0.1.0
 */
public final class DependencyCycleRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    return check(config, Facts.computing());
  }

  @Override
  public List<Problem> check(Config config, Facts facts) {
    Map<String, List<Reference>> edges = new HashMap<>();
    for (Asset asset : config.assets().values()) {
      List<Reference> required = new ArrayList<>();
      for (Reference ref : facts.references(asset)) {
        if (ref.required() && ref.major() >= 0 && config.assets().containsKey(ref.targetKey())) {
          required.add(ref);
        }
      }
      edges.put(asset.key(), required);
    }
    List<Problem> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String start : config.assets().keySet()) {
      walk(start, new ArrayList<>(), new ArrayList<>(), edges, done, out);
    }
    return out;
  }

  /**
   * Depth-first; keys are visited in sorted order so each cycle is reported once, from its smallest
   * key.
   */
  private static void walk(
      String key,
      List<String> path,
      List<Reference> via,
      Map<String, List<Reference>> edges,
      Set<String> done,
      List<Problem> out) {
    int at = path.indexOf(key);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(key);
      Reference first = via.get(at);
      out.add(
          RuleSupport.error(
              first.from(),
              first.node(),
              first.pointer(),
              RuleId.DEPENDENCY_CYCLE,
              "dependency cycle "
                  + String.join(" -> ", cycle)
                  + "; an asset cannot depend on"
                  + " itself through others: break the cycle"));
      return;
    }
    if (done.contains(key)) {
      return;
    }
    path.add(key);
    for (Reference ref : edges.getOrDefault(key, List.of())) {
      via.add(ref);
      walk(ref.targetKey(), path, via, edges, done, out);
      via.remove(via.size() - 1);
    }
    path.remove(path.size() - 1);
    done.add(key);
  }
}
