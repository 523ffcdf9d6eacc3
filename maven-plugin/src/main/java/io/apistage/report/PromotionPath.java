package io.apistage.report;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage chain of a configuration as edges, e.g. main → dev → qa → prod, for the diagram of the
 * Markdown report.
 *
 * @param source the main branch, the source of the first stage
 * @param edges every edge, first stages first; {@link Edge#from()} is null for a first stage
 * @since 0.1.0
 */
public record PromotionPath(String source, List<Edge> edges) {

  public PromotionPath {
    edges = List.copyOf(edges);
  }

  /**
   * One step of the chain.
   *
   * @param from the source stage, or null when the source is the main branch
   * @param to the target stage
   */
  public record Edge(String from, String to) {}

  /** A path without stages. */
  public static PromotionPath none(String source) {
    return new PromotionPath(source, List.of());
  }

  /** The chain of the configuration's Stage documents, ordered from the first stages down. */
  public static PromotionPath of(Config config) {
    List<Edge> edges = new ArrayList<>();
    List<Asset> stages = config.all(Kind.STAGE);
    List<String> reached = new ArrayList<>();
    for (Asset stage : stages) {
      if (stage.str("promotesFrom") == null) {
        edges.add(new Edge(null, stage.name()));
        reached.add(stage.name());
      }
    }
    // Breadth first from the first stages; a stage in a cycle or after a missing one is left out,
    // validation reports those.
    for (int i = 0; i < reached.size(); i++) {
      String from = reached.get(i);
      for (Asset stage : stages) {
        if (from.equals(stage.str("promotesFrom")) && !reached.contains(stage.name())) {
          edges.add(new Edge(from, stage.name()));
          reached.add(stage.name());
        }
      }
    }
    return new PromotionPath(config.settings().mainBranch(), edges);
  }
}
