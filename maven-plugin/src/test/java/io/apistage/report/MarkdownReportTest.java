package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.CheckReport;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.model.Change;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import io.apistage.promotion.PromoteReport;
import io.apistage.promotion.PromotionOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  /** Where the check-versions fixture builds its repository. */
  @TempDir Path repo;

  @Test
  void versionReportNamesTheApiItsRequiredBumpAndTheConsumers() throws Exception {
    String md = MarkdownReport.render(Fixtures.checkVersions(repo), PromotionPath.none("main"));

    assertThat(md)
        .startsWith(
            "## ❌ apistage check-versions failed (1 error, 1 warning)\n\n"
                + "2 problems in 2 files (1 error, 1 warning)");
    assertThat(md)
        .contains(
            "| `orders@1`<br>apis/orders/v1.yaml | 1.4.2 → 1.5.0 | **major** | ❌ error | 1 modified, 1 removed"
                + " | `application/mobile-app`, `application/web-shop` |");
    assertThat(md).contains("<details><summary>orders@1: 1 finding</summary>");
    assertThat(md)
        .contains(
            "| ❌ error | `apis/orders/v1.yaml` | 6:1 | `endpoint-removed` | endpoint DELETE /orders/{id} removed in"
                + " 1.5.0;");
    assertThat(md)
        .contains("| ⚠️ warning | `apis/catalog/v2.yaml` | 3:10 | `bump-larger-than-needed` |");
    assertThat(md).doesNotContain("mermaid");
  }

  @Test
  void diffReportShowsWhatEachStageWouldReceiveAndThePendingEdges() throws Exception {
    String md = MarkdownReport.render(Fixtures.diff(), Fixtures.chain());

    assertThat(md)
        .startsWith(
            "## ✅ apistage diff passed\n\n3 stages compared\n\n### Stages compared with this commit\n\n");
    assertThat(md)
        .contains(
            "<details><summary>Stage dev: 1 to create, 1 to update, 0 to delete, 4 unchanged"
                + "</summary>\n\n"
                + "| | asset | change |\n|---|---|---|\n"
                + "| ~ | `api/orders@1` | `~ /version: \"1.4.2\" -> \"1.5.0\"` |\n"
                + "| + | `api/orders@2` | create |\n\n</details>\n\n");
    assertThat(md)
        .contains(
            "<details><summary>Stage qa: 0 to create, 0 to update, 1 to delete, 7 unchanged"
                + "</summary>\n\n"
                + "| | asset | change |\n|---|---|---|\n"
                + "| - | `application/old-app` | delete |\n\n</details>\n\n");
    assertThat(md)
        .contains("- Stage prod: 0 to create, 0 to update, 0 to delete, 8 unchanged: no changes\n");
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
  void pathWithoutDiffHasUnlabelledEdgesAndSaysHowToSeeThem() throws Exception {
    GoalResult validate =
        new GoalResult("validate", "OK", "3 files valid", List.of(), new ValidateReport(3, 3));

    String md = MarkdownReport.render(validate, Fixtures.chain());

    assertThat(md).contains("  stage_dev --> stage_qa\n");
    assertThat(md).contains("Run `diff` (or `check`) to see what is pending on each edge.");
  }

  @Test
  void tableCellsCannotBreakOutOfTheTable() throws Exception {
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
        new GoalResult(
            "validate", "VALIDATION_FAILED", "1 problem", List.of(nasty), new ValidateReport(1, 1));

    String md = MarkdownReport.render(result, PromotionPath.none("main"));

    assertThat(md)
        .contains(
            "| `apis/a\\|b/v1.yaml` | 2:3 | `schema` | must be one of a\\|b<br>second &lt;script&gt; line |");
  }

  @Test
  void checkShowsWhatMergingDoesFoldedWithWhatStaysBehind() {
    DiffReport.StagePlan dev =
        new DiffReport.StagePlan(
            "dev",
            null,
            new DiffReport.AssetChanges(
                List.of(),
                List.of(
                    new DiffReport.Update(
                        "api/orders@1",
                        List.of(
                            new Change(
                                Change.Type.CHANGED, "/version", "version", "1.4.2", "1.5.0")))),
                List.of()),
            1,
            DiffReport.Gateway.NONE);
    PromoteReport plan =
        new PromoteReport(
            true,
            "459ba7f",
            List.of(
                new PromotionOutcome(
                    "track-main", "dev", PromotionOutcome.Status.SUCCESS, null, null, List.of()),
                new PromotionOutcome(
                    "orders-to-qa",
                    "qa",
                    PromotionOutcome.Status.SKIPPED,
                    null,
                    "already applied to qa with this content",
                    List.of())),
            List.of(dev),
            List.of(
                "qa: api/orders@1 1.4.2 → 1.5.0 not applied; promotion orders-to-qa was applied"
                    + " to qa with this content before dev had it"));
    GoalResult check =
        new GoalResult(
            "check",
            "OK",
            "all good",
            List.of(),
            new CheckReport(
                List.of(
                    new CheckReport.GoalRun("promote", "success", "OK", "1 would be applied", 0)),
                List.of(plan)));

    String md = MarkdownReport.render(check, PromotionPath.none("main"));

    assertThat(md)
        .isEqualTo(
            "## ✅ apistage check passed\n\n"
                + "| Goal | Result | |\n|---|---|---|\n"
                + "| promote | ✅ OK | 1 would be applied |\n\n"
                + "### What merging does\n\n"
                + "- `track-main -> dev: success (dry run, not written)`\n"
                + "- `orders-to-qa -> qa: skipped: already applied to qa with this content`\n\n"
                + "<details><summary>Promote to dev: 0 to create, 1 to update, 0 to delete, 1"
                + " unchanged</summary>\n\n"
                + "| | asset | change |\n|---|---|---|\n"
                + "| ~ | `api/orders@1` | `~ /version: \"1.4.2\" -> \"1.5.0\"` |\n\n"
                + "</details>\n\n"
                + "<details><summary>Behind main after merging: 1 asset</summary>\n\n"
                + "- qa: api/orders@1 1.4.2 → 1.5.0 not applied; promotion orders-to-qa was applied"
                + " to qa with this content before dev had it\n\n"
                + "</details>\n\n");
  }
}
