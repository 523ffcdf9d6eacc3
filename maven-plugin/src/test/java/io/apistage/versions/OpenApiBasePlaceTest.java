package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.CheckVersionsReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.Problem;
import io.apistage.report.SarifReport;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding in an OpenAPI file names where its element was at the base commit as well. */
class OpenApiBasePlaceTest {

  @TempDir Path tmp;

  static final String SPEC =
      """
      openapi: 3.1.0
      info: { title: Payments, version: "1" }
      paths:
        /payments:
          get:
            operationId: listPayments
            parameters:
              - name: status
                in: query
                schema: { type: string }
            responses:
              "200": { description: OK }
        /payments/{id}:
          get:
            operationId: getPayment
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            responses:
              "200": { description: OK }
      """;

  /** The revision: a parameter before status, status an integer, GET /payments/{id} gone. */
  static final String REVISION =
      """
      openapi: 3.1.0
      info: { title: Payments, version: "1" }
      paths:
        /payments:
          get:
            operationId: listPayments
            parameters:
              - { name: page, in: query, schema: { type: integer } }
              - name: status
                in: query
                schema: { type: integer }
            responses:
              "200": { description: OK }
      """;

  @Test
  void aRemovedOperationAndAChangedParameterNameTheirPlaceAtTheBase() throws Exception {
    try (GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"))) {
      repo.write("apis/payments/v1.yaml", OpenApiCheckVersionsTest.API.formatted("1.0.0"))
          .write("openapi/payments-v1.yaml", SPEC);
      String base = repo.commit("payments 1.0.0").substring(0, 10);
      repo.branch("feature");
      repo.write("openapi/payments-v1.yaml", REVISION);
      repo.write("apis/payments/v1.yaml", OpenApiCheckVersionsTest.API.formatted("1.1.0"));

      GoalContext context = GoalContext.of(repo.dir(), tmp.resolve("report"), new RecordingLog());
      GoalResult result = new CheckVersionsGoal(context, new CheckVersionsRequest(null)).execute();
      List<String> places =
          result.problems().stream()
              .sorted(Problem.ORDER)
              .map(
                  p ->
                      p.rule()
                          + " "
                          + p.file()
                          + ":"
                          + p.line()
                          + ":"
                          + p.column()
                          + " "
                          + (p.basePlace() == null ? "-" : p.basePlace().format()))
              .toList();

      assertThat(places)
          .containsExactly(
              "endpoint-removed openapi/payments-v1.yaml:6:1 base: openapi/payments-v1.yaml:15:7"
                  + " at "
                  + base,
              "parameter-type-changed openapi/payments-v1.yaml:11:27 base:"
                  + " openapi/payments-v1.yaml:10:27 at "
                  + base);

      Map<String, CheckVersionsReport.Finding> findings = new HashMap<>();
      ((CheckVersionsReport) result.body())
          .apis()
          .get(0)
          .findings()
          .forEach(f -> findings.put(f.rule(), f));
      assertThat(findings.get("parameter-added").base()).isNull();
      CheckVersionsReport.Finding removed = findings.get("endpoint-removed");
      assertThat(removed.base().toJson())
          .containsExactly(
              Map.entry("file", "openapi/payments-v1.yaml"),
              Map.entry("line", 15),
              Map.entry("column", 7),
              Map.entry("commit", base));

      Map<String, Object> sarif =
          SarifReport.render(result, "1", new SarifReport.Location(repo.dir(), ""));
      List<?> results = (List<?>) ((Map<?, ?>) ((List<?>) sarif.get("runs")).get(0)).get("results");
      assertThat(results.stream().map(Object::toString).filter(r -> r.contains("endpoint-removed")))
          .singleElement()
          .asString()
          .contains(
              "relatedLocations=[{id=0, physicalLocation={artifactLocation={uri=openapi/payments-v1.yaml,"
                  + " uriBaseId=%SRCROOT%}, region={startLine=15, startColumn=7}}, message={text=base:"
                  + " openapi/payments-v1.yaml:15:7 at "
                  + base
                  + "}}]");
    }
  }
}
