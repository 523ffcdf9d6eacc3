package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void versionReportNamesTheApiItsRequiredBumpAndTheConsumers() {
    String md = MarkdownReport.render(Fixtures.checkVersions(), PromotionPath.none("main"));

    assertThat(md)
        .startsWith("## ❌ apistage check-versions: 2 problems in 2 files (1 error, 1 warning)\n");
    assertThat(md)
        .contains(
            "| `orders@1`<br>apis/orders/v1.yaml | 1.4.2 → 1.5.0 | **major** | ❌ error | 1 modified, 1 removed"
                + " | `application/mobile-app`, `subscription/mobile-gold` |");
    assertThat(md).contains("<details><summary>orders@1: 1 finding</summary>");
    assertThat(md)
        .contains(
            "| ❌ error | `apis/orders/v1.yaml` | 14:7 | `breaking-change` | endpoint DELETE /orders/{id} removed in"
                + " 1.5.0;");
    assertThat(md).contains("| ⚠️ warning | `apis/catalog/v2.yaml` | 3:10 | `version-bump` |");
    assertThat(md).doesNotContain("mermaid");
  }

  @Test
  void diffReportShowsWhatEachStageWouldReceiveAndThePendingEdges() {
    String md = MarkdownReport.render(Fixtures.diff(), Fixtures.chain());

    assertThat(md).startsWith("## ✅ apistage diff: 3 stages compared\n");
    assertThat(md)
        .contains(
            "### Stage `dev`: 1 to create, 1 to update, 0 to delete, 4 unchanged\n\n"
                + "| | asset | change |\n|---|---|---|\n"
                + "| + | `api/orders@2` | create |\n"
                + "| ~ | `api/orders@1` | `~ /version: \"1.4.2\" -> \"1.5.0\"` |\n\n");
    assertThat(md)
        .contains(
            "### Stage `qa`: 0 to create, 0 to update, 1 to delete, 7 unchanged\n\n"
                + "| | asset | change |\n|---|---|---|\n"
                + "| - | `application/old-app` | delete |\n\n");
    assertThat(md)
        .contains(
            "### Stage `prod`: 0 to create, 0 to update, 0 to delete, 8 unchanged\n\nNo changes.\n");
    assertThat(md)
        .contains(
            "```mermaid\nflowchart LR\n"
                + "  branch_main[(\"main\")]\n"
                + "  stage_dev[\"dev\"]\n"
                + "  stage_qa[\"qa\"]\n"
                + "  stage_prod[\"prod\"]\n"
                + "  branch_main -->|\"1 to create, 1 to update\"| stage_dev\n"
                + "  stage_dev -->|\"1 to delete\"| stage_qa\n"
                + "  stage_qa -->|\"up to date\"| stage_prod\n"
                + "```\n");
  }

  @Test
  void pathWithoutDiffHasUnlabelledEdgesAndSaysHowToSeeThem() {
    GoalResult validate = new GoalResult("validate", "OK", "3 files valid", List.of(), Map.of());

    String md = MarkdownReport.render(validate, Fixtures.chain());

    assertThat(md).contains("  stage_dev --> stage_qa\n");
    assertThat(md).contains("Run `diff` (or `check`) to see what is pending on each edge.");
  }

  @Test
  void tableCellsCannotBreakOutOfTheTable() {
    Problem nasty =
        new Problem(
            "apis/a|b/v1.yaml",
            2,
            3,
            "",
            "schema",
            Severity.ERROR,
            "must be one of a|b\nsecond <script> line");
    GoalResult result =
        new GoalResult("validate", "VALIDATION_FAILED", "1 problem", List.of(nasty), Map.of());

    String md = MarkdownReport.render(result, PromotionPath.none("main"));

    assertThat(md)
        .contains(
            "| `apis/a\\|b/v1.yaml` | 2:3 | `schema` | must be one of a\\|b<br>second &lt;script&gt; line |");
  }
}
