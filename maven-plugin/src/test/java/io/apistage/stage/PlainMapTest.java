package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
