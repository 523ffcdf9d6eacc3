package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubActionsTest {

  /** Where the check-versions fixture builds its repository. */
  @TempDir Path repo;

  @Test
  void problemsBecomeWorkflowCommandsWithRepositoryPaths() throws Exception {
    List<String> lines = GithubActions.annotations(Fixtures.checkVersions(repo), "config/");

    assertThat(lines)
        .containsExactly(
            "::warning file=config/apis/catalog/v2.yaml,line=3,col=10,title=apistage check-versions"
                + " [bump-larger-than-needed]::2.0.0 → 2.1.0 is a minor bump but the changes need only a"
                + " patch bump (2.0.1)",
            "::error file=config/apis/orders/v1.yaml,line=6,col=1,title=apistage check-versions"
                + " [endpoint-removed]::endpoint DELETE /orders/{id} removed in 1.5.0; a breaking change"
                + " needs a new major line: create apis/orders/v2.yaml starting at 2.0.0 (used by"
                + " application/mobile-app, application/web-shop)");
  }

  @Test
  void commandTextIsEscapedSoItCannotEndTheCommandOrInjectAnother() throws Exception {
    Problem p =
        new Problem(
            "a,b:c%/v1.yaml",
            0, 0, "", "schema", Severity.ERROR, "100% wrong\n::error::injected\r");
    GoalResult result = new GoalResult("validate", "X", "1", List.of(p), new ValidateReport(1, 1));

    assertThat(GithubActions.annotations(result, ""))
        .containsExactly(
            "::error file=a%2Cb%3Ac%25/v1.yaml,title=apistage validate [schema]::100%25 wrong%0A::error::injected%0D");
  }

  @Test
  void summaryLargerThanGithubAcceptsIsCutAtALine() throws Exception {
    String line =
        "| ❌ error | `apis/orders/v1.yaml` | 1:1 | `schema` | " + "x".repeat(200) + " |\n";
    String big = line.repeat(10_000);

    String fitted = GithubActions.fitted(big);

    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(GithubActions.SUMMARY_LIMIT);
    assertThat(fitted)
        .startsWith(line)
        .endsWith(
            "|\n\n… cut to fit GitHub's job summary limit; the whole report is in the report folder.\n\n");
    assertThat(GithubActions.fitted("small\n")).isEqualTo("small\n");
  }

  @Test
  void markdownIsAppendedToTheStepSummary(@TempDir Path dir) throws Exception {
    Path summary = dir.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");

    GithubActions.appendSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "## apistage\n");

    assertThat(Files.readString(summary)).isEqualTo("earlier step\n## apistage\n\n");
    assertThat(GithubActions.appendSummary(Map.of(), "x")).isNull();
    assertThat(GithubActions.active(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
    assertThat(GithubActions.active(Map.of("GITHUB_ACTIONS", "false"))).isFalse();
  }
}
