package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
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
 * Every change rule in both directions, from the data-driven cases of {@code change-rules.yaml}.
 * The catalogue itself (unique ids, the documentation tables) is {@code RuleIdTest}'s.
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
                    .extracting(f -> f.rule().id())
                    .as("from → to")
                    .containsExactlyElementsOf(expect);
                assertThat(forward.findings().get(0).bump()).isEqualTo(RuleId.of(rule).bump());
                assertThat(forward.requiredBump()).isEqualTo(RuleId.of(rule).bump());
                var backward = ApiComparator.compare(c.get("to"), c.get("from"));
                assertThat(backward.findings())
                    .extracting(f -> f.rule().id())
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
    for (RuleId r : RuleId.values()) {
      if (r.isChange()) {
        rules.add(r.id());
      }
    }
    assertThat(covered).isEqualTo(rules);
  }
}
