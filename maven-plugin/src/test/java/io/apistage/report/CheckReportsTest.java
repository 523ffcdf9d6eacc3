package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.check.ReportInputs;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReportsTest {

  /** Where the check-versions fixture builds its repository. */
  @TempDir Path repo;

  @Test
  void checkingGoalWritesMarkdownSarifJUnitAndGithubOutputWithRepositoryPaths(@TempDir Path dir)
      throws Exception {
    GitRepoBuilder.init(dir).close();
    Path config = dir.resolve("config");
    write(config.resolve("apis/orders/v1.yaml"), "kind: Api\nname: orders\n");
    write(config.resolve("apis/catalog/v2.yaml"), "kind: Api\nname: catalog\n");
    write(config.resolve("stages/dev.yaml"), "kind: Stage\nname: dev\n");
    write(config.resolve("stages/qa.yaml"), "kind: Stage\nname: qa\npromotesFrom: dev\n");
    write(config.resolve("policies/cors.yaml"), "kind: Policy\nname: cors\n");
    Path summary = dir.resolve("step-summary.md");
    Path reports = dir.resolve("target/apistage");
    GoalContext context =
        new GoalContext(
            config,
            reports,
            false,
            Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
            new RecordingLog());
    List<String> console = new ArrayList<>();

    GoalResult result = Fixtures.checkVersions(repo);

    List<Path> written =
        CheckReports.write(result, ReportInputs.of(result.goal(), config), context, console::add);

    assertThat(written)
        .containsExactly(
            reports.resolve("check-versions.md"),
            reports.resolve("check-versions.sarif"),
            reports.resolve("TEST-apistage-check-versions.xml"),
            summary);
    String md = Files.readString(reports.resolve("check-versions.md"));
    assertThat(md).contains("**major**").contains("`application/mobile-app`");
    assertThat(md).contains("  branch_main --> stage_dev\n  stage_dev --> stage_qa\n");
    assertThat(Files.readString(summary)).isEqualTo(md + "\n");
    assertThat(Files.readString(reports.resolve("check-versions.sarif")))
        .contains("\"uri\" : \"config/apis/orders/v1.yaml\"");
    String junit = Files.readString(reports.resolve("TEST-apistage-check-versions.xml"));
    assertThat(junit).contains("tests=\"2\" failures=\"1\"").doesNotContain("policies/cors.yaml");
    assertThat(console)
        .hasSize(2)
        .last()
        .asString()
        .startsWith("::error file=config/apis/orders/v1.yaml,line=6,col=1,");
  }

  @Test
  void outsideGithubActionsNothingIsPrintedAndPathsStayRelativeToTheConfigRoot(@TempDir Path dir)
      throws Exception {
    write(dir.resolve("apis/orders/v1.yaml"), "kind: Api\nname: orders\n");
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());
    List<String> console = new ArrayList<>();

    GoalResult result = Fixtures.checkVersions(repo);

    List<Path> written =
        CheckReports.write(result, ReportInputs.of(result.goal(), dir), context, console::add);

    assertThat(written).hasSize(3);
    assertThat(console).isEmpty();
    assertThat(Files.readString(dir.resolve("target/apistage/check-versions.sarif")))
        .contains("\"uri\" : \"apis/orders/v1.yaml\"");
  }

  @Test
  void onlyTheCheckingGoalsWriteThem() throws Exception {
    assertThat(CheckReports.isCheckingGoal("validate")).isTrue();
    assertThat(CheckReports.isCheckingGoal("check-versions")).isTrue();
    assertThat(CheckReports.isCheckingGoal("diff")).isTrue();
    assertThat(CheckReports.isCheckingGoal("check")).isTrue();
    assertThat(CheckReports.isCheckingGoal("promote")).isFalse();
    assertThat(CheckReports.isCheckingGoal("release")).isFalse();
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
