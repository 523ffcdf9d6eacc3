package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Kind;
import io.apistage.yaml.YamlParser;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StageLayoutTest {

  private static Object plain(String yaml) {
    return new YamlParser().parse(yaml, "x.yaml").root().toPlain();
  }

  @Test
  void assetsAreWrittenAsNormalizedBlockYaml() {
    String text = StageLayout.yaml(plain(Repos.ORDERS));
    assertThat(text)
        .isEqualTo(
            """
            kind: Api
            name: orders
            version: 1.4.2
            state: published
            description: Orders of the web shop
            baseUrl: ${alias:orders-backend}
            auth:
              type: api-key
              tokenLocation: header
              tokenName: X-Api-Key
              staticToken: ${secret:ORDERS_TOKEN}
            policies:
              - cors
            endpoints:
              - name: getOrder
                method: GET
                path: /orders/{id}
                description: One order
                parameters:
                  - name: id
                    type: string
                    required: true
                    location: path
                responses:
                  '200':
                    description: The order
              - name: listOrders
                method: GET
                path: /orders
            """);
  }

  @Test
  void normalizedYamlReadsBackToTheSameDocument() {
    Object before = io.apistage.model.TreeDiff.normalize(plain(Repos.ORDERS));
    Object after = io.apistage.model.TreeDiff.normalize(plain(StageLayout.yaml(before)));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void numbersAndStringsThatLookLikeNumbersKeepTheirTypes() {
    Map<String, Object> doc = Map.of("price", 1.50, "limit", 100L, "code", "007", "flag", "true");
    Object back = plain(StageLayout.yaml(doc));
    assertThat(back).isEqualTo(Map.of("price", 1.5, "limit", 100L, "code", "007", "flag", "true"));
  }

  @Test
  void keysMapToTheRepositoryLayout() {
    assertThat(StageLayout.pathOfKey("api/orders@2")).contains("apis/orders/v2.yaml");
    assertThat(StageLayout.pathOfKey("application/mobile-app"))
        .contains("applications/mobile-app.yaml");
    assertThat(StageLayout.pathOfKey("api/orders")).isEmpty();
    assertThat(StageLayout.pathOfKey("policy/cors@1")).isEmpty();
    assertThat(StageLayout.path(Kind.SUBSCRIPTION, "s", 0)).isEqualTo("subscriptions/s.yaml");
  }

  @Test
  void documentsCanBeWrittenFromSeveralThreadsAtOnce() {
    Object doc = plain(Repos.ORDERS);
    String once = StageLayout.yaml(doc);
    List<String> all =
        IntStream.range(0, 2000).parallel().mapToObj(i -> StageLayout.yaml(doc)).toList();
    assertThat(all).containsOnly(once);
  }
}
