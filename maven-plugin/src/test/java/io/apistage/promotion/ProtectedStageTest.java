package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code protected: true} stage is rolled back only from main, and only when confirmed. */
class ProtectedStageTest {

  @TempDir Path dir;

  private static RollbackRequest rollback(ShopFixture f, boolean dryRun, String confirm) {
    return new RollbackRequest(
        "qa", null, f.clock(), Map.of(), Map.of(), new RollbackRequest.Options(dryRun, confirm));
  }

  private static ShopFixture promotedToProtectedQa(Path dir) throws Exception {
    ShopFixture f = ShopFixture.shop(dir);
    f.repo
        .write("stages/qa.yaml", ShopFixture.QA + "protected: true\n")
        .write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA)
        .commit("orders to a protected qa");
    new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
    return f;
  }

  @Test
  void aDryRunOnAFeatureBranchRollsNothingBack() throws Exception {
    try (ShopFixture f = promotedToProtectedQa(dir)) {
      String before = f.repo.ref("refs/heads/apistage/stage/qa");
      f.repo.branch("feature").write("notes.txt", "work in progress\n").commit("a feature");
      RecordingLog log = new RecordingLog();

      GoalResult result = new RollbackGoal(f.context(log), rollback(f, true, null)).execute();

      assertThat(result.message())
          .isEqualTo(
              "rollback (dry run): qa would be restored to its state before orders-to-qa (3"
                  + " assets); nothing was written");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(before);
    }
  }

  @Test
  void aProtectedStageIsNotRolledBackFromAFeatureBranch() throws Exception {
    try (ShopFixture f = promotedToProtectedQa(dir)) {
      String before = f.repo.ref("refs/heads/apistage/stage/qa");
      f.repo.branch("feature").write("notes.txt", "work in progress\n").commit("a feature");
      String head = f.repo.ref("HEAD");

      assertThatThrownBy(
              () ->
                  new RollbackGoal(f.context(new RecordingLog()), rollback(f, false, "qa"))
                      .execute())
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "stage qa is protected: it is rolled back only from a commit on the main branch:"
                  + " HEAD "
                  + head.substring(0, 7)
                  + " is not on main; merge it into main first, or run with -Dapistage.dryRun=true"
                  + " to see what would happen");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(before);
    }
  }

  @Test
  void aProtectedStageNeedsItsNameConfirmed() throws Exception {
    try (ShopFixture f = promotedToProtectedQa(dir)) {
      String before = f.repo.ref("refs/heads/apistage/stage/qa");
      assertThatThrownBy(
              () ->
                  new RollbackGoal(f.context(new RecordingLog()), rollback(f, false, "prod"))
                      .execute())
          .hasMessage(
              "stage qa is protected (protected: true in stages/qa.yaml): rolling it back needs"
                  + " -Dapistage.confirm=qa (-Dapistage.confirm=prod names another stage);"
                  + " -Dapistage.dryRun=true shows what would be restored");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(before);
      GoalResult done =
          new RollbackGoal(f.context(new RecordingLog()), rollback(f, false, "qa")).execute();
      assertThat(done.message())
          .isEqualTo("rollback: qa restored to its state before orders-to-qa (3 assets)");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isNotEqualTo(before);
    }
  }
}
