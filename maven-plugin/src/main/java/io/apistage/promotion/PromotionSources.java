package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Settings;
import io.apistage.problem.ApistageException;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each stage's promotions take their assets from: a first stage from the main branch at the
 * checked-out commit, a later stage from the state of the stage it promotes from. In a dry run
 * nothing is written, so a later stage takes what the run computed for its source stage.
 *
 * @since 0.1.0
 */
final class PromotionSources {

  private final HeadSource main;
  private final StageChain chain;
  private final StageStore store;
  private final Map<String, Planner.Contents> computed = new HashMap<>();

  PromotionSources(HeadSource main, StageChain chain, StageStore store) {
    this.main = main;
    this.chain = chain;
    this.store = store;
  }

  /**
   * The source of a stage.
   *
   * @param source the assets and their label ({@code main} or the source stage)
   * @param stageCommit the source stage's commit that was read, or null
   */
  record Found(Planner.Source source, String stageCommit) {}

  /** The main branch's name. */
  String mainLabel() {
    return main.label();
  }

  /** The source of a stage's promotions. */
  Found of(Stage stage) throws ApistageException, IOException {
    if (stage.isFirst()) {
      return new Found(main.get(), null);
    }
    Stage from = chain.get(stage.promotesFrom());
    Planner.Contents contents = computed.get(from.name());
    String stageCommit = null;
    if (contents == null) {
      StageState state = store.read(from, StageReader.Depth.AUTHORED);
      stageCommit = state.commit().orElse(null);
      contents = new Planner.Contents(state.assets(), state.authored(), state.aliases());
    }
    return new Found(new Planner.Source(asConfig(contents), from.name()), stageCommit);
  }

  /** Remembers what a dry run computed for a stage, the source of the stages after it. */
  void computed(String stage, Planner.Contents contents) {
    computed.put(stage, contents);
  }

  static Config asConfig(Planner.Contents contents) {
    Map<String, Asset> assets = new TreeMap<>(contents.authored());
    contents.aliases().values().forEach(a -> assets.put(a.key(), a));
    return new Config(assets, Settings.DEFAULTS, List.of(), List.of());
  }
}
