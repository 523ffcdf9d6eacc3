package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A Git work tree in a temporary folder with the config of a small shop and dev, qa and prod. */
final class GitFixture implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  static final String DEV = "kind: Stage\nname: dev\ntrack: main\n";
  static final String QA = "kind: Stage\nname: qa\npromotesFrom: dev\n";
  static final String PROD = "kind: Stage\nname: prod\npromotesFrom: qa\n";
  static final String BACKEND =
      "kind: Alias\nname: orders-backend\nvalue: http://localhost:9001\nstages: { qa: https://orders.qa, prod: https://orders.prod }\n";
  static final String CORS = "kind: Policy\nname: cors\ntype: cors\n";
  static final String ORDERS =
      """
      kind: Api
      name: orders
      version: 1.0.0
      state: published
      description: Orders of the web shop
      baseUrl: ${alias:orders-backend}
      policies: [cors]
      endpoints:
        - { name: getOrder, method: GET, path: /orders }
      """;
  static final String PETS =
      "kind: Api\nname: pets\nversion: 1.0.0\nstate: published\nbaseUrl: http://pets.local\n";
  static final String ORDERS_TO_QA =
      "kind: Promotion\nname: orders-to-qa\nfrom: dev\nto: [qa]\nassets: [{ kind: api, name: orders }]\n";
  static final String ORDERS_TO_PROD =
      "kind: Promotion\nname: orders-to-prod\nfrom: qa\nto: [prod]\nassets: [{ kind: api, name: orders }]\n";

  final Path dir;
  final Git git;
  private int tick;

  GitFixture(Path dir) {
    this.dir = dir;
    try {
      this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shop: stages, alias, policy, orders and pets, committed on main. */
  static GitFixture shop(Path dir) {
    GitFixture f = new GitFixture(dir);
    f.write("stages/dev.yaml", DEV).write("stages/qa.yaml", QA).write("stages/prod.yaml", PROD);
    f.write("aliases/orders-backend.yaml", BACKEND).write("policies/cors.yaml", CORS);
    f.write("apis/orders/v1.yaml", ORDERS).write("apis/pets/v1.yaml", PETS);
    f.commit("the shop");
    return f;
  }

  GitFixture write(String path, String text) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GitFixture delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      git.rm().addFilepattern(path).call();
      return this;
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      PersonIdent who =
          new PersonIdent(
              "Alice",
              "alice@example.com",
              Date.from(T0.plusSeconds(60L * tick++)),
              TimeZone.getTimeZone("UTC"));
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  void checkout(String branch, boolean create) {
    try {
      git.checkout().setName(branch).setCreateBranch(create).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  GoalContext context(RecordingLog log) {
    return new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), log);
  }

  Clock clock() {
    return Clock.fixed(T0.plusSeconds(3600L + 60L * tick++), ZoneOffset.UTC);
  }

  PromoteRequest promote() {
    return new PromoteRequest(null, false, false, clock());
  }

  /** A stage's state as the store reads it now. */
  StageState state(String stage) {
    try (GitRepo repo = GitRepo.open(dir)) {
      StageChain chain = RollbackGoal.stages(repo, repo.head().orElseThrow());
      return new StageStore(repo, Map.of()).read(chain.get(stage));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ApistageException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commit a ref points at, or null. */
  String ref(String name) {
    try {
      var ref = git.getRepository().exactRef(name);
      return ref == null ? null : ref.getObjectId().name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
