package io.apistage.archive;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.ConfigSource;
import io.apistage.model.DirectorySource;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageLayout;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where export reads assets: the working copy, or the authored copies of a stage's state (what the
 * stage runs, before its aliases are resolved) byte for byte from the current commit of the stage's
 * branch, read in this one place.
 *
 * @param files the files, relative to the config root
 * @param source {@code working-copy} or {@code stage}
 * @param stage the stage's name, or null
 * @param commit the source commit, or null outside Git
 * @since 0.2.0
 */
record ExportSource(ConfigSource files, String source, String stage, String commit) {

  /** The working copy, with HEAD as its commit when the config root is in Git. */
  static ExportSource workingCopy(Path configDir) throws IOException {
    String head = null;
    try (GitRepo git = GitRepo.open(configDir)) {
      head = git.head().orElse(null);
    } catch (ApistageException notInGit) {
      // a config root outside Git exports fine; its manifest names no commit
    }
    return new ExportSource(new DirectorySource(configDir), "working-copy", null, head);
  }

  /**
   * A stage's state at the current commit of its branch.
   *
   * @throws ApistageException for an unknown stage, a stage never promoted to, or a state that does
   *     not parse
   */
  static ExportSource stage(Path configDir, String name, Map<String, GitCredentials> servers)
      throws ApistageException, IOException {
    Config config = new ConfigLoader().loadStages(configDir);
    Stage stage = StageChain.of(config).required(name, "export");
    try (GitRepo git = GitRepo.open(configDir)) {
      Optional<String> commit = new StageStore(git, servers).currentCommit(stage);
      if (commit.isEmpty()) {
        throw new ApistageException(
            "stage "
                + name
                + " has no state yet (its branch "
                + stage.state().branch()
                + " does not exist): promote to it first, or export the working copy");
      }
      // the authored copies byte for byte, as promotions wrote them: alias references intact
      Map<String, byte[]> files = new TreeMap<>();
      for (Map.Entry<String, String> blob :
          git.listFiles(commit.get(), StageLayout.AUTHORED).entrySet()) {
        if (ConfigLoader.place(blob.getKey()).isPresent()) {
          files.put(blob.getKey(), git.readBlob(blob.getValue()));
        }
      }
      return new ExportSource(new MemorySource(files), "stage", name, commit.get());
    }
  }
}
