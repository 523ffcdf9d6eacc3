package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Asset;
import io.apistage.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionSpecTest {

  private static List<String> problems(String yaml) {
    Asset asset = Fixtures.config("promotions/p.yaml", yaml).get("promotion/p").orElseThrow();
    return PromotionSpec.parse(asset, yaml.getBytes(StandardCharsets.UTF_8)).problems().stream()
        .map(Problem::format)
        .toList();
  }

  @Test
  void childOverwriteWithoutItsParentIsRefused() {
    assertThat(
            problems(
                "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api }]\noverwrite: [application.credentials]\n"))
        .containsExactly(
            "promotions/p.yaml:5:13: error [promotion] application.credentials needs its parent application in"
                + " overwrite: add application to the list");
  }

  @Test
  void unknownOverwriteValueNamesTheAcceptedOnes() {
    assertThat(
            problems(
                "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api }]\noverwrite: [apis]\n"))
        .containsExactly(
            "promotions/p.yaml:5:13: error [promotion] unknown overwrite entry 'apis'; accepted: api, policy, alias,"
                + " application, application.credentials, plan, package, subscription");
  }

  @Test
  void unknownSelectorKindIsRefused() {
    assertThat(problems("kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: gadget }]\n"))
        .containsExactly(
            "promotions/p.yaml:4:18: error [promotion] unknown kind 'gadget' in a selector; accepted: api, policy,"
                + " alias, application, plan, package, subscription");
  }

  @Test
  void hashFollowsTheFileContent() {
    String yaml = "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api }]\n";
    PromotionSpec a = Fixtures.promotion(yaml);
    PromotionSpec b = Fixtures.promotion(yaml + "description: again\n");

    assertThat(a.hash()).hasSize(64).isNotEqualTo(b.hash());
    assertThat(a.overwrite()).isEqualTo(Overwrite.NONE);
  }
}
