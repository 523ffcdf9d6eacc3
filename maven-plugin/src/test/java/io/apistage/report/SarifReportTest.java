package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.apistage.goal.GoalResult;
import io.apistage.goal.ValidateReport;
import io.apistage.problem.BasePlace;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

  /** Where the check-versions fixture builds its repository. */
  @TempDir Path repo;

  private static final SarifReport.Location ROOT =
      new SarifReport.Location(Path.of("/work/repo"), "config/");

  @Test
  void everyProblemIsAResultWithItsRuleLevelFileAndRegion() throws Exception {
    Map<String, Object> sarif =
        plain(SarifReport.render(Fixtures.checkVersions(repo), "1.2.3", ROOT));

    assertThat(sarif.get("version")).isEqualTo("2.1.0");
    Map<String, Object> run = JsonValues.maps(sarif, "runs").get(0);
    Map<String, Object> driver = JsonValues.map(JsonValues.map(run, "tool"), "driver");
    assertThat(driver.get("name")).isEqualTo("apistage");
    assertThat(driver.get("version")).isEqualTo("1.2.3");
    List<Map<String, Object>> rules = JsonValues.maps(driver, "rules");
    assertThat(rules)
        .extracting(r -> r.get("id"))
        .containsExactly("bump-larger-than-needed", "endpoint-removed");
    assertThat(JsonValues.text(JsonValues.map(rules.get(1), "shortDescription"), "text"))
        .isEqualTo(
            "An API change (endpoints) that needs a major version step, e.g. DELETE /orders/{id} removed.");
    assertThat(SarifReport.describe("endpoint-removed"))
        .isEqualTo(
            "An API change (endpoints) that needs a major version step, e.g. DELETE /orders/{id} removed.");
    assertThat(SarifReport.describe("bump-larger-than-needed"))
        .isEqualTo(
            "Version lifecycle rule (warning), e.g. 1.4.2 → 1.5.0 for a reworded description.");
    assertThat(SarifReport.describe("unknown-field"))
        .isEqualTo("A document has a field its kind does not define.");
    assertThat(SarifReport.describe("alias-stage"))
        .isEqualTo("An Alias without a default value has no value for some stage.");

    List<Map<String, Object>> results = JsonValues.maps(run, "results");
    assertThat(results).hasSize(2);
    Map<String, Object> breaking = results.get(1);
    assertThat(breaking.get("ruleId")).isEqualTo("endpoint-removed");
    assertThat(breaking.get("ruleIndex")).isEqualTo(1);
    assertThat(breaking.get("level")).isEqualTo("error");
    assertThat(JsonValues.text(JsonValues.map(breaking, "message"), "text"))
        .startsWith("endpoint DELETE /orders/{id} removed");
    Map<String, Object> physical =
        JsonValues.map(JsonValues.maps(breaking, "locations").get(0), "physicalLocation");
    assertThat(JsonValues.map(physical, "artifactLocation"))
        .containsEntry("uri", "config/apis/orders/v1.yaml")
        .containsEntry("uriBaseId", "%SRCROOT%");
    assertThat(JsonValues.map(physical, "region"))
        .containsEntry("startLine", 6)
        .containsEntry("startColumn", 1);
    assertThat(results.get(0).get("level")).isEqualTo("warning");
    assertThat(JsonValues.map(JsonValues.map(run, "originalUriBaseIds"), "%SRCROOT%"))
        .containsEntry("uri", Path.of("/work/repo").toUri().toString().replaceAll("/?$", "/"));
    assertThat(JsonValues.map(run, "automationDetails"))
        .containsEntry("id", "apistage/check-versions/");
  }

  @Test
  void aProblemAboutAWholeFileHasNoRegion() throws Exception {
    GoalResult checkVersions = Fixtures.checkVersions(repo);
    Problem whole = new Problem("apis/x/v1.yaml", 0, 0, "", "layout", Severity.WARNING, "ignored");
    GoalResult result =
        new GoalResult("validate", "OK", "1 problem", List.of(whole), new ValidateReport(1, 1));

    Map<String, Object> run =
        JsonValues.maps(plain(SarifReport.render(result, "1", ROOT)), "runs").get(0);

    Map<String, Object> physical =
        JsonValues.map(
            JsonValues.maps(JsonValues.maps(run, "results").get(0), "locations").get(0),
            "physicalLocation");
    assertThat(physical).doesNotContainKey("region");
  }

  @Test
  void pathsBecomeRelativeUriReferences() throws Exception {
    assertThat(SarifReport.uri("apis/my api/v1.yaml")).isEqualTo("apis/my%20api/v1.yaml");
    assertThat(SarifReport.uri("a:b/v1.yaml")).isEqualTo("a%3Ab/v1.yaml");
    assertThat(SarifReport.uri("apis/ordres-é/v1.yaml")).isEqualTo("apis/ordres-%C3%A9/v1.yaml");
    assertThat(SarifReport.uri("apis/orders/v1.yaml")).isEqualTo("apis/orders/v1.yaml");
  }

  /** Runs in every build; {@link #outputConformsToTheSarif210Schema} needs the published schema. */
  @Test
  void outputHasTheRequiredSarif210Structure() throws Exception {
    Problem whole = new Problem("apis/x/v1.yaml", 0, 0, "", "layout", Severity.WARNING, "ignored");
    Problem project = new Problem(".", 0, 0, "", "diff", Severity.ERROR, "diff could not run");
    GoalResult checkVersions = Fixtures.checkVersions(repo);
    GoalResult mixed =
        new GoalResult(
            "validate",
            "OK",
            "3 problems",
            List.of(whole, Fixtures.error(checkVersions), withBase(checkVersions), project),
            new ValidateReport(1, 1));
    GoalResult empty =
        new GoalResult("validate", "OK", "2 files valid", List.of(), new ValidateReport(2, 2));
    for (GoalResult result : List.of(checkVersions, mixed, empty)) {
      String json = Json.write(SarifReport.render(result, "0.1.0-SNAPSHOT", ROOT));
      assertThat(SarifStructure.violations(json)).as(json).isEmpty();
    }

    // The check is real: a result without a message, a rule index naming another rule, a level
    // SARIF does not know and a line 0 are refused.
    String json = Json.write(SarifReport.render(checkVersions, "1", ROOT));
    assertThat(SarifStructure.violations(json.replace("\"message\"", "\"mess\"")))
        .containsExactly(
            "runs[0].results[0].message.text must be a string",
            "runs[0].results[1].message.text must be a string");
    assertThat(SarifStructure.violations(json.replace("\"ruleIndex\" : 1", "\"ruleIndex\" : 0")))
        .containsExactly(
            "runs[0].results[1].ruleIndex names rule bump-larger-than-needed, not its ruleId");
    assertThat(
            SarifStructure.violations(
                json.replace("\"level\" : \"error\"", "\"level\" : \"fatal\"")))
        .containsExactly(
            "runs[0].results[1].level must be one of none, note, warning, error, is fatal");
    assertThat(SarifStructure.violations(json.replace("\"startLine\" : 6", "\"startLine\" : 0")))
        .containsExactly(
            "runs[0].results[1].locations[0].region.startLine must be an integer of at least 1");
    assertThat(SarifStructure.violations(json.replace("\"2.1.0\"", "\"2.0.0\"")))
        .containsExactly("version must be \"2.1.0\", is 2.0.0");
  }

  @Test
  void outputConformsToTheSarif210Schema() throws Exception {
    Optional<Path> schemaFile = sarifSchema();
    assumeTrue(
        schemaFile.isPresent(),
        "../shared/data/sarif-schema-2.1.0.json is not beside this checkout");
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    Schema schema = registry.getSchema(Files.readString(schemaFile.get()), InputFormat.JSON);

    GoalResult checkVersions = Fixtures.checkVersions(repo);
    Problem whole = new Problem("apis/x/v1.yaml", 0, 0, "", "layout", Severity.WARNING, "ignored");
    GoalResult withWholeFile =
        new GoalResult(
            "validate",
            "OK",
            "1 problem",
            List.of(whole, Fixtures.error(checkVersions), withBase(checkVersions)),
            new ValidateReport(1, 1));
    GoalResult empty =
        new GoalResult("validate", "OK", "2 files valid", List.of(), new ValidateReport(2, 2));
    for (GoalResult result : List.of(checkVersions, withWholeFile, empty)) {
      String json = Json.write(SarifReport.render(result, "0.1.0-SNAPSHOT", ROOT));
      List<Error> errors = schema.validate(json, InputFormat.JSON);
      assertThat(errors).as(json).isEmpty();
    }

    // The check is real: a result without a message is refused.
    String broken =
        Json.write(SarifReport.render(checkVersions, "1", ROOT)).replace("\"message\"", "\"mess\"");
    assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  /** The fixture's error as if in an OpenAPI file, with its place at the base commit. */
  static Problem withBase(GoalResult checkVersions) {
    return Fixtures.error(checkVersions)
        .inFile("openapi/x.yaml")
        .withBasePlace(new BasePlace("openapi/x.yaml", new Position(4, 7), "0123456789"));
  }

  /**
   * The SARIF schema of {@code /work/shared/data}, found beside the project root: from the
   * multi-module project directory when Maven passes it, else by walking up from here.
   */
  static Optional<Path> sarifSchema() {
    String root = System.getProperty("maven.multiModuleProjectDirectory");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/data/sarif-schema-2.1.0.json").normalize();
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> plain(Map<String, Object> value) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) Json.read(Json.write(value));
    return out;
  }
}
