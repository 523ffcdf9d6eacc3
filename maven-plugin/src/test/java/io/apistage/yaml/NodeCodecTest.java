package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A tree read back from its binary form equals the parsed one, every value and position. */
class NodeCodecTest {

  private static final String DOCUMENT =
      """
      kind: Api
      name: "orders"
      count: 12
      big: 123456789012345678901234567890
      hex: 0x1F
      ratio: 2.5
      nan: .nan
      inf: -.inf
      on: true
      off: False
      nothing: ~
      quoted: "12"
      anchored: &a {x: [1, two, {y: null}]}
      again: *a
      list:
        - - deep
          - 'single quoted'
      """;

  @Test
  void roundTripKeepsValuesTextsAndPositions() {
    YNode parsed = new YamlParser().parse(DOCUMENT, "f.yaml").root();
    NodeCodec.Strings strings = new NodeCodec.Strings();
    NodeCodec.Out out = encode(parsed, strings);
    ByteBuffer in = ByteBuffer.wrap(out.toBytes());
    YNode read = NodeCodec.read(in, strings.all().toArray(String[]::new), 0);
    assertThat(in.remaining()).isZero();
    assertThat(same(read, parsed)).isTrue();
    assertThat(read.toPlain()).isEqualTo(parsed.toPlain());
    assertThat(((YScalar) read.at("/quoted")).value()).isEqualTo("12");
  }

  @Test
  void aLazilyReadRootDecodesOnlyTheValuesAskedForAndEqualsTheFullTree() {
    YNode parsed = new YamlParser().parse(DOCUMENT, "f.yaml").root();
    NodeCodec.Strings strings = new NodeCodec.Strings();
    NodeCodec.Out out = encode(parsed, strings);
    byte[] bytes = out.toBytes();
    String[] table = strings.all().toArray(String[]::new);
    ByteBuffer in = ByteBuffer.wrap(bytes);

    YMap lazy = (YMap) NodeCodec.readLazily(in, table);

    assertThat(in.remaining()).as("the whole tree is passed over").isZero();
    assertThat(lazy.entries()).isInstanceOf(LazyEntries.class);
    assertThat(lazy.has("anchored")).isTrue();
    assertThat(lazy.has("missing")).isFalse();
    assertThat(lazy.str("name")).isEqualTo("orders");
    assertThat(lazy.get("big").position()).isEqualTo(parsed.at("/big").position());
    assertThat(lazy.keys()).containsExactlyElementsOf(((YMap) parsed).keys());
    assertThat(same(lazy, parsed)).isTrue();
    assertThat(lazy).isEqualTo(parsed);
    assertThat(lazy.toPlain()).isEqualTo(parsed.toPlain());
  }

  @Test
  void aLazyReadChecksTheWholeTreeAtOnceSoALaterValueCannotFail() {
    YNode parsed = new YamlParser().parse(DOCUMENT, "f.yaml").root();
    NodeCodec.Strings strings = new NodeCodec.Strings();
    NodeCodec.Out out = encode(parsed, strings);
    String[] tooShort = strings.all().subList(0, strings.all().size() - 1).toArray(String[]::new);
    // the last string is used deep inside 'list'; the root's other values would read fine
    assertThatThrownBy(() -> NodeCodec.readLazily(ByteBuffer.wrap(out.toBytes()), tooShort))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("string ");
  }

  @Test
  void aTreeWhoseRootIsNoMappingIsReadAtOnce() {
    YNode parsed = new YamlParser().parse("[1, two]", "f.yaml").root();
    NodeCodec.Strings strings = new NodeCodec.Strings();
    NodeCodec.Out out = encode(parsed, strings);
    YNode read =
        NodeCodec.readLazily(ByteBuffer.wrap(out.toBytes()), strings.all().toArray(String[]::new));
    assertThat(read).isEqualTo(parsed);
  }

  @Test
  void bytesThatAreNoTreeAreRefused() {
    byte[] garbage = new byte[] {(byte) 42, 1, 1, 0};
    assertThatThrownBy(() -> NodeCodec.read(ByteBuffer.wrap(garbage), new String[] {"x"}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown node type 42");
  }

  /** Equal values, texts, positions and key positions, all the way down. */
  private static boolean same(YNode a, YNode b) {
    if (a.line() != b.line() || a.column() != b.column() || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof YScalar s) {
      YScalar t = (YScalar) b;
      return s.text().equals(t.text())
          && (s.value() == null
              ? t.value() == null
              : s.value().equals(t.value()) && s.value().getClass() == t.value().getClass());
    }
    if (a instanceof YSeq s) {
      YSeq t = (YSeq) b;
      if (s.size() != t.size()) {
        return false;
      }
      for (int i = 0; i < s.size(); i++) {
        if (!same(s.get(i), t.get(i))) {
          return false;
        }
      }
      return true;
    }
    YMap m = (YMap) a;
    YMap n = (YMap) b;
    if (!Arrays.equals(m.keys().toArray(), n.keys().toArray())) {
      return false;
    }
    for (String key : m.keys()) {
      YMap.Entry e = m.entries().get(key);
      YMap.Entry f = n.entries().get(key);
      if (e.keyLine() != f.keyLine()
          || e.keyColumn() != f.keyColumn()
          || !same(e.value(), f.value())) {
        return false;
      }
    }
    return true;
  }

  private static NodeCodec.Out encode(YNode tree, NodeCodec.Strings strings) {
    NodeCodec.Out out = new NodeCodec.Out();
    NodeCodec.write(tree, out, strings);
    return out;
  }
}
