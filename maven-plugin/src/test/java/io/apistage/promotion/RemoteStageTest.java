package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.git.GitCredentials;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages whose state lives on a bare remote, reached with a {@code file://} URL. */
class RemoteStageTest {

  @TempDir Path dir;

  @Test
  void promotionToARemoteStagePushesItsCommitAndASecondCloneSeesItApplied() throws Exception {
    Path bare = dir.resolve("stages.git");
    GitRepoBuilder.bare(bare);
    String url = bare.toUri().toString();
    String qa = "kind: Stage\nname: qa\npromotesFrom: dev\nstate: { remote: \"" + url + "\" }\n";
    try (ShopFixture first = ShopFixture.shop(dir.resolve("first"));
        ShopFixture second = ShopFixture.shop(dir.resolve("second"))) {
      for (ShopFixture f : List.of(first, second)) {
        f.repo.write("stages/qa.yaml", qa);
        f.repo.write(
            "stages/dev.yaml",
            "kind: Stage\nname: dev\ntrack: main\nstate: { remote: \"" + url + "\" }\n");
        f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
        f.repo.commit("stages on a remote");
      }

      GoalResult applied =
          new PromoteGoal(first.context(new RecordingLog()), first.promote()).execute();
      GoalResult again =
          new PromoteGoal(second.context(new RecordingLog()), second.promote()).execute();

      assertThat(applied.problems()).isEmpty();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> outcomes =
          (List<Map<String, Object>>) again.body().toJson().get("promotions");
      assertThat(outcomes)
          .extracting(o -> o.get("name") + ":" + o.get("status"))
          .containsExactly("track-main:skipped", "orders-to-qa:skipped");
      try (Repository remote = Git.open(bare.toFile()).getRepository()) {
        assertThat(remote.exactRef("refs/heads/apistage/stage/qa")).isNotNull();
        assertThat(remote.exactRef("refs/heads/apistage/stage/qa").getObjectId().name())
            .isEqualTo(
                ((List<Map<String, Object>>) applied.body().toJson().get("promotions"))
                    .get(1)
                    .get("commit"));
      }
      assertThat(second.state("qa").assets()).containsKeys("api/orders@1", "policy/cors");
      assertThat(first.repo.ref("refs/heads/apistage/stage/qa"))
          .as("no local branch for a remote stage")
          .isNull();
    }
  }

  @Test
  void promoteRollbackAndHistoryUseTheSettingsServerThatTheStageNames() throws Exception {
    Path bare = dir.resolve("stages.git");
    GitRepoBuilder.bare(bare);
    String state = "state: { remote: \"" + bare.toUri() + "\", server: stage-git }\n";
    Map<String, GitCredentials> servers = Map.of("stage-git", new GitCredentials("ci-bot", "t0k"));
    try (ShopFixture f = ShopFixture.shop(dir.resolve("repo"))) {
      f.repo.write("stages/dev.yaml", "kind: Stage\nname: dev\ntrack: main\n" + state);
      f.repo.write("stages/qa.yaml", "kind: Stage\nname: qa\npromotesFrom: dev\n" + state);
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("stages on a remote that needs credentials");

      GoalResult without = new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
      assertThat(without.problems())
          .extracting(p -> p.message())
          .anySatisfy(m -> assertThat(m).contains("state.server 'stage-git'", "settings.xml"));

      PromoteRequest withServers = new PromoteRequest(null, false, false, f.clock(), servers);
      GoalResult applied = new PromoteGoal(f.context(new RecordingLog()), withServers).execute();
      assertThat(applied.problems()).isEmpty();

      GoalResult history = new HistoryGoal(f.context(new RecordingLog()), "qa", servers).execute();
      assertThat(history.message()).isEqualTo("history of qa: 1 promotion, 0 rollbacks");

      GoalResult rollback =
          new RollbackGoal(
                  f.context(new RecordingLog()),
                  new RollbackRequest("qa", null, f.clock(), servers))
              .execute();
      assertThat(rollback.problems()).isEmpty();
      try (Repository remote = Git.open(bare.toFile()).getRepository()) {
        assertThat(
                new HistoryGoal(f.context(new RecordingLog()), "qa", servers).execute().message())
            .isEqualTo("history of qa: 1 promotion, 1 rollback");
        assertThat(remote.exactRef("refs/heads/apistage/stage/qa")).isNotNull();
      }
    }
  }
}
