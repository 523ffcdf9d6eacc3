package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every change rule in both directions, from the data-driven cases of {@code change-rules.yaml},
 * and the agreement of the catalogue with its documentation.
 */
class ChangeRulesTest {

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases() throws IOException {
    try (InputStream in = ChangeRulesTest.class.getResourceAsStream("change-rules.yaml")) {
      ParsedFile parsed = new YamlParser().parse(in.readAllBytes(), "change-rules.yaml");
      assertThat(parsed.problems()).isEmpty();
      return (List<Map<String, Object>>) parsed.root().toPlain();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachRuleFiresInItsDirectionAndItsReverseInTheOther() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, Object> c : cases()) {
      String rule = (String) c.get("rule");
      @SuppressWarnings("unchecked")
      List<String> expect =
          c.containsKey("expect") ? (List<String>) c.get("expect") : List.of(rule);
      @SuppressWarnings("unchecked")
      List<String> reverse = (List<String>) c.get("reverse");
      tests.add(
          DynamicTest.dynamicTest(
              rule,
              () -> {
                var forward = ApiComparator.compare(c.get("from"), c.get("to"));
                assertThat(forward.findings())
                    .extracting(Finding::rule)
                    .as("from → to")
                    .containsExactlyElementsOf(expect);
                assertThat(forward.findings().get(0).bump())
                    .isEqualTo(ChangeRules.get(rule).bump());
                assertThat(forward.requiredBump()).isEqualTo(ChangeRules.get(rule).bump());
                var backward = ApiComparator.compare(c.get("to"), c.get("from"));
                assertThat(backward.findings())
                    .extracting(Finding::rule)
                    .as("to → from")
                    .containsExactlyElementsOf(reverse);
              }));
    }
    return tests.stream();
  }

  @Test
  void everyChangeRuleOfTheCatalogueHasACase() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Map<String, Object> c : cases()) {
      covered.add((String) c.get("rule"));
    }
    Set<String> rules = new TreeSet<>();
    ChangeRules.changeRules().forEach(r -> rules.add(r.id()));
    assertThat(covered).isEqualTo(rules);
  }

  @Test
  void ruleIdsAreUniqueAndKebabCase() {
    Set<String> seen = new TreeSet<>();
    for (ChangeRules.Rule r : ChangeRules.all()) {
      assertThat(seen.add(r.id())).as(r.id()).isTrue();
      assertThat(r.id()).matches("[a-z]+(-[a-z]+)*");
      assertThat(r.example()).isNotBlank();
    }
  }

  @Test
  void documentedTablesAreTheCatalogue() throws IOException {
    // The table lives in docs/versions.md and may be copied into the README: every copy must be
    // the catalogue as it is.
    int copies = 0;
    for (Path doc : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "versions.md"))) {
      if (!Files.exists(doc)) {
        continue;
      }
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      if (text.contains("| `endpoint-removed` |")) {
        copies++;
        assertThat(text)
            .as(doc + " must contain ChangeRules.markdownTable(); regenerate it")
            .contains(ChangeRules.markdownTable());
      }
    }
    assertThat(copies).as("the rules table is documented").isPositive();
  }
}
