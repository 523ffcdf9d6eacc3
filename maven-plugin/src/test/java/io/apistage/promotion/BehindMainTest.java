package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalResult;
import io.apistage.goal.PromotionPlan;
import io.apistage.log.RecordingLog;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a stage stays behind main, through real promote runs on a real repository. */
class BehindMainTest {

  @TempDir Path dir;

  private static final String ORDERS_TO_DEV =
      "kind: Promotion\nname: orders-to-dev\nto: [dev]\nassets: [{ kind: api, name: orders }]\n";

  private static List<String> behind(GoalResult result) {
    return ((PromotionPlan) result.body()).behind();
  }

  @Test
  void aMergedVersionThatAnAppliedPromotionNoLongerBringsIsExplained() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("stages/dev.yaml", "kind: Stage\nname: dev\n");
      f.repo.write("promotions/orders-to-dev.yaml", ORDERS_TO_DEV);
      f.repo.commit("orders to dev");
      new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
      f.repo.write("apis/orders/v1.yaml", ShopFixture.ORDERS.replace("1.0.0", "1.1.0"));
      f.repo.commit("orders 1.1.0");

      RecordingLog log = new RecordingLog();
      GoalResult result = new PromoteGoal(f.context(log), f.promote()).execute();

      assertThat(result.message())
          .isEqualTo(
              "promote: 0 applied, 1 skipped, 0 failed; behind main: dev 2 assets, qa 4 assets,"
                  + " prod 4 assets (listed above)");
      assertThat(behind(result))
          .startsWith(
              "dev: api/orders@1 1.0.0 → 1.1.0 not applied; promotion orders-to-dev was applied to"
                  + " dev with this content before main had it: change"
                  + " promotions/orders-to-dev.yaml or promote with -Dapistage.repromote=true",
              "dev: api/pets@1 1.0.0 not on dev; no pending promotion brings it: add one to"
                  + " promotions/ or set `track: main` on dev");
      assertThat(log.lines())
          .contains(
              "[INFO] Behind main after this run:",
              "[INFO]   dev: api/pets@1 1.0.0 not on dev; no pending promotion brings it: add one"
                  + " to promotions/ or set `track: main` on dev");
    }
  }

  @Test
  void aStageWhoseSourceLacksTheAssetAndAFirstStageThatTracksMainAreExplained() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders to qa");

      GoalResult result =
          new PromoteGoal(
                  f.context(new RecordingLog()),
                  new PromoteRequest("orders-to-qa", false, false, f.clock()))
              .execute();

      assertThat(behind(result))
          .contains(
              "dev: api/orders@1 1.0.0 not on dev; dev tracks main: mvn apistage:promote on main"
                  + " brings it",
              "qa: api/orders@1 1.0.0 not on qa; promotion orders-to-qa brings it from dev, which"
                  + " does not have it: dev gets it first");
    }
  }

  @Test
  void diffSaysWhyEachStageItComparesIsBehind() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("stages/dev.yaml", "kind: Stage\nname: dev\n");
      f.repo.commit("dev without track");
      RecordingLog log = new RecordingLog();
      DiffRequest request = new DiffRequest(Optional.of("dev"), false, Map.of());
      GoalResult diff = new DiffGoal(f.context(log), request).execute();

      GoalResult explained = BehindMain.explainDiff(diff, f.context(log), request);

      String noPromotion =
          " no pending promotion brings it: add one to promotions/ or set `track: main` on dev";
      assertThat(((DiffReport) explained.body()).behind())
          .containsExactly(
              "dev: alias/orders-backend not on dev;" + noPromotion,
              "dev: api/orders@1 1.0.0 not on dev;" + noPromotion,
              "dev: api/pets@1 1.0.0 not on dev;" + noPromotion,
              "dev: policy/cors not on dev;" + noPromotion);
      assertThat(log.lines())
          .containsSubsequence(
              "[INFO] Plan for dev: 3 to create, 0 to update, 0 to delete, 0 unchanged",
              "[INFO] Behind the checked-out commit, and why:",
              "[INFO]   dev: alias/orders-backend not on dev;" + noPromotion);
      assertThat(explained.message()).isEqualTo(diff.message());
    }
  }
}
