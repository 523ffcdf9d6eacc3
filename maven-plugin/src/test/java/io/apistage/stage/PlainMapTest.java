package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.model.TreeDiff;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact read-only maps a stage holds its running documents in. */
class PlainMapTest {

  private static Map<String, Object> document() {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("method", "GET");
    endpoint.put("path", "/orders/{id}");
    endpoint.put("timeoutMs", 3000L);
    endpoint.put("cache", null);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "Api");
    doc.put("name", new String("orders"));
    doc.put("endpoints", new ArrayList<>(List.of(endpoint)));
    doc.put("tags", new ArrayList<>(Arrays.asList("shop", null)));
    return doc;
  }

  @Test
  void isEqualToTheDocumentItCompactsKeepingOrderNullsAndHashCode() {
    Map<String, Object> doc = document();

    Object compact = PlainMap.compact(doc);

    assertThat(compact).isInstanceOf(PlainMap.class).isEqualTo(doc);
    assertThat(doc).isEqualTo(compact);
    assertThat(compact.hashCode()).isEqualTo(doc.hashCode());
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) compact;
    assertThat(map.keySet()).containsExactly("kind", "name", "endpoints", "tags");
    assertThat((List<?>) map.get("endpoints")).first().isInstanceOf(PlainMap.class);
    Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) map.get("endpoints")).get(0);
    assertThat(endpoint.containsKey("cache")).isTrue();
    assertThat(endpoint.get("cache")).isNull();
    assertThat(endpoint.get("missing")).isNull();
    assertThat(map.get("tags")).isEqualTo(Arrays.asList("shop", null));
  }

  @Test
  void sharesEqualShortStringsAndIsReadOnly() {
    Map<?, ?> one = (Map<?, ?>) PlainMap.compact(document());
    Map<?, ?> two = (Map<?, ?>) PlainMap.compact(document());

    assertThat(two.get("name")).isSameAs(one.get("name"));
    assertThat(PlainMap.compact(one)).isSameAs(one);
    @SuppressWarnings("unchecked")
    Map<String, Object> writable = (Map<String, Object>) one;
    assertThatThrownBy(() -> writable.put("kind", "Policy"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void normalizesAParsedDocumentInOneWalkAsTheThreeStepsDo() {
    String yaml =
        """
        kind: Api
        name: orders
        version: 1.0.0
        ratio: 1.50
        big: 123456789012345678901234567890
        whole: 3.0
        secret: false
        protected: true
        empty: {}
        none: []
        nothing: null
        tags: [shop, null, 2.0]
        endpoints:
          - name: list
            method: GET
            path: /orders
            deprecated: false
            parameters:
              - { name: page, required: false, location: query }
              - { name: id, required: true, location: path, schema: {} }
          - name: old
            method: GET
            path: /old
            deprecated: true
        """;
    YMap body = (YMap) new YamlParser().parse(yaml, "apis/orders.yaml").root();

    Object once = PlainMap.normalized(body);

    Object threeSteps = PlainMap.compact(TreeDiff.normalize(body.toPlain()));
    assertThat(once).isInstanceOf(PlainMap.class).isEqualTo(threeSteps);
    assertThat(threeSteps).isEqualTo(once);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) once;
    assertThat(map.keySet())
        .containsExactly(
            "kind", "name", "version", "ratio", "big", "whole", "protected", "tags", "endpoints");
    assertThat(map.get("whole")).isEqualTo(3L);
    Map<?, ?> list = (Map<?, ?>) ((List<?>) map.get("endpoints")).get(0);
    assertThat(list.containsKey("deprecated")).isFalse();
  }
}
