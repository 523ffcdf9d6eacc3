package io.apistage.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.CheckVersionsReport;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import io.apistage.report.GithubActions;
import io.apistage.report.Json;
import io.apistage.report.SarifReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckGoalTest {

  private static final String BASE = "0123456789abcdef0123456789abcdef01234567";

  /** orders@1 as check-versions reports an endpoint removed within the major line. */
  private static final CheckVersionsReport.ApiVerdict ORDERS =
      new CheckVersionsReport.ApiVerdict(
          new CheckVersionsReport.ApiLine("orders", 1, "apis/orders/v1.yaml"),
          new CheckVersionsReport.VersionStep("1.4.2", "1.5.0", "major"),
          "error",
          new CheckVersionsReport.Changes(List.of(), List.of(), List.of("/endpoints/1")),
          List.of(),
          List.of("application/mobile-app"));

  private static final Problem SCHEMA =
      new Problem(
          "apis/orders/v1.yaml",
          3,
          1,
          "/descripton",
          "unknown-field",
          Severity.ERROR,
          "unknown field");
  private static final Problem BREAKING =
      new Problem(
          "apis/orders/v1.yaml",
          9,
          5,
          "/endpoints/1",
          "breaking-change",
          Severity.ERROR,
          "endpoint removed");

  @Test
  void everyGoalRunsAndTheBuildFailsOnceWithAllProblems(@TempDir Path dir) throws Exception {
    GoalContext context = GoalContext.of(dir, dir.resolve("reports"), new RecordingLog());
    CheckStep validate =
        CheckStep.of(
            "validate",
            c ->
                new GoalResult(
                    "validate",
                    "VALIDATION_FAILED",
                    "1 problem",
                    List.of(SCHEMA),
                    new ValidateReport(2, 2)));
    CheckStep versions =
        CheckStep.of(
            "check-versions",
            c ->
                new GoalResult(
                    "check-versions",
                    "VERSION_CHECK_FAILED",
                    "1 problem",
                    List.of(BREAKING, SCHEMA),
                    new CheckVersionsReport("origin/main", BASE, List.of(ORDERS))));
    CheckStep diff =
        CheckStep.of(
            "diff",
            c -> {
              throw new ApistageException(
                  "stage qa has no state branch apistage/stage/qa; fetch it with git fetch origin");
            });

    GoalResult result = new CheckGoal(context, List.of(validate, versions, diff)).execute();

    assertThat(result.goal()).isEqualTo("check");
    assertThat(result.code()).isEqualTo("CHECK_FAILED");
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            ".:0:0: error [diff] diff could not run: stage qa has no state branch apistage/stage/qa; fetch it with"
                + " git fetch origin",
            "apis/orders/v1.yaml:3:1: error [unknown-field] unknown field",
            "apis/orders/v1.yaml:9:5: error [breaking-change] endpoint removed");
    assertThat(result.message())
        .isEqualTo("3 problems in 2 files (3 errors, 0 warnings) (validate, check-versions, diff)");
    assertThat(result.body().toJson()).containsKeys("goals", "filesChecked", "apis");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> goals =
        (List<Map<String, Object>>) result.body().toJson().get("goals");
    assertThat(goals)
        .extracting(g -> g.get("goal") + " " + g.get("code"))
        .containsExactly(
            "validate VALIDATION_FAILED", "check-versions VERSION_CHECK_FAILED", "diff NOT_RUN");
    assertThat(dir.resolve("reports/validate.json")).exists();
    assertThat(dir.resolve("reports/check-versions.json")).exists();
    assertThat(dir.resolve("reports/diff.json")).doesNotExist();

    // A problem about the project as a whole has no file location in SARIF or an annotation.
    String sarif = Json.write(SarifReport.render(result, "1", new SarifReport.Location(dir, "")));
    assertThat(sarif).doesNotContain("\"uri\" : \".\"");
    assertThat(GithubActions.annotations(result, "").get(0))
        .isEqualTo(
            "::error title=apistage check [diff]::diff could not run: stage qa has no state branch"
                + " apistage/stage/qa; fetch it with git fetch origin");
  }

  @Test
  void cleanRunSaysWhatEachGoalFound(@TempDir Path dir) throws Exception {
    GoalContext context = GoalContext.of(dir, dir.resolve("reports"), new RecordingLog());
    CheckStep validate =
        CheckStep.of(
            "validate",
            c ->
                new GoalResult(
                    "validate",
                    "OK",
                    "2 files valid, 2 assets",
                    List.of(),
                    new ValidateReport(2, 2)));
    CheckStep diff =
        CheckStep.of(
            "diff",
            c ->
                new GoalResult(
                    "diff", "OK", "3 stages compared", List.of(), new DiffReport(List.of())));

    GoalResult result = new CheckGoal(context, List.of(validate, diff)).execute();

    assertThat(result.code()).isEqualTo("OK");
    assertThat(result.fails(false)).isFalse();
    assertThat(result.message())
        .isEqualTo("validate: 2 files valid, 2 assets; diff: 3 stages compared");
    assertThat(Files.readString(dir.resolve("reports/diff.json")))
        .contains("\"message\" : \"3 stages compared\"");
  }
}
