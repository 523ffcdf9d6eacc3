package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import org.junit.jupiter.api.Test;

/** upgrade-access on a copy of the example repository. */
class UpgradeAccessGoalTest extends OnExampleRepo {

  GoalResult run(String to, String from, String consumers, boolean dryRun) throws Exception {
    return new UpgradeAccessGoal(
            repo.context(), new UpgradeAccessGoal.Request("orders", to, from, consumers, dryRun))
        .execute();
  }

  @Test
  void everyConsumerMovesAndLearnsTheBreakingChanges() throws Exception {
    String webShop = repo.read("applications/web-shop.yaml");

    GoalResult result = run("2", null, null, false);

    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v2.yaml:9:8: warning [upgrade-to-draft] orders@2 is a draft: it may still"
                + " change, even in breaking ways, before it is published (mvn apistage:set-state"
                + " -Dapistage.api=orders@2 -Dapistage.state=published)");
    assertThat(repo.changed())
        .containsExactly(
            "applications/mobile-app.yaml",
            "applications/warehouse-sync.yaml",
            "applications/web-shop.yaml",
            "packages/partner-commerce.yaml");
    assertThat(repo.read("applications/web-shop.yaml"))
        .isEqualTo(webShop.replace("apis: [orders@1,", "apis: [orders@2,"));
    assertThat(repo.read("packages/partner-commerce.yaml"))
        .contains("apis: [catalog@1, orders@2, payments@1]");
    assertThat(repo.log.text())
        .contains(
            "[INFO] application/web-shop (applications/web-shop.yaml): orders@1 → orders@2; 9"
                + " breaking changes to adapt to:")
        .contains(
            "[INFO]   major [endpoint-removed] /endpoints/4: endpoint GET /orders/{orderId}/items"
                + " removed")
        .doesNotContain("[id-changed]")
        .contains("[INFO]   subscription/mobile-commerce follows package/partner-commerce");
  }

  @Test
  void onlyTheNamedConsumersMove() throws Exception {
    GoalResult result = run("2", "1", "web-shop,partner-commerce", false);
    assertThat(result.message())
        .isEqualTo(
            "upgrade-access wrote applications/web-shop.yaml, packages/partner-commerce.yaml;"
                + " review the change and commit it");
    assertThat(repo.changed())
        .containsExactly("applications/web-shop.yaml", "packages/partner-commerce.yaml");
  }

  @Test
  void blockListInAPackageChangesOnlyItsItem() throws Exception {
    String block =
        """
        kind: Package   # partners that sell for us
        name: partner-commerce
        team: commerce
        description: Catalog, orders and payments for partners that sell on our behalf
        apis:
          - catalog@1     # products
          - "orders@1"    # orders, quoted
          - payments@1
        plans: [partner-standard, partner-premium]""";
    repo.write("packages/partner-commerce.yaml", block);

    run("2", null, "partner-commerce", false);

    assertThat(repo.read("packages/partner-commerce.yaml"))
        .isEqualTo(block.replace("\"orders@1\"", "\"orders@2\""));
  }

  @Test
  void dryRunShowsTheDiffOfEveryFileAndWritesNothing() throws Exception {
    GoalResult result = run("2", null, "warehouse-sync", true);
    assertThat(result.message())
        .isEqualTo(
            "upgrade-access dry run: would write applications/warehouse-sync.yaml; nothing written");
    assertThat(repo.log.lines())
        .containsSubsequence(
            "[INFO] --- a/applications/warehouse-sync.yaml",
            "[INFO] +++ b/applications/warehouse-sync.yaml",
            "[INFO] @@ -3,7 +3,7 @@",
            "[INFO]  description: Nightly job that sends new orders to the warehouse system",
            "[INFO]  tags: [batch]",
            "[INFO] -apis: [orders@1]",
            "[INFO] +apis: [orders@2]",
            "[INFO]  contact:");
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void retiredTargetIsRefused() throws Exception {
    repo.write(
        "apis/orders/v2.yaml",
        repo.read("apis/orders/v2.yaml").replace("state: draft", "state: retired"));
    GoalResult result = run("2", null, null, false);
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v2.yaml:9:8: error [upgrade-to-retired] orders@2 is retired; consumers"
                + " cannot move to it: pass a published line with -Dapistage.to=<major>");
    assertThat(repo.changed()).containsExactly("apis/orders/v2.yaml");
  }

  @Test
  void missingTargetIsRefusedWithTheLinesThereAre() {
    assertThatThrownBy(() -> run("3", null, null, false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apis/orders/v3.yaml does not exist (apistage.to); lines of orders: orders@1, orders@2;"
                + " pass -Dapistage.to=<major>, or start the line with mvn apistage:new-version");
    assertThatThrownBy(() -> run(null, null, null, false))
        .hasMessage("apistage.to is missing; pass -Dapistage.to=<major>, one of: 1, 2");
    assertThatThrownBy(() -> run("two", null, null, false))
        .hasMessage("apistage.to='two' is not a major; pass -Dapistage.to=<major>, one of: 1, 2");
  }

  @Test
  void unknownConsumerIsRefusedWithThoseThatUseTheLine() {
    assertThatThrownBy(() -> run("2", null, "web-shop,partner-catalog", false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apistage.consumers names 'partner-catalog', which is no application or package that"
                + " uses orders (other than orders@2); those that do:"
                + " mobile-app,warehouse-sync,web-shop,partner-commerce; pass"
                + " -Dapistage.consumers=<name>,<name>");
  }

  @Test
  void nothingToMoveWritesNothing() throws Exception {
    run("2", null, null, false);
    GoalResult again = run("2", null, null, false);
    assertThat(again.message())
        .isEqualTo(
            "upgrade-access: no application or package uses another line of orders than orders@2;"
                + " nothing written");
  }
}
