package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.bench.SyntheticRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's short way, straight from the events ({@link EventBuilder}), reads every document
 * into the same tree, or the same problems, as the general way through snakeyaml's composer.
 */
class EventBuilderTest {

  private final YamlParser parser = new YamlParser();

  private static final List<String> DOCUMENTS =
      List.of(
          "kind: Api\nname: orders\nversion: 1.2.3\n",
          "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1_000\nf: 12345678901234567890\ng: +3\n",
          "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\nf: '1.5'\ng: \"2\"\n",
          "a: true\nb: False\nc: null\nd: ~\ne:\nf: 'null'\ng: yes\nh: NULL\n",
          "list:\n  - a\n  - 1\n  - [x, y, {z: 1}]\n  - {}\n  - []\nempty: {}\n",
          "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nquoted: \"a\\tb\"\n",
          "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\n",
          "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk1: 10\n",
          "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk8: 9\n",
          "a: 1\na: 2\n",
          "a: &x {b: 1}\nc: *x\n",
          "a: *nothing\n",
          "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
          "<<: 1\n",
          "a: !!str 1\nb: !custom x\nc: ! 5\n",
          "!!map {a: 1}\n",
          "? [a, b]\n: 1\n",
          "? {a: 1}\n: 1\n",
          "a: 1\n---\nb: 2\n",
          "---\na: 1\n...\n",
          "%YAML 1.2\n---\na: 1\n",
          "",
          "---\n",
          "# only a comment\n",
          "just a scalar\n",
          "- a\n- b\n",
          "a: [1, 2\n",
          "a: b: c\n",
          "a:\n  - b\n c: d\n",
          "a: {b: ${secret:X}}\n",
          "a: \"unterminated\n",
          "\"200\": ok\n200: ok2\n'x': 1\n",
          "a: 1 # comment\n# end\n",
          "a: \"\\u00e9\\u4e2d\"\nb: é中😀\n",
          "a:\n" + "  b:\n".repeat(1).repeat(1) + "    c: 1\n",
          "x: " + "[".repeat(70) + "]".repeat(70) + "\n",
          "x: " + "[".repeat(64) + "]".repeat(64) + "\n",
          "x: " + "[".repeat(63) + "1" + "]".repeat(63) + "\n");

  @Test
  void readsEveryDocumentAsTheComposerDoes() {
    for (String text : DOCUMENTS) {
      assertThat(parser.parse(text, "f.yaml"))
          .as(text)
          .isEqualTo(new YamlParser().compose(text, "f.yaml"));
    }
  }

  @Test
  void readsTheSyntheticRepositoryAsTheComposerDoes(@TempDir Path dir) throws IOException {
    SyntheticRepo.write(dir, 40, 7L);
    assertSameReads(dir);
  }

  @Test
  void readsTheExampleRepositoryAsTheComposerDoes() throws IOException {
    Path example = Path.of("../example-repo");
    if (Files.isDirectory(example)) {
      assertSameReads(example);
    }
  }

  private void assertSameReads(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      ParsedFile composed = parser.compose(text, "f.yaml");
      assertThat(parser.parse(text, "f.yaml")).as(file.toString()).isEqualTo(composed);
      if (composed.ok() && composed.root() instanceof YMap) {
        // the common shape takes the short way
        assertThat(parser.plain(text)).as(file.toString()).isEqualTo(composed.root());
      }
    }
  }
}
