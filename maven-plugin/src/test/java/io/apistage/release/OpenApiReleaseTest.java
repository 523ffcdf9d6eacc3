package io.apistage.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release notes of an Api whose endpoints come from an OpenAPI document list per-operation changes.
 */
class OpenApiReleaseTest {

  @TempDir Path dir;

  static final String API =
      "kind: Api\nname: payments\nversion: %s\nstate: published\n"
          + "baseUrl: http://payments.internal\nopenapi: openapi/payments-v1.yaml\n";

  static final String SPEC =
      """
      openapi: 3.1.0
      info: { title: Payments, version: "1" }
      paths:
        /payments/{id}:
          get:
            operationId: getPayment
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            responses:
              "200": { description: The payment }
      """;

  @Test
  void notesListTheOperationsChangedInTheOpenApiFile() throws Exception {
    GitRepoBuilder history = GitRepoBuilder.init(dir);
    history
        .write("apis/payments/v1.yaml", API.formatted("1.0.0"))
        .write("openapi/payments-v1.yaml", SPEC)
        .write("applications/shop.yaml", "kind: Application\nname: shop\napis: [payments@1]\n");
    history.commit("payments 1.0.0");
    history.tag("payments@1.0.0");
    history
        .write("apis/payments/v1.yaml", API.formatted("1.1.0"))
        .write(
            "openapi/payments-v1.yaml",
            SPEC
                + """
                  /payments:
                    post:
                      operationId: createPayment
                      responses:
                        "201": { description: Created }
                """);
    history.commit("payments 1.1.0: create");
    history.annotatedTag("payments@1.1.0", "payments@1.1.0");

    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());
    GoalResult result =
        new ReleaseGoal(
                context, new ReleaseRequest(null), new VersionsComparison(), config -> List.of())
            .execute();

    assertThat(result.problems()).isEmpty();
    String notes = Files.readString(dir.resolve("target/apistage/release-payments-1.1.0.md"));
    assertThat(notes)
        .contains(
            "### `POST /payments`\n\n"
                + "- **minor** endpoint POST /payments added (`endpoint-added`)\n");
  }
}
