package io.apistage.gateway;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageFixture;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A config repository whose files are committed and put on a stage's branch as a promotion would.
 */
public final class StageRepo {

  static final Identity WHO =
      new Identity("apistage-ci", "ci@example.com", Instant.parse("2026-01-01T10:00:00Z"));

  private StageRepo() {}

  /**
   * Writes the files (replacing the tree's YAML), commits them and deploys them to the stage's
   * branch.
   */
  public static String publish(Path dir, String stageName, Map<String, String> files)
      throws Exception {
    if (!Files.isDirectory(dir.resolve(".git"))) {
      Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().setUpdate(true).addFilepattern(".").call();
      PersonIdent who =
          new PersonIdent(
              "Dev", "dev@example.com", Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
      git.commit().setMessage("change").setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
    }
    Config config = new ConfigLoader().load(new DirectorySource(dir));
    Stage stage = StageChain.of(config).get(stageName);
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      StageState base = store.read(stage);
      return store.write(stage, base, tree(config, stage, base), "promote", WHO).orElseThrow();
    }
  }

  private static Map<String, byte[]> tree(Config config, Stage stage, StageState base)
      throws Exception {
    return StageFixture.tree(config, stage, base);
  }
}
