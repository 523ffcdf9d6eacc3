package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotions over stage files and stage branches written to harm. */
class HostilePromoteTest {

  @TempDir Path dir;

  private static List<String> refs(ShopFixture f) throws Exception {
    return f.repo.git().getRepository().getRefDatabase().getRefs().stream()
        .map(Ref::getName)
        .toList();
  }

  /**
   * Promotes orders to qa, then commits a change to qa's branch by Mallory, as a person editing it
   * by hand would; the commit.
   */
  private String promoteOrdersThenChangeQaByHand(
      ShopFixture f, String message, Consumer<Map<String, byte[]>> change) throws Exception {
    f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
    f.repo.commit("promote orders");
    new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
    String qa = f.repo.ref("refs/heads/apistage/stage/qa");
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(qa));
      change.accept(files);
      String hand =
          repo.writeCommit(
              files,
              List.of(qa),
              message,
              new io.apistage.git.Identity("Mallory", "m@example.com", ShopFixture.T0));
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(qa), hand, "hand");
      return hand;
    }
  }

  @Test
  void committedStageWithAHostileBranchIsRefusedAndNoOtherRefIsWritten() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      f.repo.write("stages/qa.yaml", ShopFixture.QA + "state: { branch: ../../../etc/passwd }\n");
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("hostile qa");
      List<String> before = refs(f);

      GoalResult result = new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();

      assertThat(result.problems())
          .extracting(Problem::format)
          .contains(
              "stages/qa.yaml:4:18: error [schema] must be a Git branch name such as"
                  + " apistage/stage/prod: no '..', '//', '@{', spaces, control characters or any"
                  + " of ~ ^ : ? * [ \\, not starting with '-', '/' or '.', not ending with '/',"
                  + " '.' or '.lock', and not '@' alone");
      assertThat(result.message()).startsWith("nothing promoted: commit ");
      // promote validates the commit first: not even dev is written
      assertThat(refs(f)).isEqualTo(before);
      // refs/heads/../../../etc/passwd would have been the work tree's etc/passwd
      assertThat(dir.resolve("etc")).doesNotExist();
    }
  }

  @Test
  void filesAddedByHandOutsideTheLayoutAreDroppedByTheNextPromotionAndNothingIsWrittenToDisk()
      throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      promoteOrdersThenChangeQaByHand(
          f,
          "odd by hand",
          files -> {
            files.put("etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
            files.put("apis/Orders/v1.yaml", files.get("apis/orders/v1.yaml"));
          });
      f.repo.write("apis/orders/v1.yaml", ShopFixture.ORDERS.replace("Orders of", "All orders of"));
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "overwrite: [api]\n");
      f.repo.commit("describe orders");
      RecordingLog log = new RecordingLog();
      GoalResult result =
          new PromoteGoal(f.context(log), new PromoteRequest(null, false, true, f.clock()))
              .execute();
      assertThat(result.problems()).isEmpty();
      assertThat(log.lines())
          .contains("[INFO]   Replaced api/orders@1: replaced on qa (1 field change)")
          .anyMatch(
              line ->
                  line.startsWith(
                          "[WARNING] apistage/stage/qa:1:1: warning [stage-hand-change] the last commit ")
                      && line.contains("(\"odd by hand\" by Mallory) was not made by apistage")
                      && line.endsWith("mvn apistage:diff -Dapistage.stage=qa"));
      try (GitRepo repo = GitRepo.open(dir)) {
        assertThat(repo.readAll(f.repo.ref("refs/heads/apistage/stage/qa")).keySet())
            .containsExactlyInAnyOrder(
                ".apistage/authored/aliases/orders-backend.yaml",
                ".apistage/authored/apis/orders/v1.yaml",
                ".apistage/authored/policies/cors.yaml",
                ".apistage/history/000001-promotion-orders-to-qa.json",
                ".apistage/history/000002-promotion-orders-to-qa.json",
                ".apistage/stage.yaml",
                "apis/orders/v1.yaml",
                "policies/cors.yaml");
      }
      assertThat(dir.resolve("etc")).doesNotExist();
    }
  }

  @Test
  void aHistoryRecordThatIsNotAJsonObjectRefusesThePromotionAndIsListedByHistory()
      throws Exception {
    // the promotion's reader used to drop such a record in silence, and the next commit with it
    try (ShopFixture f = ShopFixture.shop(dir)) {
      String hand =
          promoteOrdersThenChangeQaByHand(
              f,
              "a record by hand",
              files ->
                  files.put(
                      ".apistage/history/000002-rollback-orders-to-qa.json",
                      "[\"undoes\"]\n".getBytes(StandardCharsets.UTF_8)));
      String broken =
          "apistage/stage/qa:.apistage/history/000002-rollback-orders-to-qa.json:1:1: error"
              + " [stage-state] a history record must be a JSON object";
      f.repo.write("apis/orders/v1.yaml", ShopFixture.ORDERS.replace("Orders of", "All orders of"));
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA + "overwrite: [api]\n");
      f.repo.commit("describe orders");

      GoalResult result =
          new PromoteGoal(
                  f.context(new RecordingLog()), new PromoteRequest(null, false, true, f.clock()))
              .execute();

      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "promotions/orders-to-qa.yaml:1:1: error [promotion] promotion orders-to-qa failed"
                  + " on qa: stage qa (apistage/stage/qa) has files that do not parse: "
                  + broken
                  + "; fix the branch or roll it back before promoting");
      assertThat(f.repo.ref("refs/heads/apistage/stage/qa")).isEqualTo(hand);

      GoalResult history = new HistoryGoal(f.context(new RecordingLog()), "qa").execute();
      assertThat(history.problems()).extracting(Problem::format).contains(broken);
      assertThat(history.message())
          .isEqualTo(
              "2 problems in 2 files (1 error, 1 warning); history of qa: 1 promotion, 0 rollbacks");
    }
  }

  @Test
  void aSymbolicLinkCommittedAmongTheAssetsIsNamedAndNeverRead() throws Exception {
    try (ShopFixture f = ShopFixture.shop(dir)) {
      Files.createSymbolicLink(dir.resolve("policies/evil.yaml"), Path.of("/etc/hostname"));
      Files.createSymbolicLink(dir.resolve("notes.yaml"), Path.of("/etc/hostname"));
      f.repo.write("promotions/orders-to-qa.yaml", ShopFixture.ORDERS_TO_QA);
      f.repo.commit("a link among the policies");
      GoalResult result = new PromoteGoal(f.context(new RecordingLog()), f.promote()).execute();
      assertThat(result.problems())
          .extracting(Problem::format)
          .containsExactly(
              "policies/evil.yaml:1:1: warning [layout] symbolic link not followed:"
                  + " policies/evil.yaml is committed as a link; apistage reads only regular"
                  + " files, so promote does not see it");
      try (GitRepo repo = GitRepo.open(dir)) {
        assertThat(repo.readAll(f.repo.ref("refs/heads/apistage/stage/qa")).keySet())
            .noneMatch(path -> path.contains("evil"));
      }
    }
  }
}
