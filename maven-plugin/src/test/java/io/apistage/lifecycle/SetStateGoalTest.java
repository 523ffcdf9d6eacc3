package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** set-state on a copy of the example repository. */
class SetStateGoalTest extends OnExampleRepo {

  GoalResult run(String line, String state) throws Exception {
    return new SetStateGoal(repo.context(), line, state, false).execute();
  }

  @Test
  void draftIsPublishedAndOnlyTheStateChanges() throws Exception {
    String v2 = repo.read("apis/orders/v2.yaml");

    GoalResult result = run("orders@2", "published");

    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/orders/v2.yaml"))
        .isEqualTo(v2.replace("state: draft\n", "state: published\n"));
    assertThat(repo.changed()).containsExactly("apis/orders/v2.yaml");
    assertThat(repo.log.lines())
        .contains(
            "[INFO] set-state: orders@2 (apis/orders/v2.yaml) draft → published, version 2.0.0 (a"
                + " state change alone needs no version bump under the version rules)");
    assertThat(ExampleRepo.body(result))
        .containsEntry("from", "draft")
        .containsEntry("version", "2.0.0");
  }

  @Test
  void publishedLineIsDeprecated() throws Exception {
    String v1 = repo.read("apis/catalog/v1.yaml");
    GoalResult result = run("catalog@1", "deprecated");
    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/catalog/v1.yaml"))
        .isEqualTo(v1.replace("state: published\n", "state: deprecated\n"));
  }

  @Test
  void missingStateIsWrittenBelowTheVersion() throws Exception {
    String v2 = repo.read("apis/orders/v2.yaml").replace("state: draft\n", "");
    repo.write("apis/orders/v2.yaml", v2);
    GoalResult result = run("orders@2", "published");
    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/orders/v2.yaml"))
        .isEqualTo(v2.replace("version: 2.0.0\n", "version: 2.0.0\nstate: published\n"));
  }

  @Test
  void byteOrderMarkCrlfAndMissingFinalNewlineAreKept() throws Exception {
    String crlf = repo.read("apis/orders/v2.yaml").replace("\n", "\r\n").stripTrailing();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path file = repo.root.resolve("apis/orders/v2.yaml");
    Files.write(file, concat(bom, crlf.getBytes(StandardCharsets.UTF_8)));

    GoalResult result = run("orders@2", "published");

    assertThat(result.problems()).isEmpty();
    assertThat(Files.readAllBytes(file))
        .isEqualTo(
            concat(
                bom,
                crlf.replace("state: draft\r\n", "state: published\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void retiringALineInUseIsRefusedWithItsConsumers() throws Exception {
    String v1 = repo.read("apis/orders/v1.yaml");

    GoalResult result = run("orders@1", "retired");

    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:9:8: error [retired-in-use] orders@1 is still used by"
                + " application/mobile-app, application/warehouse-sync, application/web-shop,"
                + " package/partner-commerce, subscription/mobile-commerce; move them first with mvn"
                + " apistage:upgrade-access -Dapistage.api=orders -Dapistage.from=1 -Dapistage.to=2");
    assertThat(result.code()).isEqualTo("REFUSED");
    assertThat(repo.read("apis/orders/v1.yaml")).isEqualTo(v1);
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void retiringTheOnlyLineInUseSuggestsANewLine() throws Exception {
    GoalResult result = run("payments@1", "retired");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "payments@1 is still used by application/web-shop, package/partner-commerce,"
                + " subscription/mobile-commerce; start a new line with mvn apistage:new-version"
                + " -Dapistage.api=payments, then move them with mvn apistage:upgrade-access");
  }

  @Test
  void stateNeverMovesBack() throws Exception {
    run("catalog@1", "deprecated");
    GoalResult result = run("catalog@1", "published");
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/catalog/v1.yaml:5:8: error [state-moved-back] state is deprecated and cannot move"
                + " back to published; states move draft → published → deprecated → retired only");
  }

  @Test
  void sameStateIsRefused() throws Exception {
    GoalResult result = run("catalog@1", "published");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("state is published already");
  }

  @Test
  void publishingADraftThatDoesNotValidateWritesNothing() throws Exception {
    String v2 = repo.read("apis/orders/v2.yaml").replace("baseUrl: ${alias:orders-backend}\n", "");
    repo.write("apis/orders/v2.yaml", v2);

    GoalResult result = run("orders@2", "published");

    assertThat(result.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(result.message())
        .startsWith(
            "set-state refused, nothing written: the configuration would not validate with the"
                + " change to apis/orders/v2.yaml");
    assertThat(result.problems()).extracting(Problem::file).contains("apis/orders/v2.yaml");
    assertThat(repo.read("apis/orders/v2.yaml")).isEqualTo(v2);
  }

  @Test
  void unknownStateNamesTheAcceptedValues() {
    assertThatThrownBy(() -> run("orders@1", "obsolete"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apistage.state='obsolete' is not a state a line can move to; pass"
                + " -Dapistage.state=<state>, one of: published, deprecated, retired");
    assertThatThrownBy(() -> run("orders@1", null))
        .hasMessage(
            "set-state needs a state; pass -Dapistage.state=<state>, one of: published, deprecated,"
                + " retired");
  }

  @Test
  void lineMustBeNamedWithItsMajor() {
    assertThatThrownBy(() -> run("orders", "deprecated"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apistage.api='orders' is not an API line; pass -Dapistage.api=<api>@<major>, e.g."
                + " -Dapistage.api=orders@1 (lines: catalog@1, customers@1, orders@1, orders@2,"
                + " payments@1)");
    assertThatThrownBy(() -> run("orders@7", "deprecated"))
        .hasMessage(
            "unknown API line 'orders@7' (apistage.api); lines: catalog@1, customers@1, orders@1,"
                + " orders@2, payments@1; pass one with -Dapistage.api=<api>@<major>");
  }
}
