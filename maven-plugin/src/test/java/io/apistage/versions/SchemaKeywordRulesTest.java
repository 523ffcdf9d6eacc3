package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.yaml.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema keywords OpenAPI documents use that the plain change rules did not rate: {@code
 * nullable}, {@code readOnly}/{@code writeOnly}, {@code anyOf}/{@code oneOf} alternatives, number
 * widening, 3.0's boolean exclusive bounds, catch-all patterns, response headers and defaults, and
 * security alternatives that only drop a scheme (docs/openapi.md).
 */
class SchemaKeywordRulesTest {

  /** One POST endpoint whose request body and response 200 share {@code schema}. */
  static Object api(String schema, String extra) {
    String text =
        "endpoints:\n"
            + "  - method: POST\n"
            + "    path: /a\n"
            + "    requestBody: {content: {application/json: {schema: "
            + schema
            + "}}}\n"
            + "    responses: {\"200\": {description: ok, content: {application/json: {schema: "
            + schema
            + "}}"
            + extra
            + "}}\n";
    var parsed = new YamlParser().parse(text, "apis/a/v1.yaml");
    assertThat(parsed.problems()).isEmpty();
    return parsed.root().toPlain();
  }

  static List<String> findings(String from, String to) {
    return findings(api(from, ""), api(to, ""));
  }

  static List<String> findings(Object from, Object to) {
    return ApiComparator.compare(from, to).findings().stream()
        .map(f -> f.rule().id() + " " + f.bump().label() + ": " + f.message())
        .toList();
  }

  @Test
  void nullableAddedRelaxesARequestAndSurprisesAResponseReader() {
    assertThat(
            findings(
                "{type: object, properties: {n: {type: string}}}",
                "{type: object, properties: {n: {type: string, nullable: true}}}"))
        .containsExactly(
            "request-constraint-relaxed minor: nullable of property n of request body of POST /a"
                + " (application/json) added (true)",
            "response-constraint-relaxed major: nullable of property n of response 200 of POST /a"
                + " (application/json) added (true)");
  }

  @Test
  void integerToNumberWidensARequestAndNarrowsBack() {
    assertThat(findings("{type: integer}", "{type: number}"))
        .containsExactly(
            "request-constraint-relaxed minor: type of request body of POST /a (application/json)"
                + " changed from integer to number",
            "response-constraint-relaxed major: type of response 200 of POST /a (application/json)"
                + " changed from integer to number");
    assertThat(findings("{type: number}", "{type: integer}"))
        .containsExactly(
            "request-constraint-tightened major: type of request body of POST /a"
                + " (application/json) changed from number to integer",
            "response-constraint-changed minor: type of response 200 of POST /a (application/json)"
                + " changed from number to integer");
  }

  @Test
  void aRequiredReadOnlyPropertyAddedToASharedSchemaOnlyAddsToTheResponse() {
    assertThat(
            findings(
                "{type: object, properties: {n: {type: string}}}",
                "{type: object, required: [id], properties: {n: {type: string},"
                    + " id: {type: string, readOnly: true}}}"))
        .containsExactly(
            "metadata-changed patch: readOnly property id of request body of POST /a"
                + " (application/json) added: not part of this message",
            "response-property-added minor: property id added to response 200 of POST /a"
                + " (application/json)");
  }

  @Test
  void readOnlyTakesAPropertyOutOfRequestsAndNotOutOfResponses() {
    String before = "{type: object, required: [n], properties: {n: {type: string}}}";
    String after = "{type: object, required: [n], properties: {n: {type: string, readOnly: true}}}";
    assertThat(findings(before, after))
        .containsExactly(
            "request-property-removed major: readOnly of property n of request body of POST /a"
                + " (application/json) added (true): the property leaves it",
            "metadata-changed patch: readOnly of property n of response 200 of POST /a"
                + " (application/json) added (true): no effect on this message");
    assertThat(findings(after, before))
        .containsExactly(
            "request-property-added-required major: readOnly of property n of request body of"
                + " POST /a (application/json) removed (was true): the property enters it",
            "metadata-changed patch: readOnly of property n of response 200 of POST /a"
                + " (application/json) removed (was true): no effect on this message");
  }

  @Test
  void anAlternativeAddedRelaxesARequestAndBreaksAResponseReader() {
    assertThat(
            findings(
                "{anyOf: [{type: string}, {type: integer}]}",
                "{anyOf: [{type: string}, {type: integer}, {type: boolean}]}"))
        .containsExactly(
            "request-constraint-relaxed minor: alternative of anyOf of request body of POST /a"
                + " (application/json) added",
            "response-constraint-relaxed major: alternative of anyOf of response 200 of POST /a"
                + " (application/json) added");
  }

  @Test
  void falseExclusiveBoundsAndCatchAllPatternsBoundNothing() {
    assertThat(
            findings(
                "{type: integer, maximum: 5, exclusiveMaximum: false}",
                "{type: integer, maximum: 5}"))
        .isEmpty();
    assertThat(findings("{type: string, pattern: '^[a-z]+$'}", "{type: string, pattern: '.*'}"))
        .containsExactly(
            "request-constraint-relaxed minor: pattern of request body of POST /a"
                + " (application/json) changed from ^[a-z]+$ to .*",
            "response-constraint-relaxed major: pattern of response 200 of POST /a"
                + " (application/json) changed from ^[a-z]+$ to .*");
  }

  @Test
  void responseHeadersAddedRemovedAndDeprecated() {
    String one = ", headers: {X-A: {schema: {type: string}}}";
    String two =
        ", headers: {X-A: {schema: {type: string}, deprecated: true}, X-B: {schema: {type: integer}}}";
    assertThat(findings(api("{type: string}", one), api("{type: string}", two)))
        .containsExactly(
            "response-header-deprecated minor: header X-A of response 200 of POST /a deprecated",
            "response-header-added minor: header X-B of response 200 of POST /a added");
    assertThat(findings(api("{type: string}", one), api("{type: string}", "")))
        .containsExactly(
            "response-header-removed major: headers [X-A] of response 200 of POST /a removed");
  }

  @Test
  void aSecurityAlternativeThatOnlyDropsASchemeIsLoosened() {
    String both = "endpoints: [{method: GET, path: /a, security: {'a + b': {schemes: [a, b]}}}]";
    String one = "endpoints: [{method: GET, path: /a, security: {a: {schemes: [a]}}}]";
    String other = "endpoints: [{method: GET, path: /a, security: {c: {schemes: [c]}}}]";
    YamlParser parser = new YamlParser();
    Object from = parser.parse(both, "apis/a/v1.yaml").root().toPlain();
    assertThat(findings(from, parser.parse(one, "apis/a/v1.yaml").root().toPlain()))
        .containsExactly(
            "security-requirement-removed minor: way to authenticate a + b of GET /a loosened to"
                + " a: its callers still pass",
            "security-requirement-removed minor: another way to authenticate (a) added to GET /a");
    assertThat(findings(from, parser.parse(other, "apis/a/v1.yaml").root().toPlain()))
        .contains(
            "security-alternative-removed major: way to authenticate a + b removed from GET /a:"
                + " its callers must switch");
  }
}
