package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** new-version on a copy of the example repository. */
class NewVersionGoalTest extends OnExampleRepo {

  GoalResult run(String api, boolean dryRun) throws Exception {
    return new NewVersionGoal(repo.context(), api, dryRun).execute();
  }

  @Test
  void nextLineStartsAsDraftWithoutTheOldIdAndKeepsEveryOtherByte() throws Exception {
    repo.delete("apis/orders/v2.yaml").commit("orders v2 dropped");
    String v1 = repo.read("apis/orders/v1.yaml");

    GoalResult result = run("orders", false);

    assertThat(result.problems()).isEmpty();
    assertThat(result.message())
        .isEqualTo("new-version wrote apis/orders/v2.yaml; review the change and commit it");
    assertThat(repo.read("apis/orders/v2.yaml"))
        .isEqualTo(
            v1.replace("id: 6f1c2a3e-8d4b-4c1a-9e7f-2b5d8c0a1f34\n", "")
                .replace("version: 1.5.0\nstate: published\n", "version: 2.0.0\nstate: draft\n"));
    assertThat(repo.read("apis/orders/v1.yaml")).isEqualTo(v1);
    assertThat(repo.changed()).containsExactly("apis/orders/v2.yaml");
    assertThat(repo.log.lines())
        .contains(
            "[INFO] new-version: apis/orders/v2.yaml from apis/orders/v1.yaml (published 1.5.0) at 2.0.0,"
                + " state: draft, without its id");
    assertThat(ExampleRepo.body(result))
        .containsEntry("file", "apis/orders/v2.yaml")
        .containsEntry("written", List.of("apis/orders/v2.yaml"));
  }

  @Test
  void highestLineIsTheSource() throws Exception {
    String v2 = repo.read("apis/orders/v2.yaml");
    GoalResult result = run("orders", false);
    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/orders/v3.yaml"))
        .isEqualTo(v2.replace("version: 2.0.0", "version: 3.0.0"));
  }

  @Test
  void dryRunPrintsTheDiffAndWritesNothing() throws Exception {
    GoalResult result = run("payments", true);

    assertThat(result.message())
        .isEqualTo("new-version dry run: would write apis/payments/v2.yaml; nothing written");
    assertThat(Files.exists(repo.root.resolve("apis/payments/v2.yaml"))).isFalse();
    assertThat(repo.log.lines())
        .containsSubsequence(
            "[INFO] --- /dev/null",
            "[INFO] +++ b/apis/payments/v2.yaml",
            "[INFO] @@ -0,0 +1,59 @@",
            "[INFO] +# yaml-language-server: $schema=../../../schemas/src/main/resources/io/apistage/schemas/api.schema.json",
            "[INFO] +kind: Api",
            "[INFO] +name: payments",
            "[INFO] +version: 2.0.0",
            "[INFO] +state: draft");
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void existingTargetIsRefusedAndNothingIsWritten() throws Exception {
    Files.createDirectories(repo.root.resolve("apis/payments/v2.yaml"));

    GoalResult result = run("payments", false);

    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/payments/v2.yaml:1:1: error [new-version-exists] apis/payments/v2.yaml exists"
                + " already; edit it, or remove it first to start it anew from apis/payments/v1.yaml");
    assertThat(result.code()).isEqualTo("REFUSED");
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void unknownApiIsRefusedWithTheApisThereAre() {
    assertThatThrownBy(() -> run("order", false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "unknown API 'order' (apistage.api); APIs: catalog, customers, orders, payments; pass one"
                + " with -Dapistage.api=<api>");
  }

  @Test
  void missingApiPropertyNamesTheDForm() {
    assertThatThrownBy(() -> run(null, false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "new-version needs an API: pass -Dapistage.api=<api> (APIs: catalog, customers, orders,"
                + " payments)");
  }
}
