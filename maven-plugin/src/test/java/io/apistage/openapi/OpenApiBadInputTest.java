package io.apistage.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken OpenAPI documents: each is a problem at its own file:line:column, never an
 * exception, a hang or a file read from outside the config root (docs/openapi.md).
 */
class OpenApiBadInputTest {

  @TempDir Path root;

  static final String API = OpenApiExpanderTest.API;

  void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** The config root is a folder below the temporary one, so that files can lie outside it. */
  List<String> validate() {
    return Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            new Validation()
                .validate(new DirectorySource(root.resolve("config"))).problems().stream()
                    .sorted(Problem.ORDER)
                    .map(Problem::format)
                    .toList());
  }

  static String spec(String responses) {
    return """
        openapi: 3.0.3
        info: { title: Payments, version: "1" }
        paths:
          /a:
            get:
              operationId: getA
              responses:
        """
        + responses.indent(8);
  }

  @Test
  void referencesThatClimbOutOrAreAbsoluteOrReachTheNetworkAreRefused() throws IOException {
    write("secret.yaml", "R: { description: secret }\n");
    write("config/apis/payments/v1.yaml", API);
    write(
        "config/openapi/payments-v1.yaml",
        spec(
            """
            "200": { $ref: 'common/ok.yaml#/R' }
            "201": { $ref: '/etc/passwd' }
            "202": { $ref: 'file:///etc/passwd' }
            "203": { $ref: '//evil.example/r.yaml' }
            "204": { $ref: 'common/..\\..\\..\\secret.yaml#/R' }
            """));
    write("config/openapi/common/ok.yaml", "R: { $ref: '../../../secret.yaml#/R' }\n");
    assertThat(validate())
        .containsExactly(
            "openapi/common/ok.yaml:1:12: error [openapi] $ref '../../../secret.yaml#/R' climbs"
                + " out of the config root; keep referenced files in it",
            "openapi/payments-v1.yaml:9:24: error [openapi] $ref '/etc/passwd' climbs out of the"
                + " config root; keep referenced files in it",
            "openapi/payments-v1.yaml:10:24: error [openapi] $ref 'file:///etc/passwd' points"
                + " outside the repository; apistage reads no network references: copy the"
                + " document next to this one",
            "openapi/payments-v1.yaml:11:24: error [openapi] $ref '//evil.example/r.yaml' points"
                + " outside the repository; apistage reads no network references: copy the"
                + " document next to this one",
            "openapi/payments-v1.yaml:12:24: error [openapi] $ref"
                + " 'common/..\\..\\..\\secret.yaml#/R' climbs out of the config root; keep"
                + " referenced files in it");
  }

  @Test
  void aReferenceChainThatLoopsIsAProblemAndARecursiveSchemaIsATree() throws IOException {
    write("config/apis/payments/v1.yaml", API);
    write(
        "config/openapi/payments-v1.yaml",
        spec(
                """
                "200":
                  description: a tree
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Node' }
                "400": { $ref: '#/components/responses/A' }
                """)
            + """
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: { type: array, items: { $ref: '#/components/schemas/Node' } }
              responses:
                A: { $ref: '#/components/responses/B' }
                B: { $ref: '#/components/responses/A' }
            """);
    assertThat(validate())
        .containsExactly("openapi/payments-v1.yaml:21:16: error [openapi] $ref chain loops back");
  }

  @Test
  void aReferenceBombStopsAtTheValueLimitWithAProblem() throws IOException {
    StringBuilder schemas = new StringBuilder("components:\n  schemas:\n");
    schemas.append("    S0: { type: string }\n");
    for (int i = 1; i <= 24; i++) {
      schemas
          .append("    S")
          .append(i)
          .append(": { type: object, properties: { a: { $ref: '#/components/schemas/S")
          .append(i - 1)
          .append("' }, b: { $ref: '#/components/schemas/S")
          .append(i - 1)
          .append("' } } }\n");
    }
    write("config/apis/payments/v1.yaml", API);
    write(
        "config/openapi/payments-v1.yaml",
        spec(
                """
                "200":
                  description: big
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/S24' }
                """)
            + schemas);
    assertThat(validate())
        .containsExactly(
            "openapi/payments-v1.yaml:15:9: error [openapi] the document expands to more than"
                + " 500000 values once $ref are followed");
  }

  @Test
  void aFileOverTheSizeLimitTooDeepOrNotYamlIsAProblemAtItsPosition() throws IOException {
    write("config/apis/payments/v1.yaml", API);
    write("config/apis/orders/v1.yaml", API.replace("payments", "orders"));
    write("config/apis/books/v1.yaml", API.replace("payments", "books"));
    write(
        "config/openapi/payments-v1.yaml",
        spec("\"200\": { description: ok }\n") + "x-pad: '" + "x".repeat(5 * 1024 * 1024) + "'\n");
    write("config/openapi/orders-v1.yaml", spec("\"200\": { description: [ok }\n"));
    write(
        "config/openapi/books-v1.yaml",
        spec("\"200\": { description: ok }\n")
            + "x-deep: "
            + "[".repeat(100)
            + "]".repeat(100)
            + "\n");
    assertThat(validate())
        .containsExactly(
            "openapi/books-v1.yaml:9:72: error [yaml] the document nests too deeply (more than 64"
                + " levels)",
            "openapi/orders-v1.yaml:8:35: error [yaml] not valid YAML: while parsing a flow"
                + " sequence: expected ',' or ']', but got }",
            "openapi/payments-v1.yaml:1:1: error [yaml] the file has 5243043 bytes, more than the"
                + " limit of 4194304; split it or remove what is not configuration");
  }

  @Test
  void aDocumentReachedThroughALinkIsNotRead() throws IOException {
    write("outside/payments-v1.yaml", spec("\"200\": { description: ok }\n"));
    write("config/apis/payments/v1.yaml", API);
    Files.createDirectories(root.resolve("config/openapi"));
    Files.createSymbolicLink(
        root.resolve("config/openapi/payments-v1.yaml"), root.resolve("outside/payments-v1.yaml"));
    assertThat(validate())
        .containsExactly(
            "apis/payments/v1.yaml:5:10: error [openapi] no OpenAPI document at"
                + " openapi/payments-v1.yaml; check the path");
  }
}
