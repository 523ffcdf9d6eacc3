package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.problem.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values keep their 1-based positions and YAML 1.2 core-schema types. */
class YamlParserTest {

  private static YMap parse(String yaml) {
    ParsedFile file = new YamlParser().parse(yaml, "f.yaml");
    assertThat(file.problems()).isEmpty();
    return (YMap) file.root();
  }

  @Test
  void everyValueKeepsItsLineAndColumn() {
    YMap root = parse("kind: Api\nendpoints:\n  - method: GET\n    path: /orders\n");
    assertThat(root.positionOf("/endpoints/0/path")).isEqualTo(new Position(4, 11));
    assertThat(root.keyPosition("endpoints")).isEqualTo(new Position(2, 1));
    assertThat(root.positionOf("/endpoints/0/missing")).isEqualTo(new Position(3, 5));
  }

  @Test
  void scalarsFollowTheCoreSchemaAndQuotedTextStaysText() {
    YMap root = parse("a: 1\nb: 1.5\nc: true\nd: \"1.0\"\ne: ~\nf: yes\ng: 0x1F\n");
    assertThat(((YScalar) root.get("a")).value()).isEqualTo(1L);
    assertThat(((YScalar) root.get("b")).value()).isEqualTo(1.5);
    assertThat(((YScalar) root.get("c")).value()).isEqualTo(true);
    assertThat(((YScalar) root.get("d")).value()).isEqualTo("1.0");
    assertThat(((YScalar) root.get("e")).value()).isNull();
    assertThat(((YScalar) root.get("f")).value()).isEqualTo("yes");
    assertThat(((YScalar) root.get("g")).value()).isEqualTo(31L);
  }

  @Test
  void aByteOrderMarkIsAcceptedAndDoesNotShiftColumns() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "kind: Policy\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(text, 0, bytes, 3, text.length);
    ParsedFile file = new YamlParser().parse(bytes, "f.yaml");
    assertThat(file.problems()).isEmpty();
    assertThat(((YMap) file.root()).valuePosition("kind")).isEqualTo(new Position(1, 7));
  }

  @Test
  void aSyntaxErrorIsAProblemAtItsPosition() {
    ParsedFile file = new YamlParser().parse("a: [1, 2\nb: 3\n", "f.yaml");
    assertThat(file.ok()).isFalse();
    assertThat(file.problems()).hasSize(1);
    assertThat(file.problems().get(0).rule()).isEqualTo("yaml");
    assertThat(file.problems().get(0).message()).startsWith("not valid YAML: ");
  }

  @Test
  void withoutPositionsTheSameTreeHasNoPositionsButProblemsKeepTheirs() {
    String text = "kind: Api\nendpoints:\n  - method: GET\n    path: /orders\n";
    YMap positionless = (YMap) YamlParser.withoutPositions().parse(text, "f.yaml").root();

    assertThat(positionless.toPlain()).isEqualTo(parse(text).toPlain());
    assertThat(positionless.positionOf("/endpoints/0/path")).isEqualTo(Position.FILE);
    ParsedFile duplicate =
        YamlParser.withoutPositions().parse("kind: Api\nname: a\nname: b\n", "f.yaml");
    assertThat(duplicate.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line() + ":" + p.column()).isEqualTo("3:1"));
  }

  @Test
  void skippedFieldsAreLeftOutButStillScannedAndChecked() {
    String text =
        """
        kind: Api
        description: long text
        endpoints:
          - method: GET
            path: /orders
            responses:
              '200': { description: ok, schema: { type: array, items: { type: object } } }
          - method: POST
            path: /orders
            responses: []
        other: { description: kept, responses: kept }
        """;
    YamlParser parser =
        YamlParser.withoutPositions(Set.of("/description", "/endpoints/*/responses"));

    YMap root = (YMap) parser.parse(text, "f.yaml").root();

    assertThat(root.toPlain())
        .isEqualTo(
            Map.of(
                "kind", "Api",
                "endpoints",
                    List.of(
                        Map.of("method", "GET", "path", "/orders"),
                        Map.of("method", "POST", "path", "/orders")),
                "other", Map.of("description", "kept", "responses", "kept")));
    ParsedFile broken = parser.parse("kind: Api\nendpoints:\n  - responses: [1, 2\n", "f.yaml");
    assertThat(broken.ok()).isFalse();
    assertThat(broken.problems().get(0).message()).startsWith("not valid YAML: ");
    ParsedFile anchored =
        parser.parse("kind: Api\nendpoints:\n  - responses: &r { a: 1 }\n    path: /x\n", "f.yaml");
    assertThat(((YMap) anchored.root()).toPlain())
        .isEqualTo(
            Map.of(
                "kind",
                "Api",
                "endpoints",
                List.of(Map.of("responses", Map.of("a", 1L), "path", "/x"))));
  }

  @Test
  void anUnquotedReferenceInAFlowMappingIsToldToBeQuoted() {
    ParsedFile file =
        new YamlParser().parse("auth: { type: api-key, staticToken: ${secret:X} }\n", "f.yaml");
    assertThat(file.problems().get(0).format())
        .isEqualTo(
            "f.yaml:1:38: error [yaml] not valid YAML: while parsing a flow mapping: expected ',' or"
                + " '}', but got {; inside { } or [ ] quote a reference: \"${...}\"");
  }

  @Test
  void anEmptyFileIsAProblem() {
    ParsedFile file = new YamlParser().parse("# only a comment\n", "f.yaml");
    assertThat(file.problems().get(0).format())
        .isEqualTo("f.yaml:1:1: error [yaml] the file is empty; it must hold one YAML document");
  }
}
