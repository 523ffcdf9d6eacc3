package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.StageState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteGoalTest {

  @TempDir Path dir;

  private GoalResult promote(ShopFixture f, PromoteRequest request, RecordingLog log)
      throws Exception {
    return new PromoteGoal(f.context(log), request).execute();
  }

  private GoalResult promote(ShopFixture f) throws Exception {
    return promote(f, f.promote(), new RecordingLog());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> promotions(GoalResult result) {
    return (List<Map<String, Object>>) result.body().toJson().get("promotions");
  }

  private static List<String> statuses(GoalResult result) {
    return promotions(result).stream()
        .map(p -> p.get("name") + "->" + p.get("stage") + ":" + p.get("status"))
        .toList();
  }

  private static Object baseUrl(StageState state, String key) {
    return ((Map<?, ?>) state.assets().get(key)).get("baseUrl");
  }

  @Test
  void promotionsTravelDevToQaToProdWithAliasesResolvedForEachStage() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.write("promotions/orders-to-prod.yaml", ShopFixture.ORDERS_TO_PROD);
      f.repo.commit("promote orders");
      RecordingLog log = new RecordingLog();

      GoalResult result = promote(f, f.promote(), log);

      assertThat(result.problems()).isEmpty();
      assertThat(statuses(result))
          .containsExactly(
              "track-main->dev:success",
              "orders-to-qa->qa:success",
              "orders-to-prod->prod:success");
      assertThat(baseUrl(f.state("dev"), "api/orders@1")).isEqualTo("http://localhost:9001");
      assertThat(baseUrl(f.state("qa"), "api/orders@1")).isEqualTo("https://orders.qa");
      assertThat(baseUrl(f.state("prod"), "api/orders@1")).isEqualTo("https://orders.prod");
      assertThat(f.state("prod").assets()).containsOnlyKeys("api/orders@1", "policy/cors");
      assertThat(f.state("dev").assets()).containsKeys("api/orders@1", "api/pets@1", "policy/cors");
      assertThat(log.lines())
          .contains(
              "[INFO] orders-to-qa -> qa: success, commit "
                  + f.repo.ref("refs/heads/apistage/stage/qa").substring(0, 7),
              "[INFO]   Success  api/orders@1: created on qa",
              "[INFO]   Success  policy/cors: created on qa (required by api/orders@1)",
              "[INFO]   Success  alias/orders-backend: created on qa (required by api/orders@1)");
      HistoryRecord record = f.state("qa").history().get(0);
      assertThat(record.id()).isEqualTo("000001-promotion-orders-to-qa");
      assertThat(record.content())
          .containsEntry("who", Map.of("name", "Alice", "email", "alice@example.com"))
          .containsEntry("source", "dev")
          .containsEntry("status", "success")
          .containsEntry("base", null);
      assertThat(promotions(result).get(1).get("commit"))
          .isEqualTo(f.repo.ref("refs/heads/apistage/stage/qa"));
    }
  }

  @Test
  void aPromotionIsAppliedOnceUntilItsFileChangesOrRepromoteIsAsked() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("promote orders");
      promote(f);
      String qa = f.repo.ref("refs/heads/apistage/stage/qa");

      GoalResult again = promote(f);
      assertThat(statuses(again))
          .containsExactly("track-main->dev:skipped", "orders-to-qa->qa:skipped");
      assertThat(promotions(again).get(1).get("reason"))
          .isEqualTo(
              "already applied to qa with this content; edit promotions/orders-to-qa.yaml or pass"
                  + " -Dapistage.repromote=true to apply it again");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(qa);

      GoalResult repromoted =
          promote(f, new PromoteRequest(null, false, true, f.clock()), new RecordingLog());
      assertThat(statuses(repromoted))
          .containsExactly("track-main->dev:skipped", "orders-to-qa->qa:success");

      f.repo.write(
          "promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "description: once more\n");
      f.repo.commit("edit the promotion");
      GoalResult edited = promote(f);
      assertThat(statuses(edited))
          .containsExactly("track-main->dev:skipped", "orders-to-qa->qa:success");
      assertThat(f.state("qa").history())
          .extracting(HistoryRecord::id)
          .containsExactly(
              "000001-promotion-orders-to-qa",
              "000002-promotion-orders-to-qa",
              "000003-promotion-orders-to-qa");
    }
  }

  @Test
  void overwriteNoneFailsTheWholePromotionAndLeavesTheStageAsItWas() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("promote orders");
      promote(f);
      String qa = f.repo.ref("refs/heads/apistage/stage/qa");
      f.repo.write("apis/orders/v1.yaml", ShopFixture.ORDERS.replace("1.0.0", "1.1.0"));
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "overwrite: none\n");
      f.repo.commit("orders 1.1.0");
      RecordingLog log = new RecordingLog();

      GoalResult result = promote(f, f.promote(), log);

      assertThat(statuses(result))
          .containsExactly("track-main->dev:success", "orders-to-qa->qa:failure");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(qa);
      assertThat(log.lines())
          .contains(
              "[ERROR] orders-to-qa -> qa: failure: 1 asset failed; nothing of it was applied to qa",
              "[ERROR]   Failure  api/orders@1: exists on qa with different content (1 field change) and overwrite is"
                  + " none: add api to overwrite to replace it");
      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "promotions/orders-to-qa.yaml:1:1: error [promotion] promotion orders-to-qa failed on qa: 1 asset failed;"
                  + " nothing of it was applied to qa");

      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "overwrite: [api]\n");
      f.repo.commit("allow replacing apis");
      GoalResult replaced = promote(f);
      assertThat(statuses(replaced))
          .containsExactly("track-main->dev:skipped", "orders-to-qa->qa:success");
      assertThat(((Map<?, ?>) f.state("qa").assets().get("api/orders@1")).get("version"))
          .isEqualTo("1.1.0");
    }
  }

  @Test
  void promotionFromUnmergedBranchIsRefusedButADryRunWorksAndWritesNothing() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.branch("feature");
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      String head = f.repo.commit("promote orders, not merged yet");

      assertThatThrownBy(() -> promote(f))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "promote applies promotions only from a commit on the main branch: HEAD "
                  + head.substring(0, 7)
                  + " is not on main; merge it into main first, or run with -Dapistage.dryRun=true to see what would happen");

      RecordingLog log = new RecordingLog();
      GoalResult dry = promote(f, new PromoteRequest(null, true, false, f.clock()), log);
      assertThat(statuses(dry))
          .containsExactly("track-main->dev:success", "orders-to-qa->qa:success");
      assertThat(log.lines()).contains("[INFO] orders-to-qa -> qa: success (dry run, not written)");
      // what qa would receive, in diff's words and numbers, and why prod stays behind
      assertThat(log.lines())
          .containsSubsequence(
              "[INFO] Stage qa: what the promotions would change (dry run)",
              "[INFO]   + api/orders@1",
              "[INFO]   + policy/cors",
              "[INFO] Plan for qa: 2 to create, 0 to update, 0 to delete, 0 unchanged",
              "[INFO] Behind main after this run:",
              "[INFO]   prod: alias/orders-backend not on prod; no pending promotion brings it: add"
                  + " one to promotions/",
              "[INFO]   prod: api/orders@1 1.0.0 not on prod; no pending promotion brings it: add"
                  + " one to promotions/");
      assertThat(dry.message())
          .isEqualTo("promote (dry run): 2 would be applied, 0 skipped, 0 failed");
      assertThat(f.repo.ref("refs/heads/apistage/stage/dev")).isNull();
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isNull();
    }
  }

  @Test
  void promotionWhoseFromIsNotTheTargetsSourceIsRefused() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write(
          "promotions/skip-qa.yaml",
          "kind: Promotion\nname: skip-qa\nfrom: dev\nto: [prod]\nassets: [{ kind: api }]\n");
      f.repo.commit("straight to prod");

      GoalResult result = promote(f);

      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "promotions/skip-qa.yaml:4:6: error [promotion-chain] stage 'prod' promotes from 'qa', not from"
                  + " 'dev'; set from: qa or choose targets that promote from dev");
      assertThat(f.repo.ref("refs/heads/apistage/stage/prod")).isNull();
    }
  }

  @Test
  void promotionToAStageThatDoesNotExistIsRefusedAsValidateRefusesIt() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write(
          "promotions/to-staging.yaml",
          "kind: Promotion\nname: to-staging\nfrom: dev\nto: [staging]\nassets: [{ kind: api }]\n");
      f.repo.commit("a stage nobody declared");

      GoalResult result = promote(f);

      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "promotions/to-staging.yaml:4:6: error [unknown-reference] stage 'staging' does not"
                  + " exist; expected stages/staging.yaml");
      assertThat(f.repo.ref("refs/heads/apistage/stage/staging")).isNull();
    }
  }

  @Test
  void optionalApplicationsFollowIncludeAndRequiredOnesAlwaysTravel() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write(
          "applications/mobile-app.yaml",
          "kind: Application\nname: mobile-app\napis: [orders@1]\n");
      f.repo.write(
          "promotions/app-to-qa.yaml",
          "kind: Promotion\nname: app-to-qa\nfrom: dev\nto: [qa]\nassets: [{ kind: api, name: pets }]\n"
              + "include: { applications: all }\n");
      f.repo.write(
          "promotions/mobile-to-qa.yaml",
          "kind: Promotion\nname: mobile-to-qa\nfrom: dev\nto: [qa]\nassets: [{ kind: application }]\n");
      f.repo.commit("apps");

      promote(f);

      assertThat(f.state("qa").assets())
          .containsOnlyKeys("api/pets@1", "application/mobile-app", "api/orders@1", "policy/cors");
      assertThat(f.state("qa").aliases()).containsOnlyKeys("orders-backend");
    }
  }

  @Test
  void rollbackRestoresTheStateBeforeTheLastPromotionAsANewCommit() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders");
      promote(f);
      f.repo.write(
          "promotions/pets-to-qa.yaml",
          "kind: Promotion\nname: pets-to-qa\nfrom: dev\nto: [qa]\nassets: [{ name: pets }]\n");
      f.repo.commit("pets");
      promote(f);
      String before = f.repo.ref("refs/heads/apistage/stage/qa");
      RecordingLog log = new RecordingLog();

      GoalResult result =
          new RollbackGoal(f.context(log), new RollbackRequest("qa", null, f.clock())).execute();

      StageState qa = f.state("qa");
      assertThat(qa.assets()).containsOnlyKeys("api/orders@1", "policy/cors");
      assertThat(qa.commit().orElseThrow()).isNotEqualTo(before);
      assertThat(
              f.repo
                  .git()
                  .getRepository()
                  .parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(qa.commit().get()))
                  .getParent(0)
                  .name())
          .isEqualTo(before);
      assertThat(qa.history())
          .extracting(HistoryRecord::id)
          .containsExactly(
              "000001-promotion-orders-to-qa",
              "000002-promotion-pets-to-qa",
              "000003-rollback-pets-to-qa");
      assertThat(result.message())
          .isEqualTo("rollback: qa restored to its state before pets-to-qa (1 asset)");
      assertThat(log.lines())
          .contains("[INFO]   Success  api/pets@1: removed: pets-to-qa had created it");

      // a rolled-back promotion stays applied: CI does not bring it back on its next run
      assertThat(statuses(promote(f))).contains("pets-to-qa->qa:skipped");
    }
  }

  @Test
  void rollbackOfANamedPromotionIsRefusedWhenALaterOneChangedTheSameAssets() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.write(
          "promotions/pets-to-qa.yaml",
          "kind: Promotion\nname: pets-to-qa\nfrom: dev\nto: [qa]\nassets: [{ name: pets }]\n");
      f.repo.commit("orders and pets");
      promote(f);
      f.repo.write("apis/orders/v1.yaml", ShopFixture.ORDERS.replace("1.0.0", "1.1.0"));
      f.repo.write(
          "promotions/orders-1-1-to-qa.yaml",
          "kind: Promotion\nname: orders-1-1-to-qa\nfrom: dev\nto: [qa]\nassets: [{ name: orders }]\noverwrite: all\n");
      f.repo.commit("orders 1.1");
      promote(f);

      assertThatThrownBy(
              () ->
                  new RollbackGoal(
                          f.context(new RecordingLog()),
                          new RollbackRequest("qa", "orders-to-qa", f.clock()))
                      .execute())
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "cannot roll back orders-to-qa on qa: the later promotion orders-1-1-to-qa"
                  + " (000003-promotion-orders-1-1-to-qa) changed the same assets (api/orders@1); roll back orders-1-1-to-qa first");

      new RollbackGoal(
              f.context(new RecordingLog()), new RollbackRequest("qa", "pets-to-qa", f.clock()))
          .execute();
      assertThat(f.state("qa").assets()).containsOnlyKeys("api/orders@1", "policy/cors");
      assertThat(((Map<?, ?>) f.state("qa").assets().get("api/orders@1")).get("version"))
          .isEqualTo("1.1.0");

      new RollbackGoal(f.context(new RecordingLog()), new RollbackRequest("qa", null, f.clock()))
          .execute();
      assertThat(((Map<?, ?>) f.state("qa").assets().get("api/orders@1")).get("version"))
          .isEqualTo("1.0.0");
    }
  }

  @Test
  void historyListsPromotionsAndRollbacksWithTheirReports() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders");
      promote(f);
      new RollbackGoal(f.context(new RecordingLog()), new RollbackRequest("qa", null, f.clock()))
          .execute();
      RecordingLog log = new RecordingLog();

      GoalResult result = new HistoryGoal(f.context(log), "qa").execute();

      assertThat(result.message()).isEqualTo("history of qa: 1 promotion, 1 rollback");
      List<String> lines = log.lines();
      assertThat(lines.get(1))
          .isEqualTo(
              "[INFO] 000001 promotion orders-to-qa  success  by Alice <alice@example.com> at "
                  + f.state("qa").history().get(0).content().get("when"));
      assertThat(lines)
          .contains(
              "[INFO]   Success  api/orders@1: created on qa",
              "[INFO]   Success  api/orders@1: removed: orders-to-qa had created it");
      assertThat(lines.get(lines.size() - 4))
          .startsWith("[INFO] 000002 rollback orders-to-qa  success  by Alice")
          .endsWith("undoes 000001-promotion-orders-to-qa");
    }
  }

  @Test
  void ciUserIsRecordedAsWho() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.commit("nothing new");
      new PromoteGoal(
              f.context(new RecordingLog()).withEnv(Map.of("GITHUB_ACTOR", "octocat")), f.promote())
          .execute();

      assertThat(f.state("dev").history().get(0).content())
          .containsEntry("who", Map.of("name", "octocat", "email", ""));
    }
  }

  @Test
  void aStaleRefLockLeftByAKilledRunIsNamedAndNothingIsWritten() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("orders");
      promote(f);
      String qa = f.repo.ref("refs/heads/apistage/stage/qa");
      Files.writeString(dir.resolve(".git/refs/heads/apistage/stage/qa.lock"), qa + "\n");
      f.repo.write(
          "promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "description: again\n");
      f.repo.commit("again");

      GoalResult result = promote(f);

      assertThat(statuses(result))
          .containsExactly("track-main->dev:skipped", "orders-to-qa->qa:failure");
      assertThat(promotions(result).get(1).get("reason"))
          .isEqualTo(
              "stage qa (apistage/stage/qa) could not be updated in 6 attempts although it did not move: its ref"
                  + " is locked; if a run was killed while it moved the ref, remove the stale lock file"
                  + " (refs/heads/apistage/stage/qa.lock in the .git folder) and run the goal again; nothing was written by"
                  + " this run");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(qa);
    }
  }

  @Test
  void failedTrackMainIsAProblemOfTheStageFileThatAsksForIt() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write(
          "aliases/orders-backend.yaml",
          "kind: Alias\nname: orders-backend\nstages: { qa: https://orders.qa }\n");
      f.repo.commit("orders' backend has no value for dev (a warning to validate)");
      RecordingLog log = new RecordingLog();

      GoalResult result = promote(f, f.promote(), log);

      assertThat(statuses(result)).containsExactly("track-main->dev:failure");
      assertThat(result.problems()).hasSize(1);
      Problem problem = result.problems().get(0);
      assertThat(problem.format())
          .isEqualTo(
              "stages/dev.yaml:3:8: error [promotion] promotion track-main failed on dev: 1 asset"
                  + " failed; nothing of it was applied to dev");
      assertThat(problem.field()).isEqualTo("/track");
    }
  }

  @Test
  void aPromotionWhoseSelectorsSelectNothingFailsAndIsNotRecorded() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo
          .write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA)
          .write(
              "promotions/nothing-to-qa.yaml",
              "kind: Promotion\nname: nothing-to-qa\nfrom: dev\nto: [qa]\n"
                  + "assets: [{ keyword: zzz }, { keyword: nothing-at-all }]\n")
          .commit("a promotion that selects nothing");
      GoalResult result = promote(f);
      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "promotions/nothing-to-qa.yaml:1:1: error [promotion] promotion nothing-to-qa failed on"
                  + " qa: 1 asset failed; nothing of it was applied to qa");
      assertThat(promotions(result))
          .extracting(p -> p.get("name") + " " + p.get("status"))
          .contains("orders-to-qa success", "nothing-to-qa failure");
      assertThat(f.state("qa").history())
          .extracting(HistoryRecord::name)
          .containsExactly("orders-to-qa");
    }
  }

  @Test
  void oneEmptySelectorAmongOthersIsAWarning() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo
          .write(
              "promotions/orders-to-qa.yaml",
              "kind: Promotion\nname: orders-to-qa\nfrom: dev\nto: [qa]\n"
                  + "assets: [{ kind: api, name: orders }, { keyword: zzz }]\n")
          .commit("orders and a selector that selects nothing");
      GoalResult result = promote(f);
      assertThat(result.problems()).isEmpty();
      Map<String, Object> qa = promotions(result).get(1);
      assertThat(qa).containsEntry("name", "orders-to-qa").containsEntry("status", "success");
      assertThat(qa.get("assets").toString())
          .contains("key=assets[1], status=Warning, explanation=selects nothing on dev");
    }
  }
}
