package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.Problem;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-versions on an Api whose endpoints come from an OpenAPI document. */
class OpenApiCheckVersionsTest {

  @TempDir Path tmp;

  static final String API =
      """
      kind: Api
      name: payments
      version: %s
      state: published
      baseUrl: http://localhost:9000
      openapi: openapi/payments-v1.yaml
      """;

  static final String SPEC =
      """
      openapi: 3.1.0
      info: { title: Payments, version: "1" }
      paths:
        /payments:
          post:
            operationId: createPayment
            security: [ { oauth: [payments:write] } ]
            requestBody:
              required: true
              content:
                application/json:
                  schema: { $ref: 'schemas.yaml#/PaymentRequest' }
            responses:
              "201":
                description: Created
                content:
                  application/json:
                    schema: { $ref: 'schemas.yaml#/Payment' }
                  application/xml:
                    schema: { $ref: 'schemas.yaml#/Payment' }
      """;

  static final String SCHEMAS =
      """
      PaymentRequest:
        type: object
        required: [amount]
        properties:
          amount: { type: integer, minimum: 1 }
          currency: { type: string, enum: [EUR, USD] }
      Payment:
        type: object
        required: [id, status]
        properties:
          id: { type: string }
          status: { type: string, enum: [open, paid] }
      """;

  GitRepoBuilder published() throws Exception {
    GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"));
    repo.write("apis/payments/v1.yaml", API.formatted("1.0.0"))
        .write("openapi/payments-v1.yaml", SPEC)
        .write("openapi/schemas.yaml", SCHEMAS)
        .write("applications/shop.yaml", "kind: Application\nname: shop\napis: [payments@1]\n");
    repo.commit("payments 1.0.0");
    repo.branch("feature");
    return repo;
  }

  GoalResult run(Path dir) throws Exception {
    GoalContext context = GoalContext.of(dir, tmp.resolve("report"), new RecordingLog());
    return new CheckVersionsGoal(context, new CheckVersionsRequest(null)).execute();
  }

  static List<String> lines(GoalResult result) {
    return result.problems().stream().sorted(Problem.ORDER).map(Problem::format).toList();
  }

  @Test
  void aBreakingChangeInAReferencedFileIsRefusedAtItsLineWithTheConsumers() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "openapi/schemas.yaml",
          SCHEMAS
              .replace("enum: [EUR, USD]", "enum: [EUR]")
              .replace("required: [id, status]", "required: [id]"));
      repo.write("apis/payments/v1.yaml", API.formatted("1.1.0"));
      String consumers = " (used by application/shop)";
      String at = " at " + repo.ref("refs/heads/main").substring(0, 10);
      String refused =
          " a breaking change needs a new major line: create apis/payments/v2.yaml starting at"
              + " 2.0.0";
      assertThat(lines(run(repo.dir())))
          .containsExactly(
              "openapi/schemas.yaml:6:37: error [request-enum-value-removed] enum value USD"
                  + " removed from property currency of request body of POST /payments"
                  + " (application/json) in 1.1.0;"
                  + refused
                  + consumers
                  + "\n    base: openapi/schemas.yaml:6:37"
                  + at,
              "openapi/schemas.yaml:9:13: error [response-property-made-optional] property status"
                  + " of response 201 of POST /payments (application/json) made optional in"
                  + " 1.1.0;"
                  + refused
                  + consumers
                  + "\n    base: openapi/schemas.yaml:9:13"
                  + at,
              "openapi/schemas.yaml:9:13: error [response-property-made-optional] property status"
                  + " of response 201 of POST /payments (application/xml) made optional in 1.1.0;"
                  + refused
                  + consumers
                  + "\n    base: openapi/schemas.yaml:9:13"
                  + at);
    }
  }

  @Test
  void onlyTheOpenApiFileChangedStillNeedsAVersionStep() throws Exception {
    try (GitRepoBuilder repo = published()) {
      repo.write(
          "openapi/payments-v1.yaml",
          SPEC.replace("[payments:write]", "[payments:write, payments:admin]")
              .replace(
                  "            application/xml:\n"
                      + "              schema: { $ref: 'schemas.yaml#/Payment' }\n",
                  ""));
      String at = " at " + repo.ref("refs/heads/main").substring(0, 10);
      String tail =
          " in 1.0.0; a breaking change needs a new major line: create apis/payments/v2.yaml"
              + " starting at 2.0.0 (used by application/shop)";
      assertThat(lines(run(repo.dir())))
          .containsExactly(
              "openapi/payments-v1.yaml:7:19: error [security-scope-added] scopes"
                  + " [oauth:payments:admin] added to those of security oauth on POST /payments"
                  + tail
                  + "\n    base: openapi/payments-v1.yaml:7:19"
                  + at,
              "openapi/payments-v1.yaml:16:11: error [response-media-type-removed] media type"
                  + " application/xml of response 201 of POST /payments removed"
                  + tail
                  + "\n    base: openapi/payments-v1.yaml:19:13"
                  + at);
    }
  }
}
