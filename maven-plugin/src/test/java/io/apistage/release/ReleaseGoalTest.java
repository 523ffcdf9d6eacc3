package io.apistage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseGoalTest {

  @TempDir Path dir;
  private GitRepoBuilder history;

  @BeforeEach
  void firstReleaseAndConsumers() throws Exception {
    history = GitRepoBuilder.init(dir);
    history
        .write("apis/orders/v1.yaml", OrdersYaml.orders("1.4.2", "published", ""))
        .write(
            "applications/mobile-app.yaml",
            "kind: Application\nname: mobile-app\napis: [orders@1]\n")
        .write(
            "applications/web-shop.yaml", "kind: Application\nname: web-shop\napis: [catalog@2]\n")
        .write("packages/gold.yaml", "kind: Package\nname: gold\napis: [orders@1]\nplans: [gold]\n")
        .write(
            "subscriptions/partner-gold.yaml",
            "kind: Subscription\nname: partner-gold\napplication: web-shop\npackage: gold\nplan: gold\n");
    history.commit("orders 1.4.2");
    history.tag("orders@1.4.2");
  }

  private GoalResult release(String tag, Map<String, String> env) throws Exception {
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, env, new RecordingLog());
    return new ReleaseGoal(
            context, new ReleaseRequest(tag), new VersionsComparison(), config -> List.of())
        .execute();
  }

  @Test
  void goodReleaseWritesNotesWithChangesPerEndpointAndTheConsumers() throws Exception {
    history.write(
        "apis/orders/v1.yaml",
        OrdersYaml.orders("1.5.0", "published", OrdersYaml.CANCEL)
            .replace("description: One order", "description: One order of the shop"));
    String commit = history.commit("orders 1.5.0: cancel");
    history.annotatedTag("orders@1.5.0", "release " + "orders@1.5.0");

    GoalResult result = release(null, Map.of());

    assertThat(result.problems()).isEmpty();
    assertThat(result.code()).isEqualTo("OK");
    assertThat(result.message())
        .isEqualTo(
            "release orders@1.5.0 checked: 2 changes since orders@1.4.2 (largest: minor), 3 consumers affected;"
                + " notes in release-orders-1.5.0.md");
    assertThat(result.body().toJson())
        .containsEntry("tag", "orders@1.5.0")
        .containsEntry("commit", commit)
        .containsEntry("previousTag", "orders@1.4.2")
        .containsEntry("bump", "minor")
        .containsEntry(
            "consumers",
            List.of("application/mobile-app", "package/gold", "subscription/partner-gold"));
    String notes = Files.readString(dir.resolve("target/apistage/release-orders-1.5.0.md"));
    assertThat(notes)
        .startsWith(
            "# orders 1.5.0\n\nRelease tag `orders@1.5.0`, commit `"
                + commit.substring(0, 12)
                + "`")
        .contains(
            "## Changes since orders@1.4.2\n\nLargest change: **minor**.\n\n"
                + "### `GET /orders/{id}`\n\n"
                + "- **patch** endpoints[GET /orders/{id}].description changed from One order to One order of the"
                + " shop (`description-changed`)\n\n"
                + "### `POST /orders/{id}/cancel`\n\n"
                + "- **minor** endpoint POST /orders/{id}/cancel added (`endpoint-added`)\n\n")
        .endsWith(
            "## Consumers affected\n\n- `application/mobile-app`\n- `package/gold`\n- `subscription/partner-gold`\n");
  }

  @Test
  void newMajorLineIsComparedWithTheLatestReleaseOfTheLineBefore() throws Exception {
    history.write(
        "apis/orders/v2.yaml",
        OrdersYaml.orders("2.0.0", "published", "")
            .replace(
                "    description: One order\n",
                "    description: One order\n    deprecated: true\n"));
    history.commit("orders v2");
    history.tag("orders@2.0.0");

    GoalResult result = release(null, Map.of());

    assertThat(result.problems()).isEmpty();
    assertThat(result.body().toJson())
        .containsEntry("previousTag", "orders@1.4.2")
        .containsEntry("consumers", List.of());
    assertThat(Files.readString(dir.resolve("target/apistage/release-orders-2.0.0.md")))
        .contains("## Changes since orders@1.4.2\n")
        .contains("### `GET /orders/{id}`\n")
        .endsWith("No application, package or subscription of this repository uses orders@2.\n");
  }

  @Test
  void firstReleaseHasNoPreviousTag() throws Exception {
    GoalResult result = release("orders@1.4.2", Map.of());

    assertThat(result.problems()).isEmpty();
    assertThat(result.body().toJson()).containsEntry("previousTag", null);
    assertThat(Files.readString(dir.resolve("target/apistage/release-orders-1.4.2.md")))
        .contains("## Changes\n\nThe first release of orders.\n");
  }

  @Test
  void tagFromTheCiVariableIsUsedWhenHeadHasNone() throws Exception {
    history.write("apis/orders/v1.yaml", OrdersYaml.orders("1.4.3", "published", ""));
    history.commit("orders 1.4.3");
    history.tag("orders@1.4.3");
    history.write("README.md", "later\n");
    history.commit("later");

    GoalResult result = release(null, Map.of("CI_COMMIT_TAG", "orders@1.4.3"));

    assertThat(result.body().toJson())
        .containsEntry("tag", "orders@1.4.3")
        .containsEntry("previousTag", "orders@1.4.2");
  }

  @Test
  void draftIsRefusedAtItsStateLine() throws Exception {
    history.write("apis/orders/v1.yaml", OrdersYaml.orders("1.5.0", "draft", ""));
    history.commit("orders 1.5.0 draft");
    history.tag("orders@1.5.0");

    GoalResult result = release(null, Map.of());

    assertThat(result.code()).isEqualTo("RELEASE_REFUSED");
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:4:8: error [release-state] orders 1.5.0 is a draft, which may still change;"
                + " only a published or deprecated version can be released: set state: published, merge it and"
                + " tag that commit");
    assertThat(result.message())
        .isEqualTo("release orders@1.5.0 refused: 1 problem in 1 file (1 error, 0 warnings)");
    assertThat(dir.resolve("target/apistage/release-orders-1.5.0.md")).doesNotExist();
  }

  @Test
  void versionNotNewerThanThePreviousReleaseIsRefused() throws Exception {
    history.write("apis/orders/v1.yaml", OrdersYaml.orders("1.4.1", "published", ""));
    history.commit("orders back to 1.4.1");
    history.tag("orders@1.4.1");

    GoalResult result = release("orders@1.4.1", Map.of());

    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:3:10: error [release-not-newer] orders@1.4.1 is not newer than orders@1.4.2,"
                + " the latest release of orders v1; a released version is frozen: release a higher version,"
                + " e.g. 1.4.3");
  }

  @Test
  void taggedCommitHoldingAnotherVersionIsRefused() throws Exception {
    history.write("README.md", "docs\n");
    history.commit("docs only");
    history.tag("orders@1.5.0");

    GoalResult result = release(null, Map.of());

    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:3:10: error [release-version] the tag orders@1.5.0 names version 1.5.0, but the"
                + " tagged commit holds version 1.4.2; tag the commit that sets version: 1.5.0");
  }

  @Test
  void tagNotMatchingThePatternIsAClearFailure() throws Exception {
    history.tag("v1.5.0");

    assertThatThrownBy(() -> release("v1.5.0", Map.of()))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "the tag 'v1.5.0' (from apistage.tag) does not match the release tag pattern <api>@<version>; a release"
                + " tag names an API and its semantic version, e.g. orders@1.5.0 (the pattern is tagPattern in"
                + " apistage.yaml)");
  }

  @Test
  void tagPatternComesFromApistageYaml() throws Exception {
    history.write("apistage.yaml", "tagPattern: <api>/v<version>\n");
    history.write("apis/orders/v1.yaml", OrdersYaml.orders("1.5.0", "published", ""));
    history.commit("orders 1.5.0 with a custom tag pattern");
    history.tag("orders/v1.5.0");

    GoalResult result = release(null, Map.of());

    assertThat(result.problems()).isEmpty();
    assertThat(result.body().toJson())
        .containsEntry("tag", "orders/v1.5.0")
        .containsEntry("previousTag", null);
  }

  @Test
  void missingTagOrFileIsAClearFailure() throws Exception {
    assertThatThrownBy(() -> release("orders@9.0.0", Map.of()))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "the tag orders@9.0.0 does not exist in this clone; create it on the commit to release"
                + " (git tag orders@9.0.0) or fetch the tags (git fetch --tags)");
    history.tag("orders@2.0.0");
    assertThatThrownBy(() -> release("orders@2.0.0", Map.of()))
        .isInstanceOf(ApistageException.class)
        .hasMessageStartingWith("the tagged commit ")
        .hasMessageEndingWith(
            " has no apis/orders/v2.yaml: the tag orders@2.0.0 must be on a commit that holds the orders v2 line"
                + " at 2.0.0");
  }

  @Test
  void problemsOfTheTaggedFileFromValidationRefuseTheRelease() throws Exception {
    history.write(
        "apis/orders/v1.yaml",
        OrdersYaml.orders("1.5.0", "published", "").replace("name: orders", "name: Orders"));
    history.commit("bad name");
    history.tag("orders@1.5.0");
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());

    GoalResult result =
        new ReleaseGoal(
                context,
                new ReleaseRequest(null),
                new VersionsComparison(),
                config -> new Validation().validate(config).problems())
            .execute();

    assertThat(result.code()).isEqualTo("RELEASE_REFUSED");
    assertThat(result.problems()).extracting(Problem::file).containsOnly("apis/orders/v1.yaml");
    assertThat(result.problems()).extracting(Problem::line).contains(2);
  }
}
