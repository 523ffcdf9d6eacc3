package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryGoalTest {

  @TempDir Path dir;

  @Test
  void withoutAStageEveryStageListsItsLastRecordsInPromotionOrder() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders");
      new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
      RecordingLog log = new RecordingLog();

      GoalResult result = new HistoryGoal(f.context(log), null).execute();

      assertThat(result.message())
          .isEqualTo(
              "history of every stage (the last 5 records of each; -Dapistage.stage=<stage> for"
                  + " all of one): dev: 1 promotion, 0 rollbacks; qa: 1 promotion, 0 rollbacks;"
                  + " prod: 0 promotions, 0 rollbacks");
      assertThat(log.lines())
          .filteredOn(l -> l.startsWith("[INFO] history of stage"))
          .containsExactly(
              "[INFO] history of stage dev (apistage/stage/dev) at "
                  + f.repo.ref("refs/heads/apistage/stage/dev").substring(0, 7),
              "[INFO] history of stage qa (apistage/stage/qa) at "
                  + f.repo.ref("refs/heads/apistage/stage/qa").substring(0, 7),
              "[INFO] history of stage prod (apistage/stage/prod): nothing deployed yet");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> stages =
          (List<Map<String, Object>>) result.body().toJson().get("stages");
      assertThat(stages).extracting(s -> s.get("stage")).containsExactly("dev", "qa", "prod");
      assertThat((List<?>) stages.get(2).get("records")).isEmpty();
    }
  }

  @Test
  void withoutAStageOnlyTheLastFiveRecordsOfAStageAreListed() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders");
      new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
      for (int i = 0; i < 3; i++) {
        new RollbackGoal(f.context(new RecordingLog()), new RollbackRequest("qa", null, f.clock()))
            .execute();
        new PromoteGoal(
                f.context(new RecordingLog()),
                new PromoteRequest("orders-to-qa", false, true, f.clock()))
            .execute();
      }

      GoalResult result = new HistoryGoal(f.context(new RecordingLog()), null).execute();

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> stages =
          (List<Map<String, Object>>) result.body().toJson().get("stages");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> qa = (List<Map<String, Object>>) stages.get(1).get("records");
      assertThat(qa).extracting(r -> r.get("number")).containsExactly(3, 4, 5, 6, 7);
    }
  }
}
