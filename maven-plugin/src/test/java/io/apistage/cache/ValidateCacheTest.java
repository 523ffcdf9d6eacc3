package io.apistage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.log.Log;
import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged, foreign or stale cache is never trusted: it is ignored with a debug line (damaged,
 * foreign) or its changed entries are misses (stale), and the problems are always those of a run
 * without a cache.
 */
class ValidateCacheTest {

  private static final Validation VALIDATION = new Validation();

  @TempDir Path dir;
  private Path root;
  private Path cacheDir;
  private final List<String> debug = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private final Log log =
      new Log() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          warnings.add(message);
        }

        @Override
        public void error(String message) {}

        @Override
        public void debug(String message) {
          debug.add(message);
        }
      };

  @BeforeEach
  void repository() throws IOException {
    root = dir.resolve("repo");
    ValidateCacheDifferentialTest.copy(Path.of("../example-repo"), root);
    // one problem to carry through the cache: a misspelled field
    Path team = root.resolve("teams/payments.yaml");
    Files.writeString(team, Files.readString(team) + "colour: blue\n");
    cacheDir = dir.resolve("cache");
  }

  @Test
  void secondRunMeetsEveryFileUnchangedAndGivesTheSameProblems() throws IOException {
    ValidateCache.Stats first = run();
    ValidateCache.Stats second = run();
    assertThat(first.hits()).isZero();
    assertThat(second.misses()).isZero();
    assertThat(second.hits()).isEqualTo(first.misses());
    assertThat(debug).contains("validate cache: unchanged, not rewritten");
    try (Stream<Path> files = Files.list(cacheDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("validate.cache");
    }
  }

  @Test
  void theIndexVouchesForTrackedFilesAndAStaleEntryIsAMiss() throws IOException {
    try (GitRepoBuilder git = GitRepoBuilder.init(root)) {
      git.commit("start");
    }
    ValidateCache.Stats first = run();
    Path api = root.resolve("apis/orders/v1.yaml");
    Files.writeString(api, Files.readString(api).replaceFirst("description:", "descriptoin:"));
    ValidateCache.Stats second = run();
    assertThat(second.misses()).isEqualTo(1);
    assertThat(second.hits()).isEqualTo(first.misses() - 1);
  }

  @Test
  void aDamagedCacheIsIgnoredWithADebugLine() throws IOException {
    ValidateCache.Stats first = run();
    Path file = cacheDir.resolve(ValidateCache.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);
    debug.clear();
    ValidateCache.Stats second = run();
    assertThat(second.hits()).isZero();
    assertThat(second.misses()).isEqualTo(first.misses());
    assertThat(debug).contains("validate cache: ignored " + file + ", damaged (checksum mismatch)");
    // rewritten whole: the next run uses it
    assertThat(run().misses()).isZero();
  }

  @Test
  void aTruncatedOrForeignFileIsIgnoredWithADebugLine() throws IOException {
    Path file = cacheDir.resolve(ValidateCache.FILE_NAME);
    Files.createDirectories(cacheDir);
    Files.writeString(file, "not a cache");
    assertThat(run().hits()).isZero();
    assertThat(debug)
        .contains("validate cache: ignored " + file + ", not a validate cache of this format");

    run("validate-cache/0 plugin=apistage-maven-plugin-0.0.1.jar schemas=old");
    debug.clear();
    assertThat(run().hits()).isZero();
    assertThat(debug)
        .contains(
            "validate cache: ignored "
                + file
                + ", written by another plugin or schema version (validate-cache/0"
                + " plugin=apistage-maven-plugin-0.0.1.jar schemas=old)");
  }

  @Test
  void aCacheThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
    cacheDir = root.resolve("apistage.yaml"); // a file, so no folder can be made there
    ValidateCache.Stats stats = run();
    assertThat(stats.misses()).isPositive();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("validate cache: could not write " + cacheDir.resolve("validate.cache"));
  }

  private ValidateCache.Stats run() throws IOException {
    return run(null);
  }

  /** One cached run, checked against a run without cache; its counts. */
  private ValidateCache.Stats run(String identity) throws IOException {
    List<Problem> full = VALIDATION.validate(new DirectorySource(root)).problems();
    ValidateCache cache =
        identity == null
            ? ValidateCache.open(cacheDir, root, log)
            : ValidateCache.open(cacheDir, root, log, identity);
    List<Problem> cached = VALIDATION.validate(new DirectorySource(root), cache).problems();
    cache.save();
    assertThat(cached).containsExactlyInAnyOrderElementsOf(full);
    assertThat(full).anyMatch(p -> p.file().equals("teams/payments.yaml"));
    return cache.stats();
  }
}
