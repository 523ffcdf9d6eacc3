package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactTreeTest {

  private final YamlParser parser = new YamlParser();

  private YMap parse(String yaml) {
    ParsedFile file = parser.parse(yaml, "f.yaml");
    assertThat(file.problems()).isEmpty();
    return (YMap) file.root();
  }

  @Test
  void mappingKeepsDocumentOrderAndFindsEveryKey() {
    YMap map = parse("zeta: 1\nalpha: 2\nmid: {b: x, a: y}\n");
    assertThat(map.keys()).containsExactly("zeta", "alpha", "mid");
    assertThat(map.str("alpha")).isEqualTo("2");
    assertThat(map.map("mid").keys()).containsExactly("b", "a");
    assertThat(map.get("missing")).isNull();
    assertThat(map.has("mid")).isTrue();
  }

  @Test
  void largeMappingIsIndexedAndStillOrdered() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 40; i > 0; i--) {
      yaml.append("k").append(i).append(": v").append(i).append('\n');
    }
    YMap map = parse(yaml.toString());
    assertThat(map.size()).isEqualTo(40);
    assertThat(map.keys().iterator().next()).isEqualTo("k40");
    assertThat(map.str("k7")).isEqualTo("v7");
    assertThat(map.keyPosition("k1").line()).isEqualTo(40);
  }

  @Test
  void duplicateKeyInLargeMappingIsReportedAtTheSecondKey() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      yaml.append("k").append(i).append(": ").append(i).append('\n');
    }
    yaml.append("k3: again\n");
    ParsedFile file = parser.parse(yaml.toString(), "f.yaml");
    assertThat(file.problems())
        .extracting(p -> p.format())
        .containsExactly(
            "f.yaml:21:1: error [yaml] duplicate key 'k3'; each key may appear once in a mapping");
  }

  @Test
  void mapEqualsAnOrdinaryMapWithTheSameEntries() {
    YMap map = parse("a: 1\nb: two\n");
    Map<String, YMap.Entry> plain = new LinkedHashMap<>();
    map.entries().forEach(plain::put);
    assertThat(map.entries()).isEqualTo(plain);
    assertThat(map.entries().hashCode()).isEqualTo(plain.hashCode());
    assertThat(new YMap(plain, map.line(), map.column())).isEqualTo(map);
  }

  @Test
  void repeatedKeysAndShortValuesAreSharedAcrossDocuments() {
    YMap first = parse("type: string\nlocation: query\n");
    YMap second = parse("type: string\nlocation: query\n");
    assertThat(second.keys().iterator().next()).isSameAs(first.keys().iterator().next());
    assertThat(second.str("location")).isSameAs(first.str("location"));
  }

  @Test
  void booleansAreResolvedAndQuotedOnesStayText() {
    YMap map = parse("a: true\nb: false\nc: \"true\"\n");
    assertThat(((YScalar) map.get("a")).value()).isEqualTo(true);
    assertThat(((YScalar) map.get("b")).value()).isEqualTo(false);
    assertThat(((YScalar) map.get("c")).value()).isEqualTo("true");
  }
}
