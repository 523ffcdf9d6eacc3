package io.apistage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.report.Json;
import io.apistage.report.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate goal's result and report, from a config root on disk. */
class ValidateGoalTest {

  @TempDir Path dir;

  private Path write(String path, String text) throws IOException {
    Path file = dir.resolve("config").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private GoalResult run(boolean failOnWarning) throws IOException, ApistageException {
    GoalContext context =
        GoalContext.of(dir.resolve("config"), dir.resolve("report"), new RecordingLog())
            .withFailOnWarning(failOnWarning);
    return new ValidateGoal(context).execute();
  }

  @Test
  void aConfigRootThatIsNotAFolderStopsTheGoalWithWhatToPass() {
    GoalContext context =
        GoalContext.of(dir.resolve("platfrom/config"), dir.resolve("report"), new RecordingLog());
    assertThatThrownBy(() -> new ValidateGoal(context).execute())
        .isInstanceOf(ApistageException.class)
        .hasMessageEndingWith(
            "platfrom/config is not a folder; pass -Dapistage.configDir=<the folder that holds"
                + " apis/, policies/, stages/, ...>");
  }

  @Test
  void aValidRootPassesAndCountsWhatItRead() throws Exception {
    write("policies/cors.yaml", "kind: Policy\nname: cors\ntype: cors\n");
    GoalResult result = run(false);
    assertThat(result.problems()).isEmpty();
    assertThat(result.fails(false)).isFalse();
    assertThat(result.code()).isEqualTo("OK");
    assertThat(result.message()).isEqualTo("1 file valid, 1 asset");
  }

  @Test
  void errorsFailWithOneSummaryAndTheReportCarriesTheSameProblems() throws Exception {
    write(
        "apis/orders/v1.yaml",
        "kind: Api\nname: orders\nversion: 1.0.0\nstate: draft\npolicies: [corz]\n");
    write("apis/orders/notes.yaml", "x: 1\n");
    GoalResult result = run(false);
    assertThat(result.problems().stream().map(Problem::format))
        .containsExactly(
            "apis/orders/notes.yaml:1:1: warning [layout] ignored: an Api file lives at apis/<api>/v<MAJOR>.yaml",
            "apis/orders/v1.yaml:5:12: error [unknown-reference] policy 'corz' does not exist; expected policies/corz.yaml");
    assertThat(result.fails(false)).isTrue();
    assertThat(result.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(result.message()).isEqualTo("2 problems in 2 files (1 error, 1 warning)");

    Path report = Reports.writeJson(result, dir.resolve("report"));
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.read(Files.readString(report));
    assertThat(json.get("status")).isEqualTo("error");
    assertThat(json.get("code")).isEqualTo("VALIDATION_FAILED");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> details = (List<Map<String, Object>>) json.get("details");
    assertThat(details).hasSize(2);
    assertThat(details.get(1))
        .containsEntry("file", "apis/orders/v1.yaml")
        .containsEntry("line", 5)
        .containsEntry("column", 12)
        .containsEntry("field", "/policies/0")
        .containsEntry("rule", "unknown-reference")
        .containsEntry("severity", "error");
  }

  @Test
  void warningsPassUnlessFailOnWarningIsSet() throws Exception {
    write("apis/orders/v1.yaml", "kind: Api\nname: orders\nversion: 1.0.0\nstate: draft\n");
    write("apis/orders/openapi.yaml", "openapi: 3.1.0\n");
    GoalResult lenient = run(false);
    assertThat(lenient.problems()).hasSize(1);
    assertThat(lenient.fails(false)).isFalse();
    assertThat(lenient.code()).isEqualTo("OK");

    GoalResult strict = run(true);
    assertThat(strict.fails(true)).isTrue();
    assertThat(strict.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(strict.message()).isEqualTo("1 problem in 1 file (0 errors, 1 warning)");
  }
}
