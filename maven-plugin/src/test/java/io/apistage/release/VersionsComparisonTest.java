package io.apistage.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.release.ApiComparison.ApiChange;
import io.apistage.yaml.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsComparisonTest {

  private static Object plain(String yaml) {
    return new YamlParser().parse(yaml, "v1.yaml").root().toPlain();
  }

  @Test
  void findingsArePutUnderTheEndpointTheyConcernInTheDocumentThatHasIt() {
    Object before =
        plain(
            OrdersYaml.orders("1.4.2", "published", OrdersYaml.CANCEL)
                .replace(
                    "      - { name: id, type: string, required: true, location: path }\n  - name: cancelOrder",
                    "      - { name: id, type: string, required: true, location: path }\n"
                        + "      - { name: expand, type: string, required: false, location: query }\n  - name: cancelOrder"));
    Object after =
        plain(
            OrdersYaml.orders("2.0.0", "published", "")
                .replace("description: One order", "description: An order"));

    List<ApiChange> changes = new VersionsComparison().compare(before, after);

    assertThat(changes)
        .extracting(c -> c.endpoint() + " | " + c.level() + " | " + c.rule())
        .containsExactlyInAnyOrder(
            "GET /orders/{id} | patch | description-changed",
            "GET /orders/{id} | major | parameter-removed",
            "POST /orders/{id}/cancel | major | endpoint-removed");
  }

  @Test
  void pointerOutsideTheEndpointsHasNoEndpoint() {
    Object doc = plain(OrdersYaml.orders("1.0.0", "published", ""));

    assertThat(VersionsComparison.endpoint(doc, "/endpoints/0/parameters/0"))
        .isEqualTo("GET /orders/{id}");
    assertThat(VersionsComparison.endpoint(doc, "/baseUrl")).isEmpty();
    assertThat(VersionsComparison.endpoint(doc, "/endpoints/7")).isEmpty();
    assertThat(VersionsComparison.endpoint(doc, "/endpoints")).isEmpty();
  }
}
