package io.apistage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema errors land on the line and column of the offending value, in words. */
class SchemaValidatorTest {

  private static final SchemaValidator SCHEMAS = new SchemaValidator();

  private static List<String> problems(Kind kind, String yaml) {
    YNode doc = new YamlParser().parse(yaml, "f.yaml").root();
    return SCHEMAS.validate(kind, "f.yaml", doc).stream().map(Problem::format).sorted().toList();
  }

  @Test
  void enumErrorPointsAtTheValueAndListsTheAcceptedValues() {
    List<String> out =
        problems(
            Kind.API,
            """
            kind: Api
            name: orders
            version: 1.0.0
            state: draft
            endpoints:
              - method: FETCH
                path: /orders
            """);
    assertThat(out)
        .containsExactly(
            "f.yaml:6:13: error [schema] method: FETCH is not one of GET, POST, PUT, PATCH, DELETE,"
                + " HEAD, OPTIONS");
  }

  @Test
  void unknownFieldPointsAtTheKeyAndIsAnError() {
    List<String> out =
        problems(
            Kind.POLICY,
            """
            kind: Policy
            name: cors
            type: cors
            confg: {}
            """);
    assertThat(out)
        .containsExactly(
            "f.yaml:4:1: error [unknown-field] unknown field 'confg'; did you mean config?");
  }

  @Test
  void versionWrittenAsNumberIsToldToBeQuoted() {
    List<String> out = problems(Kind.API, "kind: Api\nname: orders\nversion: 1.0\nstate: draft\n");
    assertThat(out)
        .containsExactly(
            "f.yaml:3:10: error [schema] version: 1.0 is a number, not a string; write version:"
                + " \"1.0.0\"");
  }

  @Test
  void aKnownFieldWithABadValueIsNotAlsoReportedAsUnknown() {
    List<String> out = problems(Kind.TEAM, "kind: Team\nname: payments\nid: 42\ntags: [1]\n");
    assertThat(out)
        .containsExactly(
            "f.yaml:3:5: error [schema] id: 42 is an integer, not a string; it must be a UUID such as"
                + " 3f2b6c1e-8d4a-4c1b-9e2f-0a1b2c3d4e5f",
            "f.yaml:4:8: error [schema] tags[0]: 1 is an integer, not a string; quote it: \"1\"");
  }

  @Test
  void validDocumentsOfEveryKindPass() {
    assertThat(
            problems(
                Kind.SUBSCRIPTION,
                "kind: Subscription\nname: s\napplication: a\npackage: p\nplan: q\n"))
        .isEmpty();
    assertThat(problems(Kind.ALIAS, "kind: Alias\nname: a\nstages: { qa: x }\n")).isEmpty();
    assertThat(
            problems(
                Kind.PROMOTION,
                "kind: Promotion\nname: p\nto: [qa]\nassets: [ { keyword: x } ]\n"
                    + "include: { applications: all, subscriptions: [s] }\noverwrite: [api]\n"))
        .isEmpty();
  }

  @Test
  void missingRequiredFieldIsReportedAtTheMapping() {
    assertThat(
            problems(
                Kind.SUBSCRIPTION, "kind: Subscription\nname: s\napplication: a\npackage: p\n"))
        .containsExactly("f.yaml:1:1: error [schema] missing required field 'plan'");
  }

  @Test
  void projectSettingsAreCheckedAgainstTheProjectSchema() {
    YNode doc =
        new YamlParser()
            .parse(
                "mainBranch: main\nexceptions:\n  - { api: orders, version: 1.0.0, rule: r }\n",
                "apistage.yaml")
            .root();
    assertThat(SCHEMAS.validateProject("apistage.yaml", doc).stream().map(Problem::format))
        .containsExactly(
            "apistage.yaml:3:5: error [schema] missing required field 'reason' in /exceptions/0");
  }
}
