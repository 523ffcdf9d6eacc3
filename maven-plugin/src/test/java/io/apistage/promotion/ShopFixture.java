package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The config of a small shop with dev, qa and prod, in a repository built by {@link
 * GitRepoBuilder}, and what the promotion goals need to run on it: a context, a clock, a stage's
 * state.
 */
final class ShopFixture implements AutoCloseable {

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

  /** The repository, on main, committed by Alice from {@link #T0}. */
  final GitRepoBuilder repo;

  ShopFixture(Path dir) {
    this.repo = GitRepoBuilder.init(dir).as("Alice", "alice@example.com").startingAt(T0);
  }

  /** The shop: stages, alias, policy, orders and pets, committed on main. */
  static ShopFixture shop(Path dir) {
    ShopFixture f = new ShopFixture(dir);
    f.repo
        .write("stages/dev.yaml", DEV)
        .write("stages/qa.yaml", QA)
        .write("stages/prod.yaml", PROD);
    f.repo.write("aliases/orders-backend.yaml", BACKEND).write("policies/cors.yaml", CORS);
    f.repo.write("apis/orders/v1.yaml", ORDERS).write("apis/pets/v1.yaml", PETS);
    f.repo.commit("the shop");
    return f;
  }

  GoalContext context(RecordingLog log) {
    return new GoalContext(repo.dir(), repo.dir().resolve("target/apistage"), false, Map.of(), log);
  }

  /** A clock an hour after the next fixed time of the history, so runs come after commits. */
  Clock clock() {
    return Clock.fixed(repo.next().plusSeconds(3600L), ZoneOffset.UTC);
  }

  PromoteRequest promote() {
    return new PromoteRequest(null, false, false, clock());
  }

  /** A stage's state as the store reads it now. */
  StageState state(String stage) {
    try (GitRepo git = GitRepo.open(repo.dir())) {
      StageChain chain = RollbackGoal.stages(git, git.head().orElseThrow());
      return new StageStore(git, Map.of()).read(chain.get(stage));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ApistageException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
