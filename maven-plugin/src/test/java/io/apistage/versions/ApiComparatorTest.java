package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.problem.Bump;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiComparatorTest {

  static final String ORDERS =
      """
      kind: Api
      name: orders
      version: 1.4.2
      state: published
      description: Orders of the web shop
      baseUrl: ${alias:orders-backend}
      auth: {type: api-key, tokenLocation: header, tokenName: X-Api-Key}
      policies: [cors, logging]
      endpoints:
        - name: getOrder
          method: GET
          path: /orders/{id}
          parameters:
            - { name: id, type: string, required: true, location: path }
            - { name: expand, type: string, required: false, location: query, enum: [items, customer] }
          responses:
            "200": { description: The order, schema: { type: object, required: [id], properties: { id: { type: string } } } }
            "404": { description: No such order }
          rateLimit: { requests: 100, period: minute }
        - name: deleteOrder
          method: DELETE
          path: /orders/{id}
      pricing:
        type: tiered
        plans: [ { name: basic, price: 0, period: month, features: [100 calls/day] } ]
      """;

  static YNode parse(String text) {
    var parsed = new YamlParser().parse(text, "apis/orders/v1.yaml");
    assertThat(parsed.problems()).isEmpty();
    return parsed.root();
  }

  @Test
  void formattingKeyOrderQuotingCommentsAndDefaultsAreNoDifference() {
    String same =
        """
        # the orders API
        name: "orders"
        kind: 'Api'
        state: published
        version: "1.4.2"
        description: >-
          Orders of the web shop
        baseUrl: "${alias:orders-backend}"
        auth:
          tokenName: X-Api-Key
          type: api-key
          tokenLocation: header
        policies: [logging, cors]   # order of a set does not matter
        endpoints:
          - method: DELETE
            path: /orders/{id}
            name: deleteOrder
            deprecated: false
          - name: getOrder
            method: GET
            path: /orders/{id}
            parameters:
              - { location: query, name: expand, type: string, enum: [customer, items] }
              - { name: id, type: string, required: true, location: path }
            responses:
              "404": { description: No such order }
              "200":
                description: The order
                schema: { properties: { id: { type: string } }, required: [id], type: object }
            rateLimit: { period: minute, requests: 100.0 }
        pricing:
          plans: [ { features: [100 calls/day], name: basic, price: 0.0, period: month } ]
          type: tiered
        """;
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(same).toPlain());
    assertThat(result.findings()).isEmpty();
    assertThat(result.summary().isEmpty()).isTrue();
    assertThat(result.requiredBump()).isEqualTo(Bump.NONE);
  }

  @Test
  void endpointRemovalIsMajorWithPointerAndMessage() {
    String changed =
        ORDERS.replace(
            """
          - name: deleteOrder
            method: DELETE
            path: /orders/{id}
        """,
            "");
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(changed).toPlain());
    assertThat(result.findings()).hasSize(1);
    Finding f = result.findings().get(0);
    assertThat(f.rule().id()).isEqualTo("endpoint-removed");
    assertThat(f.bump()).isEqualTo(Bump.MAJOR);
    assertThat(f.field()).isEqualTo("/endpoints/1");
    assertThat(f.message()).isEqualTo("endpoint DELETE /orders/{id} removed");
    assertThat(f.removal()).isTrue();
    assertThat(result.summary().removed()).containsExactly("endpoints[DELETE /orders/{id}]");
    // a removal is shown at the key of its parent in the working copy
    assertThat(VersionPolicy.position(parse(changed), f).line()).isEqualTo(9);
  }

  @Test
  void versionAndStateAreNotFindingsButAreInTheSummary() {
    String changed =
        ORDERS
            .replace("version: 1.4.2", "version: 1.4.3")
            .replace("state: published", "state: deprecated");
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(changed).toPlain());
    assertThat(result.findings()).isEmpty();
    assertThat(result.summary().modified()).containsExactly("version", "state");
  }

  @Test
  void severalChangesGiveOneFindingEachAtTheirPointers() {
    String changed =
        ORDERS
            .replace("enum: [items, customer]", "enum: [items]")
            .replace(
                "rateLimit: { requests: 100, period: minute }",
                "rateLimit: { requests: 50, period: minute }")
            .replace("description: Orders of the web shop", "description: Orders");
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(changed).toPlain());
    assertThat(result.findings())
        .extracting(ApiComparatorTest::rule, Finding::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("description-changed", "/description"),
            org.assertj.core.groups.Tuple.tuple(
                "parameter-enum-value-removed", "/endpoints/0/parameters/1/enum"),
            org.assertj.core.groups.Tuple.tuple("rate-limit-lowered", "/endpoints/0/rateLimit"));
    assertThat(result.findings())
        .extracting(Finding::message)
        .contains(
            "enum value customer removed from query parameter expand of GET /orders/{id}",
            "rate limit of endpoint GET /orders/{id} lowered from 100/minute to 50/minute");
    assertThat(result.requiredBump()).isEqualTo(Bump.MAJOR);
  }

  @Test
  void requiredPropertyAddedToAResponseIsAdditive() {
    String changed =
        ORDERS.replace(
            "schema: { type: object, required: [id], properties: { id: { type: string } } }",
            "schema: { type: object, required: [id, total], properties: { id: { type: string }, total: { type: number } } }");
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(changed).toPlain());
    assertThat(result.findings())
        .extracting(ApiComparatorTest::rule)
        .containsExactly("response-property-added");
    assertThat(result.findings().get(0).message())
        .isEqualTo("property total added to response 200 of GET /orders/{id}");
  }

  @Test
  void nestedPropertyRemovalNamesThePath() {
    Object from =
        parse(
                "endpoints: [{method: GET, path: /a, responses: {'200': {schema: {type: object, properties: {customer: {type: object, properties: {name: {type: string}, email: {type: string}}}}}}}}]")
            .toPlain();
    Object to =
        parse(
                "endpoints: [{method: GET, path: /a, responses: {'200': {schema: {type: object, properties: {customer: {type: object, properties: {name: {type: string}}}}}}}}]")
            .toPlain();
    var result = ApiComparator.compare(from, to);
    assertThat(result.findings())
        .extracting(Finding::message)
        .containsExactly("property customer.email removed from response 200 of GET /a");
  }

  @Test
  void aPropertyNamedDescriptionIsAPropertyNotDocumentation() {
    Object from =
        parse(
                "endpoints: [{method: GET, path: /a, responses: {'200': {schema: {type: object, properties: {description: {type: string}}}}}}]")
            .toPlain();
    Object to =
        parse("endpoints: [{method: GET, path: /a, responses: {'200': {schema: {type: object}}}}]")
            .toPlain();
    assertThat(ApiComparator.compare(from, to).findings())
        .extracting(ApiComparatorTest::rule)
        .containsExactly("response-property-removed");
  }

  @Test
  void spellingOutRequiredFalseOrDeprecatedFalseIsNoChange() {
    Object from =
        parse(
                "endpoints: [{method: GET, path: /a, parameters: [{name: q, type: string, location: query}]}]")
            .toPlain();
    Object to =
        parse(
                "endpoints: [{method: GET, path: /a, deprecated: false, parameters: [{name: q, type: string, location: query, required: false}]}]")
            .toPlain();
    assertThat(ApiComparator.compare(from, to).findings()).isEmpty();
  }

  @Test
  void summaryListsModifiedAddedAndRemoved() {
    String changed =
        ORDERS
            .replace("version: 1.4.2", "version: 1.5.0")
            .replace(
                "  - name: deleteOrder",
                "  - name: cancelOrder\n    method: POST\n    path: /orders/{id}/cancel\n  - name: deleteOrder");
    var result = ApiComparator.compare(parse(ORDERS).toPlain(), parse(changed).toPlain());
    assertThat(result.summary().modified()).containsExactly("version");
    assertThat(result.summary().added()).containsExactly("endpoints[POST /orders/{id}/cancel]");
    assertThat(result.summary().removed()).isEmpty();
    assertThat(result.findings())
        .extracting(ApiComparatorTest::rule)
        .containsExactly("endpoint-added");
    assertThat(result.requiredBump()).isEqualTo(Bump.MINOR);
  }

  @Test
  void semverPrecedenceAndBumps() {
    SemVer v = SemVer.parse("1.4.2").orElseThrow();
    assertThat(v.bumpTo(SemVer.parse("1.4.3").orElseThrow())).isEqualTo(Bump.PATCH);
    assertThat(v.bumpTo(SemVer.parse("1.5.0").orElseThrow())).isEqualTo(Bump.MINOR);
    assertThat(v.bumpTo(SemVer.parse("2.0.0").orElseThrow())).isEqualTo(Bump.MAJOR);
    assertThat(v.bumpTo(SemVer.parse("1.4.1").orElseThrow())).isEqualTo(Bump.NONE);
    assertThat(SemVer.parse("1.5.0-rc.1").orElseThrow())
        .isLessThan(SemVer.parse("1.5.0").orElseThrow());
    assertThat(SemVer.parse("1.5.0-rc.2").orElseThrow())
        .isLessThan(SemVer.parse("1.5.0-rc.10").orElseThrow());
    assertThat(v.next(Bump.MINOR).text()).isEqualTo("1.5.0");
    assertThat(SemVer.parse("1.5")).isEmpty();
    assertThat(List.of(Bump.values()))
        .containsExactly(Bump.NONE, Bump.PATCH, Bump.MINOR, Bump.MAJOR);
  }

  /** A finding's rule id, as it prints. */
  private static String rule(Finding f) {
    return f.rule().id();
  }
}
