package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stage-chain}: the stages form chains from one first stage (the only one without {@code
 * promotesFrom}, whose source is the main branch) with no cycle, and only that first stage may set
 * {@code track}.
 *
 * @since 0.1.0
 */
public final class StageChainRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    Map<String, Asset> stages = new LinkedHashMap<>();
    config.all(Kind.STAGE).forEach(s -> stages.put(s.name(), s));
    if (stages.isEmpty()) {
      return out;
    }
    List<Asset> firsts = new ArrayList<>();
    for (Asset stage : stages.values()) {
      String from = stage.str("promotesFrom");
      if (from == null) {
        firsts.add(stage);
      } else if (from.equals(stage.name())) {
        out.add(
            RuleSupport.error(
                stage,
                "/promotesFrom",
                RuleId.STAGE_CHAIN,
                "stage '"
                    + stage.name()
                    + "' promotes from itself; name the stage before it, or"
                    + " remove promotesFrom if it is the first stage"));
      } else if (stage.body().get("track") != null) {
        out.add(
            RuleSupport.error(
                stage,
                "/track",
                RuleId.STAGE_CHAIN,
                "only the first stage may set track, and stage '"
                    + stage.name()
                    + "' promotes from '"
                    + from
                    + "'; remove track"));
      }
    }
    if (firsts.size() > 1) {
      String first = firsts.get(0).name();
      for (Asset other : firsts.subList(1, firsts.size())) {
        out.add(
            RuleSupport.error(
                other,
                "/name",
                RuleId.STAGE_CHAIN,
                "stage '"
                    + other.name()
                    + "' has no promotesFrom, and neither has '"
                    + first
                    + "'; a stage chain has one first stage: set promotesFrom on one of them"));
      }
    }
    cycles(stages, out);
    return out;
  }

  private static void cycles(Map<String, Asset> stages, List<Problem> out) {
    Set<String> done = new HashSet<>();
    for (String start : stages.keySet()) {
      List<String> path = new ArrayList<>();
      String current = start;
      while (current != null && stages.containsKey(current) && !done.contains(current)) {
        int at = path.indexOf(current);
        if (at >= 0) {
          List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
          if (cycle.size() > 1) {
            report(stages, cycle, out);
          }
          break;
        }
        path.add(current);
        String from = stages.get(current).str("promotesFrom");
        current = from == null || from.equals(current) ? null : from;
      }
      done.addAll(path);
    }
  }

  private static void report(Map<String, Asset> stages, List<String> cycle, List<Problem> out) {
    // start the description at the smallest name, so the message does not depend on walk order
    int smallest = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i).compareTo(cycle.get(smallest)) < 0) {
        smallest = i;
      }
    }
    List<String> ordered = new ArrayList<>(cycle.subList(smallest, cycle.size()));
    ordered.addAll(cycle.subList(0, smallest));
    StringBuilder chain = new StringBuilder();
    for (String name : ordered) {
      chain.append(name).append(" <- ");
    }
    chain.append(ordered.get(0));
    Asset at = stages.get(ordered.get(0));
    out.add(
        RuleSupport.error(
            at,
            "/promotesFrom",
            RuleId.STAGE_CHAIN,
            "stages promote from each other in a cycle ("
                + chain
                + "); a stage chain starts at"
                + " one first stage without promotesFrom: break the cycle"));
  }
}
