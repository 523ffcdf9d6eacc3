package io.apistage.versions;

import static io.apistage.versions.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-versions against Git histories built with JGit. */
class CheckVersionsGoalTest {

  @TempDir Path tmp;

  final RecordingLog log = new RecordingLog();

  /** The verdict on deleting the published orders v1 of {@link #published()}. */
  static final String ORDERS_DELETED =
      "apis/orders/v1.yaml:1:1: error [api-file-deleted] apis/orders/v1.yaml was deleted while its"
          + " state at the base is published; only a retired or draft Api may be deleted: set state:"
          + " retired (merged first, so consumers move on), then delete the file (used by"
          + " application/mobile-app, package/shop, subscription/mobile-shop)";

  GoalResult run(Path configDir, String base) throws Exception {
    GoalContext context = GoalContext.of(configDir, tmp.resolve("report"), log);
    return new CheckVersionsGoal(context, new CheckVersionsRequest(base)).execute();
  }

  static List<String> lines(GoalResult result) {
    return result.problems().stream().map(Problem::format).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> onlyApi(GoalResult result) {
    List<Map<String, Object>> apis = (List<Map<String, Object>>) result.body().toJson().get("apis");
    assertThat(apis).hasSize(1);
    return apis.get(0);
  }

  /** main with orders v1 at 1.4.2 published and its consumers, then a branch feature. */
  GitRepoBuilder published() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    repo.write("apis/orders/v1.yaml", orders("1.4.2", "published"))
        .write("apis/catalog/v2.yaml", api("catalog", "2.0.0", "published"))
        .write("applications/mobile-app.yaml", MOBILE_APP)
        .write("packages/shop.yaml", SHOP)
        .write("subscriptions/mobile-shop.yaml", MOBILE_SHOP);
    repo.commit("orders 1.4.2");
    repo.branch("feature");
    return repo;
  }

  @Test
  void patchChangeWithPatchBumpPasses() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "apis/orders/v1.yaml",
          orders("1.4.3", "published").replace("Orders of the web shop", "The orders"));
      repo.commit("reword");
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat(result.code()).isEqualTo("OK");
      assertThat(result.message()).startsWith("1 Api file changed since merge-base(HEAD, main) (");
      Map<String, Object> api = onlyApi(result);
      assertThat(api)
          .containsEntry("api", "orders")
          .containsEntry("file", "apis/orders/v1.yaml")
          .containsEntry("baseVersion", "1.4.2")
          .containsEntry("version", "1.4.3")
          .containsEntry("requiredBump", "patch")
          .containsEntry("verdict", "ok");
      assertThat(api.get("changes"))
          .isEqualTo(
              Map.of(
                  "modified",
                  List.of("version", "description"),
                  "added",
                  List.of(),
                  "removed",
                  List.of()));
      assertThat(log.lines())
          .anyMatch(
              l ->
                  l.contains(
                      "apis/orders/v1.yaml:5:14: patch [description-changed] description changed from Orders of the web shop to The orders"));
    }
  }

  @Test
  void minorChangeWithAPatchBumpIsRefused() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.4.3", "published"));
      repo.commit("cancel");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:20:5: error [endpoint-added] endpoint POST /orders/{id}/cancel added; a minor change,"
                  + " but 1.4.2 → 1.4.3 is a patch bump: set version to 1.5.0");
      assertThat(result.code()).isEqualTo("VERSION_CHECK_FAILED");
      assertThat(onlyApi(result))
          .containsEntry("requiredBump", "minor")
          .containsEntry("verdict", "error");
    }
  }

  @Test
  void minorChangeWithAMinorBumpPasses() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      repo.commit("cancel");
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat(onlyApi(result).get("changes"))
          .isEqualTo(
              Map.of(
                  "modified",
                  List.of("version"),
                  "added",
                  List.of("endpoints[POST /orders/{id}/cancel]"),
                  "removed",
                  List.of()));
    }
  }

  @Test
  void breakingChangeInsideMajorLineIsRefusedAndNamesItsConsumers() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.5.0", "published"));
      repo.commit("drop delete");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.5.0;"
                  + " a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0"
                  + " (used by application/mobile-app, package/shop, subscription/mobile-shop)");
      Map<String, Object> api = onlyApi(result);
      assertThat(api).containsEntry("requiredBump", "major").containsEntry("verdict", "error");
      assertThat(api.get("consumers"))
          .isEqualTo(List.of("application/mobile-app", "package/shop", "subscription/mobile-shop"));
      assertThat(api.get("findings"))
          .isEqualTo(
              List.of(
                  Map.of(
                      "rule",
                      "endpoint-removed",
                      "bump",
                      "major",
                      "field",
                      "/endpoints/1",
                      "message",
                      "endpoint DELETE /orders/{id} removed")));
    }
  }

  @Test
  void everyBreakingFileNamesItsOwnConsumersWhenSeveralChangeAtOnce() throws Exception {
    // the consumer files are read once, on a thread of their own, from the first breaking finding
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/accounts/v1.yaml", api("accounts", "1.0.0", "draft"))
          .write(
              "apis/catalog/v2.yaml",
              api("catalog", "2.1.0", "published").replace("/catalog", "/catalog-items"))
          .write("apis/orders/v1.yaml", ordersWithoutDelete("1.5.0", "published"));
      repo.commit("three at once");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/catalog/v2.yaml:5:1: error [endpoint-removed] endpoint GET /catalog removed in 2.1.0;"
                  + " a breaking change needs a new major line: create apis/catalog/v3.yaml starting at 3.0.0"
                  + " (used by application/mobile-app)",
              "apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.5.0;"
                  + " a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0"
                  + " (used by application/mobile-app, package/shop, subscription/mobile-shop)");
    }
  }

  @Test
  void breakingChangeWhenTheNextLineExistsSaysToMakeItThere() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v2.yaml", api("orders", "2.0.0", "draft"));
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.5.0", "published"));
      repo.commit("drop delete");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .contains(
              "apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.5.0;"
                  + " a breaking change needs a new major line: make it in apis/orders/v2.yaml and leave"
                  + " apis/orders/v1.yaml as it is (used by application/mobile-app, package/shop, subscription/mobile-shop)");
    }
  }

  @Test
  void breakingChangeWithAMajorVersionInTheSameFileIsRefused() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("2.0.0", "published"));
      repo.commit("drop delete");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: error [version-major-mismatch] version 2.0.0 does not belong in"
                  + " apis/orders/v1.yaml, whose versions are 1.x.y; a breaking change needs a new major line: create"
                  + " apis/orders/v2.yaml starting at 2.0.0 and keep apis/orders/v1.yaml at 1.x.y");
    }
  }

  @Test
  void publishedVersionIsImmutable() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.4.2", "published"));
      repo.commit("cancel, same version");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:20:5: error [endpoint-added] endpoint POST /orders/{id}/cancel added;"
                  + " published version 1.4.2 is immutable: a minor change needs version 1.5.0");
    }
  }

  @Test
  void deprecatedVersionIsImmutableToo() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "deprecated"));
      repo.commit("deprecated");
      repo.write(
          "apis/orders/v1.yaml",
          orders("1.4.2", "deprecated").replace("Orders of the web shop", "Old orders"));
      GoalResult result = run(repo.dir(), "HEAD");
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:5:14: error [description-changed] description changed from Orders of the web shop"
                  + " to Old orders; deprecated version 1.4.2 is immutable: a patch change needs version 1.4.3");
    }
  }

  @Test
  void largerBumpThanNeededIsAWarning() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "apis/orders/v1.yaml",
          orders("1.5.0", "published").replace("Orders of the web shop", "The orders"));
      repo.commit("reword");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: warning [bump-larger-than-needed] 1.4.2 → 1.5.0 is a minor bump but the"
                  + " changes need only a patch bump (1.4.3)");
      assertThat(result.fails(false)).isFalse();
    }
  }

  @Test
  void draftChangesFreelyButNeverGoesDown() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.0.0", "draft"));
      repo.commit("draft");
      repo.branch("feature");
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.0.0", "draft"));
      repo.commit("drop delete in the draft");
      assertThat(run(repo.dir(), null).problems()).isEmpty();
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.0.0-beta.1", "draft"));
      assertThat(lines(run(repo.dir(), null)))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: error [version-decreased] version went down from 1.0.0 to 1.0.0-beta.1;"
                  + " a version never goes down: set version to 1.0.0 or higher");
    }
  }

  @Test
  void draftMayBePublishedWithBreakingChanges() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.0.0", "draft"));
      repo.commit("draft");
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.0.0", "published"));
      assertThat(run(repo.dir(), "HEAD").problems()).isEmpty();
    }
  }

  @Test
  void newMajorLineStartsAtNZeroZeroAfterTheLineBefore() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v2.yaml", api("orders", "2.0.0", "draft"));
      repo.commit("v2");
      assertThat(run(repo.dir(), null).problems()).isEmpty();
      repo.write("apis/orders/v2.yaml", api("orders", "2.1.0", "draft"));
      repo.write("apis/orders/v4.yaml", api("orders", "4.0.0", "draft"));
      assertThat(lines(run(repo.dir(), null)))
          .containsExactly(
              "apis/orders/v2.yaml:3:10: error [new-major-line-start] apis/orders/v2.yaml starts major line 2 and must"
                  + " start at 2.0.0, not 2.1.0: set version: 2.0.0",
              "apis/orders/v4.yaml:3:10: error [new-major-line-gap] apis/orders/v4.yaml starts major line 4 but there"
                  + " is no apis/orders/v3.yaml; major lines follow each other: start v3.yaml first, or name this file"
                  + " v3.yaml");
    }
  }

  @Test
  void stateMovesForwardOnly() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "deprecated"));
      repo.commit("deprecated");
      repo.write("apis/orders/v1.yaml", orders("1.4.3", "published"));
      assertThat(lines(run(repo.dir(), "HEAD")))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: warning [bump-larger-than-needed] 1.4.2 → 1.4.3 is a patch bump but the"
                  + " contract did not change",
              "apis/orders/v1.yaml:4:8: error [state-moved-back] state moved back from deprecated to published;"
                  + " states move draft → published → deprecated → retired only: keep state: deprecated");
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "retired"));
      assertThat(run(repo.dir(), "HEAD").problems()).isEmpty();
    }
  }

  @Test
  void publishedFileMayNotBeDeletedButRetiredOrDraftMay() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.delete("apis/orders/v1.yaml");
      repo.commit("delete orders");
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result)).containsExactly(ORDERS_DELETED);
      assertThat(onlyApi(result).get("changes"))
          .isEqualTo(
              Map.of(
                  "modified", List.of(), "added", List.of(), "removed", List.of("api/orders@1")));
    }
  }

  @Test
  void aPublishedFileReplacedByALinkIsNamedAndJudgedAsDeleted() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("elsewhere/orders.yaml", orders("1.4.2", "published"));
      repo.delete("apis/orders/v1.yaml");
      Files.createSymbolicLink(
          repo.dir().resolve("apis/orders/v1.yaml"), Path.of("../../elsewhere/orders.yaml"));
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result))
          .containsExactly(
              ORDERS_DELETED,
              "apis/orders/v1.yaml:1:1: warning [layout] symbolic link not followed: apis/orders/v1.yaml was a file at"
                  + " the base and is a link now; apistage reads only regular files, so to every goal this Api file"
                  + " is deleted");
    }
  }

  @Test
  void retiredFileMayBeDeleted() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "retired"));
      repo.commit("retire");
      repo.checkout("main").merge("feature");
      repo.branch("cleanup");
      repo.delete("apis/orders/v1.yaml");
      repo.commit("delete the retired orders v1");
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat(onlyApi(result)).containsEntry("verdict", "ok").containsEntry("version", null);
    }
  }

  @Test
  void releaseTagFreezesItsVersion() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.0.0", "draft"));
      repo.commit("preview");
      repo.annotatedTag("orders@1.0.0", "orders@1.0.0");
      repo.branch("feature");
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.0.0", "draft"));
      repo.commit("cancel in the draft");
      assertThat(lines(run(repo.dir(), null)))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: error [release-frozen] orders 1.0.0 is released (tag orders@1.0.0) and frozen,"
                  + " but this file differs from the release at endpoints[POST /orders/{id}/cancel]: set version to"
                  + " 1.1.0 or higher");
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.1.0", "draft"));
      assertThat(run(repo.dir(), null).problems()).isEmpty();
    }
  }

  @Test
  void releaseTagWhoseFileDoesNotParseIsAProblemNotASkippedCheck() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", "kind: Api\nname: [orders\n");
      repo.commit("a broken preview");
      repo.annotatedTag("orders@1.0.0", "orders@1.0.0");
      repo.write("apis/orders/v1.yaml", orders("1.0.0", "draft"));
      repo.commit("preview");
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.0.0", "draft"));
      assertThat(lines(run(repo.dir(), "HEAD")))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: error [release-frozen] orders 1.0.0 is released (tag"
                  + " orders@1.0.0) and frozen, but apis/orders/v1.yaml at the tag is not a"
                  + " readable Api document (3:1: not valid YAML: while parsing a flow sequence:"
                  + " expected ',' or ']', but got <stream end>), so this file cannot be shown to"
                  + " match the"
                  + " release: set version to 1.1.0 or higher");
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.1.0", "draft"));
      assertThat(run(repo.dir(), "HEAD").problems()).isEmpty();
    }
  }

  @Test
  void tagPatternComesFromApistageYaml() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apistage.yaml", "tagPattern: release/<api>-v<version>\n");
      repo.write("apis/orders/v1.yaml", orders("1.0.0", "draft"));
      repo.commit("preview");
      repo.annotatedTag("release/orders-v1.0.0", "release/orders-v1.0.0");
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.0.0", "draft"));
      assertThat(lines(run(repo.dir(), "HEAD")))
          .singleElement()
          .asString()
          .contains("[release-frozen] orders 1.0.0 is released (tag release/orders-v1.0.0)");
    }
  }

  @Test
  void exceptionLiftsAFindingForItsVersionAndExpiresWithIt() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "apistage.yaml",
          """
          exceptions:
            - { api: orders, version: 1.5.0, rule: endpoint-removed, pointer: /endpoints/1, reason: never worked (INC-7) }
          """);
      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.5.0", "published"));
      repo.commit("drop delete with an exception");
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat(onlyApi(result)).containsEntry("requiredBump", "none");
      assertThat(log.lines())
          .anyMatch(
              l ->
                  l.contains(
                      "[endpoint-removed] endpoint DELETE /orders/{id} removed (lifted by exception: never worked (INC-7))"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> findings =
          (List<Map<String, Object>>) onlyApi(result).get("findings");
      assertThat(findings.get(0)).containsEntry("exception", "never worked (INC-7)");

      repo.write("apis/orders/v1.yaml", ordersWithoutDelete("1.5.1", "published"));
      assertThat(lines(run(repo.dir(), null)))
          .contains(
              "apistage.yaml:2:5: warning [exception-expired] the exception for orders 1.5.0 [endpoint-removed] has"
                  + " expired: orders is now at 1.5.1; remove it");
    }
  }

  @Test
  void defaultBaseIsTheMergeBaseWithOriginMain() throws Exception {
    GitRepoBuilder upstream = GitRepoBuilder.init(tmp.resolve("upstream"));
    String forkPoint;
    try (upstream) {
      upstream.write("apis/orders/v1.yaml", orders("1.4.2", "published"));
      forkPoint = upstream.commit("orders 1.4.2");
    }
    Path origin = GitRepoBuilder.open(tmp.resolve("upstream")).bareClone(tmp.resolve("origin.git"));
    try (GitRepoBuilder other =
            GitRepoBuilder.cloneOf(origin.toUri().toString(), tmp.resolve("other"));
        GitRepoBuilder mine =
            GitRepoBuilder.cloneOf(origin.toUri().toString(), tmp.resolve("mine"))) {
      // main moves on after the fork: a good 1.5.0 that the pull request must not be judged by
      other.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      other.commit("orders 1.5.0");
      other.push("refs/heads/main:refs/heads/main");
      mine.branch("feature");
      mine.write(
          "apis/orders/v1.yaml",
          orders("1.4.3", "published").replace("Orders of the web shop", "Orders"));
      mine.commit("reword");
      mine.git().fetch().setRemote("origin").call();
      GoalResult result = run(mine.dir(), null);
      assertThat(result.problems()).isEmpty();
      @SuppressWarnings("unchecked")
      Map<String, Object> base = (Map<String, Object>) result.body().toJson().get("base");
      assertThat(base)
          .containsEntry("commit", forkPoint)
          .containsEntry("revision", "merge-base(HEAD, origin/main)");
      assertThat(onlyApi(result)).containsEntry("baseVersion", "1.4.2");
      // and with a merge of main into the branch, the base is main's commit
      String mainTip = mine.git().getRepository().resolve("origin/main").name();
      mine.git()
          .merge()
          .include(mine.git().getRepository().resolve("origin/main"))
          .setCommit(false)
          .call();
      mine.write(
          "apis/orders/v1.yaml",
          ordersWithCancel("1.5.1", "published").replace("Orders of the web shop", "Orders"));
      mine.commit("merge main");
      GoalResult merged = run(mine.dir(), null);
      assertThat(((Map<?, ?>) merged.body().toJson().get("base")).get("commit")).isEqualTo(mainTip);
      assertThat(merged.problems()).isEmpty();
      assertThat(onlyApi(merged))
          .containsEntry("baseVersion", "1.5.0")
          .containsEntry("requiredBump", "patch");
    }
  }

  @Test
  void configRootMayBeASubFolderOfTheWorkTree() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("platform/config/apis/orders/v1.yaml", orders("1.4.2", "published"));
      repo.write("platform/config/apistage.yaml", "mainBranch: trunk\n");
      repo.write("apis/orders/v1.yaml", "not: [the config root");
      repo.commit("orders");
      repo.git().branchRename().setNewName("trunk").call();
      repo.branch("feature");
      repo.write("platform/config/apis/orders/v1.yaml", ordersWithoutDelete("1.4.3", "published"));
      GoalResult result = run(repo.dir().resolve("platform/config"), null);
      assertThat(lines(result))
          .containsExactly(
              "apis/orders/v1.yaml:7:1: error [endpoint-removed] endpoint DELETE /orders/{id} removed in 1.4.3;"
                  + " a breaking change needs a new major line: create apis/orders/v2.yaml starting at 2.0.0");
      assertThat(result.message()).isEqualTo("1 problem in 1 file (1 error, 0 warnings)");
    }
  }

  @Test
  void uncommittedEditsAreTheWorkingCopy() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.4.2", "published"));
      GoalResult result = run(repo.dir(), null);
      assertThat(lines(result)).singleElement().asString().contains("[endpoint-added]");
    }
  }

  @Test
  void onlyFilesThatDifferAreReadAndParsed() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.checkout("main");
      repo.write("apis/broken/v1.yaml", "kind: Api\nname: [broken\n");
      repo.commit("a broken file that the feature does not touch");
      repo.branch("feature2");
      repo.write(
          "apis/orders/v1.yaml",
          orders("1.4.3", "published").replace("Orders of the web shop", "Orders"));
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat((List<?>) result.body().toJson().get("apis")).hasSize(1);
      // formatting-only edits are no change either
      repo.write(
          "apis/orders/v1.yaml",
          "# reformatted\n"
              + orders("1.4.2", "published").replace("state: published", "state: 'published'"));
      GoalResult reformatted = run(repo.dir(), null);
      assertThat(reformatted.problems()).isEmpty();
      assertThat(onlyApi(reformatted)).containsEntry("requiredBump", "none");
    }
  }

  @Test
  void noChangeSaysSo() throws Exception {
    try (GitRepoBuilder repo = published()) {
      GoalResult result = run(repo.dir(), null);
      assertThat(result.problems()).isEmpty();
      assertThat(result.message())
          .matches("no Api file changed since merge-base\\(HEAD, main\\) \\([0-9a-f]{10}\\)");
    }
  }

  @Test
  void explicitBaseTakesAnyRevision() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      repo.commit("1.5.0");
      repo.annotatedTag("orders@1.5.0", "orders@1.5.0");
      repo.write(
          "apis/orders/v1.yaml",
          ordersWithCancel("1.5.1", "published").replace("Orders of the web shop", "Orders"));
      repo.commit("1.5.1");
      assertThat(onlyApi(run(repo.dir(), "orders@1.5.0"))).containsEntry("baseVersion", "1.5.0");
      assertThat(onlyApi(run(repo.dir(), "HEAD~2"))).containsEntry("baseVersion", "1.4.2");
    }
  }

  @Test
  void versionMustBeSemantic() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5", "published"));
      assertThat(lines(run(repo.dir(), null)))
          .containsExactly(
              "apis/orders/v1.yaml:3:10: error [version-invalid] version 1.5 is not a semantic version; write"
                  + " MAJOR.MINOR.PATCH starting with 1, e.g. version: \"1.0.0\"");
    }
  }

  @Test
  void onboardingAnExistingApiAtItsVersionTakesAnException() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/payments/v1.yaml", api("payments", "1.3.0", "published"));
      assertThat(lines(run(repo.dir(), null)))
          .singleElement()
          .asString()
          .startsWith("apis/payments/v1.yaml:3:10: error [new-major-line-start]");
      repo.write(
          "apistage.yaml",
          "exceptions:\n  - { api: payments, version: 1.3.0, rule: new-major-line-start, pointer: /version,"
              + " reason: onboarded at its production version }\n");
      assertThat(run(repo.dir(), null).problems()).isEmpty();
      assertThat(log.lines()).anyMatch(l -> l.contains("lifted [new-major-line-start]"));
    }
  }

  @Test
  void unreadableBaseFileIsAWarningNotASilentPass() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", "kind: Api\nname: [orders\n");
      repo.commit("broken");
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "published"));
      assertThat(lines(run(repo.dir(), "HEAD")))
          .containsExactly(
              "apis/orders/v1.yaml:1:1: warning [base-unreadable] the file at the base HEAD ("
                  + repo.git().getRepository().resolve("HEAD").name().substring(0, 10)
                  + ") is not a readable Api document, so its changes cannot be judged; check them by hand");
    }
  }

  @Test
  void unreadableWorkingCopyFileIsAnError() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", "kind: Api\nname: [orders\n");
      GoalResult result = run(repo.dir(), null);
      assertThat(result.fails(false)).isTrue();
      assertThat(result.problems()).allMatch(p -> p.file().equals("apis/orders/v1.yaml"));
    }
  }

  @Test
  void unknownFieldCountsAsBreakingUntilARuleKnowsIt() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "apis/orders/v1.yaml",
          orders("1.5.0", "published")
              .replace(
                  "    path: /orders/{id}\n    parameters",
                  "    path: /orders/{id}\n    timeout: 5\n    parameters"));
      assertThat(lines(run(repo.dir(), null)))
          .first()
          .asString()
          .isEqualTo(
              "apis/orders/v1.yaml:11:14: error [unclassified-change] endpoints[GET /orders/{id}].timeout"
                  + " added (5): no rule knows this field, so the change counts as breaking in 1.5.0; a breaking change"
                  + " needs a new major line: create apis/orders/v2.yaml starting at 2.0.0 (used by application/mobile-app,"
                  + " package/shop, subscription/mobile-shop)");
    }
  }

  // ---- setups that prevent the check, each with what to do

  @Test
  void directoryOutsideAGitWorkTreeIsRefused() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> run(plain, null))
        .isInstanceOf(ApistageException.class)
        .hasMessageContaining(
            "is not inside a Git work tree; run the goal in a clone of the config repository");
  }

  @Test
  void unknownBaseIsRefused() throws Exception {
    try (GitRepoBuilder repo = published()) {
      assertThatThrownBy(() -> run(repo.dir(), "no-such-branch"))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "apistage.base=no-such-branch names no branch, tag or commit of this repository; pass an"
                  + " existing revision with -Dapistage.base=<branch|tag|commit> (git fetch it first when it lives on"
                  + " a remote)");
    }
  }

  @Test
  void missingMainBranchIsRefused() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "published"));
      repo.commit("orders");
      repo.git().branchRename().setNewName("develop").call();
      assertThatThrownBy(() -> run(repo.dir(), null))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "there is neither a branch main nor origin/main to find the base of this change; fetch it"
                  + " (git fetch origin main:refs/remotes/origin/main), pass -Dapistage.base=<rev>, or set mainBranch"
                  + " in apistage.yaml if the main branch has another name");
    }
  }

  @Test
  void detachedHeadWithoutMainBranchSaysSo() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    try (repo) {
      repo.write("apis/orders/v1.yaml", orders("1.4.2", "published"));
      String commit = repo.commit("orders");
      repo.git().checkout().setName(commit).call();
      repo.git().branchDelete().setBranchNames("main").setForce(true).call();
      assertThatThrownBy(() -> run(repo.dir(), null))
          .isInstanceOf(ApistageException.class)
          .hasMessageStartingWith(
              "HEAD is detached and there is neither a branch main nor origin/main");
      // with an explicit base a detached HEAD is fine
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      assertThat(run(repo.dir(), commit).problems()).isEmpty();
    }
  }

  @Test
  void detachedHeadWithMainWorksAsInACiCheckout() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      String commit = repo.commit("cancel");
      repo.git().checkout().setName(commit).call();
      assertThat(onlyApi(run(repo.dir(), null)))
          .containsEntry("verdict", "ok")
          .containsEntry("baseVersion", "1.4.2");
    }
  }

  @Test
  void shallowCloneWithoutTheBaseSaysToFetchTheFullHistory() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write("apis/orders/v1.yaml", ordersWithCancel("1.5.0", "published"));
      repo.commit("cancel");
      repo.checkout("main");
      repo.write(
          "apis/catalog/v2.yaml",
          api("catalog", "2.0.1", "published").replace("/catalog", "/catalog2"));
      repo.commit("main moves on");
    }
    Path shallow = tmp.resolve("shallow");
    org.eclipse.jgit.api.Git.cloneRepository()
        .setURI(tmp.resolve("repo").toUri().toString())
        .setDirectory(shallow.toFile())
        .setDepth(1)
        .setBranch("feature")
        .setCloneAllBranches(true)
        .call()
        .close();
    assertThatThrownBy(() -> run(shallow, null))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "this clone is shallow and lacks the merge base of HEAD and origin/main; run git fetch"
                + " --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0; in GitLab CI: GIT_DEPTH: 0),"
                + " or pass -Dapistage.base=<rev>");
  }
}
