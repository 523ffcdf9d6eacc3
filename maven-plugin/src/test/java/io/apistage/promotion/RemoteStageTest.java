package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
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
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    String url = bare.toUri().toString();
    String qa = "kind: Stage\nname: qa\npromotesFrom: dev\nstate: { remote: \"" + url + "\" }\n";
    try (GitFixture first = GitFixture.shop(dir.resolve("first"));
        GitFixture second = GitFixture.shop(dir.resolve("second"))) {
      for (GitFixture f : List.of(first, second)) {
        f.write("stages/qa.yaml", qa);
        f.write(
            "stages/dev.yaml",
            "kind: Stage\nname: dev\ntrack: main\nstate: { remote: \"" + url + "\" }\n");
        f.write("promotions/orders-to-qa.yaml", GitFixture.ORDERS_TO_QA);
        f.commit("stages on a remote");
      }

      GoalResult applied =
          new PromoteGoal(first.context(new RecordingLog()), first.promote()).execute();
      GoalResult again =
          new PromoteGoal(second.context(new RecordingLog()), second.promote()).execute();

      assertThat(applied.problems()).isEmpty();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> outcomes =
          (List<Map<String, Object>>) again.body().get("promotions");
      assertThat(outcomes)
          .extracting(o -> o.get("name") + ":" + o.get("status"))
          .containsExactly("track-main:skipped", "orders-to-qa:skipped");
      try (Repository remote = Git.open(bare.toFile()).getRepository()) {
        assertThat(remote.exactRef("refs/heads/apistage/stage/qa")).isNotNull();
        assertThat(remote.exactRef("refs/heads/apistage/stage/qa").getObjectId().name())
            .isEqualTo(
                ((List<Map<String, Object>>) applied.body().get("promotions"))
                    .get(1)
                    .get("commit"));
      }
      assertThat(second.state("qa").assets()).containsKeys("api/orders@1", "policy/cors");
      assertThat(first.ref("refs/heads/apistage/stage/qa"))
          .as("no local branch for a remote stage")
          .isNull();
    }
  }
}
