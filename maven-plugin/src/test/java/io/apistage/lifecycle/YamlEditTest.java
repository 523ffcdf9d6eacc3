package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.problem.ApistageException;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YSeq;
import io.apistage.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The editor changes only the bytes of the values it edits: every other line, comment and line
 * break of the file stays byte for byte, in every YAML style a configuration uses.
 */
class YamlEditTest {

  /** An application in every style the editor meets, with comments everywhere. */
  private static final String STYLES =
      String.join(
          "\n",
          "# an application, written in every style",
          "kind: Application   # the kind",
          "name: web-shop",
          "id: 6f1c2a3e-8d4b-4c1a-9e7f-2b5d8c0a1f34  # kept across renames",
          "version: \"1.4.2\"",
          "state: 'published'",
          "apis: [orders@1, catalog@1]   # flow",
          "more:",
          "  - catalog@1 # block, plain",
          "  - \"orders@1\"",
          "  - 'payments@1'",
          "tight: [orders@1,catalog@1]",
          "spaced: [ 'orders@1' , \"catalog@1\" ]",
          "description: |",
          "  block text stays",
          "");

  private static YMap root(String text) {
    ParsedFile parsed = new YamlParser().parse(text, "f.yaml");
    assertThat(parsed.problems()).isEmpty();
    return (YMap) parsed.root();
  }

  private static List<String> lines(String text) {
    return List.of(text.split("(?<=\n)|(?<=\r)(?!\n)", -1));
  }

  /** Every line of {@code after} equals the line of {@code before}, except the lines named. */
  private static void onlyLinesChanged(String before, String after, Set<Integer> changed) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    assertThat(b).hasSameSizeAs(a);
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        differing.add(i + 1);
      }
    }
    assertThat(differing).containsExactlyInAnyOrderElementsOf(changed);
  }

  @Test
  void flowItemIsReplacedAndEveryOtherByteStays() throws Exception {
    YMap doc = root(STYLES);
    String out =
        new YamlEdit("f.yaml", STYLES).replaceItem((YSeq) doc.get("apis"), 0, "orders@2").result();
    assertThat(out).isEqualTo(STYLES.replace("apis: [orders@1,", "apis: [orders@2,"));
    onlyLinesChanged(STYLES, out, Set.of(7));
  }

  @Test
  void blockItemsKeepTheirQuotingAndComments() throws Exception {
    YMap doc = root(STYLES);
    YSeq more = (YSeq) doc.get("more");
    String out =
        new YamlEdit("f.yaml", STYLES)
            .replaceItem(more, 0, "catalog@2")
            .replaceItem(more, 1, "orders@2")
            .replaceItem(more, 2, "payments@2")
            .result();
    assertThat(lines(out).subList(8, 11))
        .containsExactly(
            "  - catalog@2 # block, plain\n", "  - \"orders@2\"\n", "  - 'payments@2'\n");
    onlyLinesChanged(STYLES, out, Set.of(9, 10, 11));
  }

  @Test
  void tightAndSpacedFlowListsKeepTheirSpacing() throws Exception {
    YMap doc = root(STYLES);
    String out =
        new YamlEdit("f.yaml", STYLES)
            .replaceItem((YSeq) doc.get("tight"), 1, "catalog@2")
            .replaceItem((YSeq) doc.get("spaced"), 0, "orders@2")
            .replaceItem((YSeq) doc.get("spaced"), 1, "catalog@2")
            .result();
    assertThat(lines(out).get(11)).isEqualTo("tight: [orders@1,catalog@2]\n");
    assertThat(lines(out).get(12)).isEqualTo("spaced: [ 'orders@2' , \"catalog@2\" ]\n");
    onlyLinesChanged(STYLES, out, Set.of(12, 13));
  }

  @Test
  void quotedScalarsKeepTheirQuotes() throws Exception {
    YMap doc = root(STYLES);
    String out =
        new YamlEdit("f.yaml", STYLES)
            .replaceValue(doc, "version", "2.0.0")
            .replaceValue(doc, "state", "draft")
            .result();
    assertThat(lines(out).subList(4, 6))
        .containsExactly("version: \"2.0.0\"\n", "state: 'draft'\n");
    onlyLinesChanged(STYLES, out, Set.of(5, 6));
  }

  @Test
  void plainScalarWithCommentKeepsTheComment() throws Exception {
    String text = "kind: Api\nversion: 1.4.2    # the version\nstate: published\n";
    String out = new YamlEdit("f.yaml", text).replaceValue(root(text), "version", "1.5.0").result();
    assertThat(out).isEqualTo("kind: Api\nversion: 1.5.0    # the version\nstate: published\n");
  }

  @Test
  void removedEntryTakesItsWholeLineOnly() throws Exception {
    String out = new YamlEdit("f.yaml", STYLES).removeEntry(root(STYLES), "id").result();
    List<String> expected = new ArrayList<>(lines(STYLES));
    expected.remove(3);
    assertThat(lines(out)).containsExactlyElementsOf(expected);
  }

  @Test
  void crlfFileKeepsCrlfEverywhere() throws Exception {
    String crlf = STYLES.replace("\n", "\r\n");
    YMap doc = root(crlf);
    String out =
        new YamlEdit("f.yaml", crlf)
            .replaceItem((YSeq) doc.get("apis"), 1, "catalog@2")
            .replaceValue(doc, "version", "1.5.0")
            .removeEntry(doc, "id")
            .insertAfter(doc, "name", "team", "commerce")
            .result();
    assertThat(out)
        .isEqualTo(
            crlf.replace("apis: [orders@1, catalog@1]", "apis: [orders@1, catalog@2]")
                .replace("version: \"1.4.2\"", "version: \"1.5.0\"")
                .replace("id: 6f1c2a3e-8d4b-4c1a-9e7f-2b5d8c0a1f34  # kept across renames\r\n", "")
                .replace("name: web-shop\r\n", "name: web-shop\r\nteam: commerce\r\n"));
    assertThat(out.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void fileWithoutFinalNewlineStaysWithoutOne() throws Exception {
    String text = "kind: Api\nname: orders\nversion: 1.4.2\nstate: published";
    YMap doc = root(text);
    assertThat(new YamlEdit("f.yaml", text).replaceValue(doc, "state", "deprecated").result())
        .isEqualTo("kind: Api\nname: orders\nversion: 1.4.2\nstate: deprecated");
    assertThat(new YamlEdit("f.yaml", text).removeEntry(doc, "state").result())
        .isEqualTo("kind: Api\nname: orders\nversion: 1.4.2");
    assertThat(new YamlEdit("f.yaml", text).insertAfter(doc, "state", "team", "x").result())
        .isEqualTo(text + "\nteam: x");
  }

  @Test
  void lastLineWithCrlfAndNoFinalBreakIsRemovedWithItsBreak() throws Exception {
    String text = "kind: Api\r\nname: orders\r\nid: 6f1c2a3e-8d4b-4c1a-9e7f-2b5d8c0a1f34";
    assertThat(new YamlEdit("f.yaml", text).removeEntry(root(text), "id").result())
        .isEqualTo("kind: Api\r\nname: orders");
  }

  @Test
  void nestedBlockMappingKeepsItsIndentation() throws Exception {
    String text = "kind: Api\nauth:\n  type: api-key   # how\n  tokenName: X-Api-Key\n";
    YMap auth = root(text).map("auth");
    assertThat(
            new YamlEdit("f.yaml", text)
                .replaceValue(auth, "type", "oauth2")
                .insertAfter(auth, "type", "tokenLocation", "header")
                .result())
        .isEqualTo(
            "kind: Api\nauth:\n  type: oauth2   # how\n  tokenLocation: header\n  tokenName: X-Api-Key\n");
  }

  @Test
  void valueThatWouldReadDifferentlyIsQuoted() throws Exception {
    String text = "kind: Api\nversion: 1.4.2\n";
    assertThat(
            new YamlEdit("f.yaml", text).replaceValue(root(text), "version", "2.0.0-rc.1").result())
        .isEqualTo("kind: Api\nversion: \"2.0.0-rc.1\"\n");
  }

  @Test
  void multibyteTextBeforeTheValueIsKept() throws Exception {
    String text = "kind: Api\ndescription: Bestellungen für 🛒\ntags: [größe, orders@1]\n";
    YMap doc = root(text);
    assertThat(
            new YamlEdit("f.yaml", text)
                .replaceItem((YSeq) doc.get("tags"), 1, "orders@2")
                .result())
        .isEqualTo("kind: Api\ndescription: Bestellungen für 🛒\ntags: [größe, orders@2]\n");
  }

  @Test
  void blockScalarIsRefusedNotGuessed() {
    assertThatThrownBy(
            () -> new YamlEdit("f.yaml", STYLES).replaceValue(root(STYLES), "description", "x"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "f.yaml:14:14: cannot edit this value in place (the value is a block scalar (| or >));"
                + " make the change by hand");
  }

  @Test
  void plainValueOverSeveralLinesIsRefused() {
    String text = "kind: Api\nversion: 1.4.2\n  continued\nstate: draft\n";
    assertThatThrownBy(
            () -> new YamlEdit("f.yaml", text).replaceValue(root(text), "version", "2.0.0"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "f.yaml:2:10: cannot edit this value in place (the value spans several lines); make"
                + " the change by hand");
  }

  @Test
  void entryInAFlowMappingIsNotRemoved() {
    String text = "{kind: Api, id: x}\n";
    assertThatThrownBy(() -> new YamlEdit("f.yaml", text).removeEntry(root(text), "id"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "f.yaml:1:1: cannot edit this value in place (the mapping is in flow style { });"
                + " make the change by hand");
  }

  @Test
  void wordYamlReadsAsBooleanOrNullIsQuoted() throws Exception {
    String text = "kind: Api\nstate: draft\n";
    assertThat(new YamlEdit("f.yaml", text).replaceValue(root(text), "state", "null").result())
        .isEqualTo("kind: Api\nstate: \"null\"\n");
  }

  @Test
  void missingKeyIsRefusedWithThePositionOfItsMapping() {
    String text = "kind: Api\nname: orders\n";
    assertThatThrownBy(
            () -> new YamlEdit("f.yaml", text).insertAfter(root(text), "version", "state", "draft"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "f.yaml:1:1: cannot edit this value in place (the mapping has no such key); make the"
                + " change by hand");
  }
}
