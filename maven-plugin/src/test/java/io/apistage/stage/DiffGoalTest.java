package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.report.Json;
import io.apistage.report.MarkdownReport;
import io.apistage.report.PromotionPath;
import io.apistage.report.Reports;
import io.apistage.testing.GitRepoBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffGoalTest {

  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  private GitRepoBuilder repo;
  private GoalResult last;

  @BeforeEach
  void repository() {
    repo = GitRepoBuilder.withFiles(dir, Repos.shop());
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private GoalResult diff(String stage, boolean failOnDiff) throws Exception {
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), log);
    GoalResult result =
        new DiffGoal(context, new DiffRequest(Optional.ofNullable(stage), failOnDiff, Map.of()))
            .execute();
    Reports.writeJson(result, context.reportDir());
    last = result;
    return result;
  }

  private List<String> plan() {
    return log.lines().stream().map(l -> l.substring("[INFO] ".length())).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> report() throws Exception {
    return (Map<String, Object>)
        Json.read(Files.readString(dir.resolve("target/apistage/diff.json")));
  }

  private String markdown() throws Exception {
    return MarkdownReport.render(
        last, PromotionPath.of(new ConfigLoader().load(new DirectorySource(dir))));
  }

  @Test
  void emptyStageHasEverythingToCreateWithItsGatewayUrls() throws Exception {
    GoalResult result = diff("qa", false);
    assertThat(result.problems()).isEmpty();
    assertThat(result.code()).isEqualTo("OK");
    assertThat(plan())
        .containsExactly(
            "Stage qa (no state yet: apistage/stage/qa does not exist, so everything is to create)",
            "  + api/orders@1",
            "  + application/mobile-app",
            "  + policy/cors",
            "Plan for qa: 3 to create, 0 to update, 0 to delete, 0 unchanged");
    Map<String, Object> stage = ((List<Map<String, Object>>) report().get("stages")).get(0);
    assertThat(stage.get("stage")).isEqualTo("qa");
    assertThat(stage.get("create"))
        .isEqualTo(List.of("api/orders@1", "application/mobile-app", "policy/cors"));
    assertThat(stage.get("update")).isEqualTo(List.of());
    assertThat(stage.get("delete")).isEqualTo(List.of());
    assertThat(stage.get("unchanged")).isEqualTo(0);
    assertThat(((Map<String, Object>) stage.get("gatewayConfig")).get("endpoints"))
        .isEqualTo(
            List.of(
                Map.of(
                    "api",
                    "orders@1",
                    "path",
                    "/orders/{id}",
                    "method",
                    "GET",
                    "gatewayUrl",
                    "https://qa.api.example.com/orders/v1/orders/{id}"),
                Map.of(
                    "api",
                    "orders@1",
                    "path",
                    "/orders",
                    "method",
                    "GET",
                    "gatewayUrl",
                    "https://qa.api.example.com/orders/v1/orders")));
    assertThat(report().get("status")).isEqualTo("success");
  }

  @Test
  void reformattedRepositoryShowsNoChange() throws Exception {
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    repo.write(Map.of("apis/orders/v1.yaml", Repos.ORDERS_REFORMATTED));
    GoalResult result = diff("qa", true);
    assertThat(result.problems()).isEmpty();
    assertThat(plan())
        .last()
        .isEqualTo("Plan for qa: 0 to create, 0 to update, 0 to delete, 3 unchanged");
    assertThat(result.message()).isEqualTo("1 stage compared (qa: no changes)");
    assertThat(markdown())
        .contains(
            "### Stages compared with this commit\n\n- Stage qa: 0 to create, 0 to update, 0 to delete, 3 unchanged: no changes\n");
  }

  @Test
  void oneChangedDescriptionIsExactlyOneField() throws Exception {
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    repo.write(
        Map.of(
            "applications/mobile-app.yaml", Repos.MOBILE.replace("The mobile app", "The iOS app")));
    GoalResult result = diff("qa", false);
    assertThat(result.problems()).isEmpty();
    List<String> plan = plan();
    assertThat(plan.subList(1, plan.size()))
        .containsExactly(
            "  ~ application/mobile-app",
            "      ~ /description: \"The mobile app\" -> \"The iOS app\"",
            "Plan for qa: 0 to create, 1 to update, 0 to delete, 2 unchanged");
    Map<String, Object> stage = ((List<Map<String, Object>>) report().get("stages")).get(0);
    assertThat(stage.get("update"))
        .isEqualTo(
            List.of(
                Map.of(
                    "key",
                    "application/mobile-app",
                    "changes",
                    List.of(
                        Map.of(
                            "field",
                            "/description",
                            "path",
                            "description",
                            "from",
                            "The mobile app",
                            "to",
                            "The iOS app")))));
    assertThat(markdown())
        .contains(
            "| ~ | `application/mobile-app` | `~ /description: \"The mobile app\" -> \"The iOS app\"` |");
  }

  @Test
  void aliasesResolveWithEachStagesValue() throws Exception {
    StageFixture.deploy(dir, "dev", "to dev").orElseThrow();
    StageFixture.deploy(dir, "qa", "to qa").orElseThrow();
    repo.write(
        Map.of(
            "aliases/orders-backend.yaml",
            Repos.BACKEND.replace("https://orders.qa.internal", "https://orders-v2.qa.internal")));
    GoalResult result = diff(null, false);
    assertThat(result.problems()).isEmpty();
    assertThat(plan())
        .contains(
            "Plan for dev: 0 to create, 0 to update, 0 to delete, 3 unchanged",
            "  ~ api/orders@1",
            "      ~ /baseUrl: \"https://orders.qa.internal\" -> \"https://orders-v2.qa.internal\"",
            "Plan for qa: 0 to create, 1 to update, 0 to delete, 2 unchanged",
            "Stage prod (no state yet: apistage/stage/prod does not exist, so everything is to create)");
    List<Map<String, Object>> stages = (List<Map<String, Object>>) report().get("stages");
    assertThat(stages).extracting(s -> s.get("stage")).containsExactly("dev", "qa", "prod");
    Map<String, Object> prodGateway = (Map<String, Object>) stages.get(2).get("gatewayConfig");
    assertThat(prodGateway.get("gatewayUrl"))
        .as("an alias in the stage's gatewayUrl")
        .isEqualTo("https://api.example.com");
  }

  @Test
  void aliasMissingForAStageIsAnErrorAndThatStageIsNotCompared() throws Exception {
    repo.write(Map.of("aliases/prod-gateway.yaml", "kind: Alias\nname: prod-gateway\n"));
    GoalResult result = diff(null, false);
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "stages/prod.yaml:4:13: error [alias] ${alias:prod-gateway} has no value for stage prod:"
                + " aliases/prod-gateway.yaml sets neither stages.prod nor a default value; add one of them");
    assertThat(plan())
        .contains(
            "Plan for dev: 3 to create, 0 to update, 0 to delete, 0 unchanged",
            "Plan for prod: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)");
    assertThat(result.code()).isEqualTo("DIFF_FAILED");
    assertThat(((List<?>) report().get("stages"))).hasSize(2);
  }

  @Test
  void failOnDiffFailsOnADifferenceAndPassesWithout() throws Exception {
    GoalResult failing = diff("qa", true);
    assertThat(failing.fails(false)).isTrue();
    assertThat(failing.code()).isEqualTo("DIFF_FOUND");
    assertThat(failing.problems())
        .extracting(Problem::format)
        .containsExactly(
            "stages/qa.yaml:1:1: error [drift] stage qa differs from the working copy (3 to create, 0 to update,"
                + " 0 to delete, 0 unchanged) and apistage.failOnDiff is set; promote the changes or revert them");
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    GoalResult passing = diff("qa", true);
    assertThat(passing.fails(false)).isFalse();
    assertThat(passing.code()).isEqualTo("OK");
  }

  @Test
  void deletedAssetIsListedForDeletion() throws Exception {
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    Files.delete(dir.resolve("policies/cors.yaml"));
    diff("qa", false);
    assertThat(plan())
        .contains(
            "  - policy/cors", "Plan for qa: 0 to create, 0 to update, 1 to delete, 2 unchanged");
  }

  @Test
  void unknownStageIsAClearFailure() {
    assertThatThrownBy(() -> diff("staging", false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "unknown stage 'staging' (apistage.stage); known stages: dev, qa, prod; pass one with"
                + " -Dapistage.stage=dev, or omit it for all");
  }

  @Test
  void stageStateThatDoesNotParseIsAnErrorNamingTheBranchFile() throws Exception {
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      files.put(
          "apis/orders/v1.yaml",
          "kind: Api\nname: orders\n  version: [\n".getBytes(StandardCharsets.UTF_8));
      String bad =
          repo.writeCommit(
              files, List.of(deployed), "edit\n\nApistage-Stage: qa", StageFixture.WHO);
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(deployed), bad, "edit");
    }
    GoalResult result = diff("qa", false);
    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).format())
        .startsWith("apistage/stage/qa:apis/orders/v1.yaml:3:");
    assertThat(plan())
        .containsExactly(
            "Plan for qa: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)");
  }

  @Test
  void stageChangedByHandIsWarnedAndTheDiffShowsWhatThePromotionWouldUndo() throws Exception {
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      files.remove("policies/cors.yaml");
      String hand =
          repo.writeCommit(files, List.of(deployed), "remove cors by hand", StageFixture.WHO);
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(deployed), hand, "hand");
    }
    GoalResult result = diff("qa", false);
    assertThat(result.problems())
        .extracting(Problem::rule)
        .containsOnly("stage-hand-change")
        .hasSize(2);
    assertThat(plan())
        .contains(
            "  + policy/cors", "Plan for qa: 1 to create, 0 to update, 0 to delete, 2 unchanged");
  }

  @Test
  void unreachableRemoteIsAnErrorAtTheStagesRemoteAndOtherStagesAreStillCompared()
      throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    repo.write(
        Map.of(
            "stages/qa.yaml",
            Repos.QA + "state:\n  remote: git://127.0.0.1:" + port + "/config.git\n"));
    GoalResult result = diff(null, false);
    assertThat(result.problems()).hasSize(1);
    Problem problem = result.problems().get(0);
    assertThat(problem.file()).isEqualTo("stages/qa.yaml");
    assertThat(problem.line()).isEqualTo(6);
    assertThat(problem.rule()).isEqualTo("stage-state");
    assertThat(problem.message())
        .startsWith(
            "stage qa (state git://127.0.0.1:"
                + port
                + "/config.git:apistage/stage/qa): cannot reach the Git remote");
    assertThat(plan())
        .contains(
            "Plan for dev: 3 to create, 0 to update, 0 to delete, 0 unchanged",
            "Plan for qa: not computed; 1 problem in 1 file (1 error, 0 warnings) (listed below)",
            "Plan for prod: 3 to create, 0 to update, 0 to delete, 0 unchanged");
  }

  @Test
  void workingCopyThatDoesNotParseIsReportedBeforeAnyPlan() throws Exception {
    repo.write(Map.of("policies/cors.yaml", "kind: Policy\nname: cors\nconfig: {origins: [\n"));
    GoalResult result = diff(null, false);
    assertThat(result.code()).isEqualTo("INVALID_CONFIG");
    assertThat(result.problems()).extracting(Problem::file).containsExactly("policies/cors.yaml");
    assertThat(result.message()).startsWith("the working copy does not load: 1 problem in 1 file");
    assertThat(plan()).isEmpty();
  }
}
