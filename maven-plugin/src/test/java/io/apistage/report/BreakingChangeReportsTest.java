package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.apistage.check.CheckGoal;
import io.apistage.check.CheckStep;
import io.apistage.check.ReportInputs;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.rules.ValidateGoal;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import io.apistage.testing.GitRepoBuilder;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports of a real check of a breaking change, end to end through the goals' engines. */
class BreakingChangeReportsTest {

  private static final String ORDERS =
      "kind: Api\nname: orders\nversion: %s\nstate: published\nbaseUrl: https://orders.internal\nendpoints:\n"
          + "  - name: getOrder\n    method: GET\n    path: /orders/{id}\n    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";
  private static final String DELETE =
      "  - name: deleteOrder\n    method: DELETE\n    path: /orders/{id}\n    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";

  @Test
  void breakingChangeGivesConformingSarifAtTheRightLineAndTheOtherReports(@TempDir Path dir)
      throws Exception {
    try (GitRepoBuilder repo = GitRepoBuilder.init(dir)) {
      repo.write("apis/orders/v1.yaml", ORDERS.formatted("1.4.2") + DELETE)
          .write(
              "applications/mobile-app.yaml",
              "kind: Application\nname: mobile-app\napis: [orders@1]\n")
          .write(
              "stages/dev.yaml",
              "kind: Stage\nname: dev\ngatewayUrl: https://dev.api.example.com\n")
          .commit("orders 1.4.2");
      repo.branch("feature").write("apis/orders/v1.yaml", ORDERS.formatted("1.5.0"));
      repo.commit("remove DELETE");
    }
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());
    GoalResult result =
        new CheckGoal(
                context,
                List.of(
                    CheckStep.of("validate", c -> new ValidateGoal(c).execute()),
                    CheckStep.of(
                        "check-versions",
                        c -> new CheckVersionsGoal(c, new CheckVersionsRequest(null)).execute()),
                    CheckStep.of("diff", c -> new DiffGoal(c, DiffRequest.allStages()).execute())))
            .execute();

    CheckReports.write(result, ReportInputs.of("check", dir), context, line -> {});

    assertThat(result.problems())
        .extracting(p -> p.file() + ":" + p.line() + " " + p.rule())
        .containsExactly("apis/orders/v1.yaml:6 endpoint-removed");
    String sarif = Files.readString(dir.resolve("target/apistage/check.sarif"));
    assertThat(sarif).contains("\"startLine\" : 6").contains("\"ruleId\" : \"endpoint-removed\"");
    assertThat(Files.readAllLines(dir.resolve("apis/orders/v1.yaml")).get(5))
        .isEqualTo("endpoints:");
    assertThat(Files.readString(dir.resolve("target/apistage/check.md")))
        .contains("| `orders@1`<br>apis/orders/v1.yaml | 1.4.2 → 1.5.0 | **major** | ❌ error |")
        .contains("`application/mobile-app`");
    assertThat(Files.readString(dir.resolve("target/apistage/TEST-apistage-check.xml")))
        .contains(
            "<failure message=\"1 problem in 1 file (1 error, 0 warnings): endpoint DELETE /orders/{id} removed");

    Optional<Path> schemaFile = SarifReportTest.sarifSchema();
    assumeTrue(
        schemaFile.isPresent(),
        "../shared/data/sarif-schema-2.1.0.json is not beside this checkout");
    Schema schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_4,
                b ->
                    b.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(Files.readString(schemaFile.get()), InputFormat.JSON);
    assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
  }
}
