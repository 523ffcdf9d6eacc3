package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the config of a repository built by {@link io.apistage.testing.GitRepoBuilder} and deploys
 * it to a stage's branch as a promotion would, for the stage tests.
 */
public final class StageFixture {

  static final Identity WHO =
      new Identity("apistage-ci", "ci@example.com", Instant.parse("2026-01-01T10:00:00Z"));

  private StageFixture() {}

  static Config load(Path dir) throws IOException {
    return new ConfigLoader().load(new DirectorySource(dir));
  }

  static StageChain chain(Path dir) throws IOException {
    return StageChain.of(load(dir));
  }

  /**
   * Deploys the working copy at {@code dir} to a stage as a promotion would: every deployable asset
   * resolved for the stage, the authored copies and the aliases they use.
   */
  static Optional<String> deploy(Path dir, String stageName, String message) throws Exception {
    Config config = load(dir);
    Stage stage = StageChain.of(config).get(stageName);
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      StageState base = store.read(stage);
      return store.write(stage, base, tree(config, stage, base), message, WHO);
    }
  }

  /** The tree of a stage running the given configuration. */
  public static Map<String, byte[]> tree(Config config, Stage stage, StageState base)
      throws ApistageException {
    AliasResolver resolver = AliasResolver.of(config.all(Kind.ALIAS), stage.name());
    Map<String, Object> running = new TreeMap<>();
    Map<String, Asset> authored = new TreeMap<>();
    Set<String> used = new HashSet<>();
    for (Asset asset : config.assets().values()) {
      if (!StageLayout.isDeployable(asset.kind())) {
        continue;
      }
      AliasResolver.Resolved r = resolver.resolve(asset);
      if (!r.ok()) {
        throw new ApistageException(r.problems().toString());
      }
      running.put(asset.key(), r.plain());
      authored.put(asset.key(), asset);
      used.addAll(r.aliasesUsed());
    }
    Map<String, Asset> aliases = new TreeMap<>();
    used.forEach(n -> aliases.put(n, resolver.aliases().get(n)));
    HistoryRecord record =
        new HistoryRecord(
            base.nextRecordNumber(),
            "promotion",
            "all-to-" + stage.name(),
            Map.of("status", "success"));
    List<HistoryRecord> history = new ArrayList<>(base.history());
    history.add(record);
    return StageLayout.render(
        new StageState.StageContent(
            stage.name(), running, authored, aliases, history, record.id()));
  }
}
