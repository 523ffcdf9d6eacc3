package io.apistage.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Asset;
import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an Api's endpoints from an OpenAPI document, through the configuration loader. */
class OpenApiExpanderTest {

  @TempDir Path root;

  static final String API =
      """
      kind: Api
      name: payments
      version: 1.0.0
      state: draft
      openapi: openapi/payments-v1.yaml
      """;

  static final String SPEC =
      """
      openapi: 3.0.3
      info: { title: Payments, version: "1" }
      security:
        - apiKey: []
      paths:
        /payments/{id}:
          parameters:
            - $ref: '#/components/parameters/Id'
          get:
            operationId: getPayment
            summary: One payment
            responses:
              "200":
                description: The payment
                content:
                  application/json:
                    schema: { $ref: 'common/money.yaml#/Payment' }
              default:
                description: An error
        /payments:
          post:
            operationId: createPayment
            security: [ { oauth: [payments:write] } ]
            parameters:
              - { name: dryRun, in: query, schema: { type: boolean } }
            requestBody:
              required: true
              content:
                application/json:
                  schema: { $ref: 'common/money.yaml#/Payment' }
            responses:
              "201": { description: Created }
      components:
        parameters:
          Id: { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      """;

  static final String MONEY =
      """
      Payment:
        type: object
        required: [amount]
        properties:
          amount: { type: integer, minimum: 1 }
          currency: { type: string, enum: [EUR, USD] }
      """;

  void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  Validation.Outcome validate() throws IOException {
    return new Validation().validate(new DirectorySource(root));
  }

  static List<String> lines(Validation.Outcome outcome) {
    return outcome.problems().stream().sorted(Problem.ORDER).map(Problem::format).toList();
  }

  @Test
  void operationsBecomeEndpointsWithReferencesFollowed() throws IOException {
    write("apis/payments/v1.yaml", API);
    write("openapi/payments-v1.yaml", SPEC);
    write("openapi/common/money.yaml", MONEY);
    Validation.Outcome outcome = validate();
    assertThat(lines(outcome)).isEmpty();
    Asset api = outcome.config().get("api/payments@1").orElseThrow();
    assertThat(api.body().at("/endpoints/0").toPlain())
        .isEqualTo(
            Map.of(
                "name", "getPayment",
                "operationId", "getPayment",
                "method", "GET",
                "path", "/payments/{id}",
                "description", "One payment",
                "parameters",
                    List.of(
                        Map.of(
                            "name", "id",
                            "type", "string",
                            "required", true,
                            "location", "path",
                            "format", "uuid")),
                "responses",
                    Map.of(
                        "200",
                            Map.of(
                                "description",
                                "The payment",
                                "content",
                                Map.of(
                                    "application/json",
                                    Map.of(
                                        "schema",
                                        Map.of(
                                            "type", "object",
                                            "required", List.of("amount"),
                                            "properties",
                                                Map.of(
                                                    "amount",
                                                        Map.of("type", "integer", "minimum", 1L),
                                                    "currency",
                                                        Map.of(
                                                            "type",
                                                            "string",
                                                            "enum",
                                                            List.of("EUR", "USD"))))))),
                        "default", Map.of("description", "An error")),
                "security", Map.of("apiKey", Map.of("schemes", List.of("apiKey")))));
    assertThat(api.body().at("/endpoints/1/security").toPlain())
        .isEqualTo(
            Map.of(
                "oauth",
                Map.of("schemes", List.of("oauth"), "scopes", List.of("oauth:payments:write"))));
    // each value keeps its position in the file it came from
    assertThat(
            api.body()
                .positionOf(
                    "/endpoints/1/requestBody/content/application~1json/schema/properties/amount/minimum")
                .line())
        .isEqualTo(5);
  }

  @Test
  void originsNameTheFileOfEachValue() throws IOException {
    write("openapi/payments-v1.yaml", SPEC);
    write("openapi/common/money.yaml", MONEY);
    var body =
        (io.apistage.yaml.YMap)
            new io.apistage.yaml.YamlParser().parse(API, "apis/payments/v1.yaml").root();
    OpenApiExpander.Expanded e =
        OpenApiExpander.expand(
            "apis/payments/v1.yaml",
            body,
            OpenApiFiles.onDisk(root),
            new io.apistage.yaml.YamlParser());
    assertThat(e.problems()).isEmpty();
    String schema = "/endpoints/1/requestBody/content/application~1json/schema/properties/amount";
    assertThat(e.origins().fileAt(e.body(), schema, "apis/payments/v1.yaml"))
        .isEqualTo("openapi/common/money.yaml");
    assertThat(e.origins().fileAt(e.body(), "/endpoints/1/requestBody/required", "x"))
        .isEqualTo("openapi/payments-v1.yaml");
    assertThat(e.origins().fileAt(e.body(), "/version", "apis/payments/v1.yaml"))
        .isEqualTo("apis/payments/v1.yaml");
    assertThat(e.files())
        .containsExactlyInAnyOrder("openapi/payments-v1.yaml", "openapi/common/money.yaml");
  }

  @Test
  void problemsAreAtTheirOwnPosition() throws IOException {
    write("apis/payments/v1.yaml", API);
    write(
        "openapi/payments-v1.yaml",
        """
        openapi: 3.1.0
        info: { title: Payments, version: "1" }
        paths:
          /a:
            get:
              responses:
                "200": { $ref: '../../outside.yaml#/R' }
          /b/{x}:
            get:
              responses:
                "200": { $ref: 'missing.yaml#/R' }
          /b/{y}:
            get:
              responses:
                "200": { $ref: '#/components/responses/Nope' }
          /c:
            get:
              operationId: get.c
              responses:
                "200": { $ref: 'https://example.com/r.yaml' }
        """);
    assertThat(lines(validate()))
        .containsExactly(
            "openapi/payments-v1.yaml:7:24: error [openapi] $ref '../../outside.yaml#/R' climbs"
                + " out of the config root; keep referenced files in it",
            "openapi/payments-v1.yaml:8:3: error [path-parameter] path parameter 'x' of GET"
                + " /b/{x} is not declared; add { name: x, type: string, required: true, location:"
                + " path } to its parameters",
            "openapi/payments-v1.yaml:11:24: error [openapi] $ref 'missing.yaml#/R': no file"
                + " openapi/missing.yaml",
            "openapi/payments-v1.yaml:13:5: error [duplicate-endpoint] operation GET /b/{y} is"
                + " already defined at line 9; method and path are unique within an Api: remove"
                + " one",
            "openapi/payments-v1.yaml:18:20: error [openapi] operationId 'get.c' cannot name an"
                + " endpoint: start with a letter, then letters, digits, '_' and '-'",
            "openapi/payments-v1.yaml:20:24: error [openapi] $ref 'https://example.com/r.yaml'"
                + " points outside the repository; apistage reads no network references: copy the"
                + " document next to this one");
  }

  @Test
  void bothOpenApiAndEndpointsMissingFileAndNotOpenApi3() throws IOException {
    write("apis/payments/v1.yaml", API + "endpoints: []\n");
    write("apis/orders/v1.yaml", API.replace("payments", "orders"));
    write(
        "apis/books/v1.yaml",
        API.replace("payments", "books").replace("openapi/books-v1", "openapi/swagger"));
    write("openapi/swagger.yaml", "swagger: '2.0'\ninfo: { title: x, version: '1' }\npaths: {}\n");
    assertThat(lines(validate()))
        .containsExactly(
            "apis/orders/v1.yaml:5:10: error [openapi] no OpenAPI document at"
                + " openapi/orders-v1.yaml; check the path",
            "apis/payments/v1.yaml:6:1: error [openapi] an Api takes its endpoints from openapi"
                + " or lists them under endpoints, not both; remove one",
            "openapi/swagger.yaml:1:1: error [openapi] not an OpenAPI 3.0 or 3.1 document: the root"
                + " needs openapi: 3.0.x or 3.1.x (Swagger 2.0 is not read; convert it to OpenAPI 3"
                + " first)");
  }
}
