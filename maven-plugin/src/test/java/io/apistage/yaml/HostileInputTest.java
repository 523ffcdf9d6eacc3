package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt the reader: each becomes one clear problem at its position, through the whole
 * validation, never an exception, a stack overflow or an OutOfMemoryError. The inputs are made
 * here, never committed. The timeout only guards against a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

  @TempDir Path root;

  private List<String> validate(String path, byte[] bytes) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return new Validation()
        .validate(new DirectorySource(root)).problems().stream().map(Problem::format).toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aliasBombIsRefusedAtTheAliasThatExplodes() throws IOException {
    StringBuilder yaml = new StringBuilder("kind: Policy\nname: bomb\ntype: x\nconfig:\n");
    yaml.append("  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    List<String> problems = validate("policies/bomb.yaml", utf8(yaml.toString()));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("policies/bomb.yaml:")
        .contains(
            "error [yaml] the document expands to more than 500000 values through its aliases");
  }

  @Test
  void twentyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
    byte[] big = new byte[20 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    assertThat(validate("policies/big.yaml", big))
        .containsExactly(
            "policies/big.yaml:1:1: error [yaml] the file has 20971520 bytes, more than the limit of"
                + " 4194304; split it or remove what is not configuration");
  }

  @Test
  void binaryJunkIsReportedAsNotUtf8() throws IOException {
    byte[] junk = new byte[64 * 1024];
    new Random(42).nextBytes(junk);
    junk[0] = 'k';
    junk[1] = (byte) 0xFF;
    assertThat(validate("policies/junk.yaml", junk))
        .containsExactly(
            "policies/junk.yaml:1:2: error [yaml] the file is not UTF-8 (invalid byte 0xFF); save it as UTF-8");
  }

  @Test
  void binaryJunkThatIsValidUtf8IsReportedAsControlCharacters() throws IOException {
    assertThat(validate("policies/nul.yaml", utf8("kind: Policy\nname: n\u0000\u0001\n")))
        .containsExactly(
            "policies/nul.yaml:2:8: error [yaml] the file holds a control character that YAML does"
                + " not allow; is it a binary file?");
  }

  @Test
  void tenThousandLevelsOfFlowNestingAreRefusedAtTheLevelTooDeep() throws IOException {
    String yaml =
        "kind: Policy\nname: deep\ntype: x\nconfig: "
            + "[".repeat(10_000)
            + "]".repeat(10_000)
            + "\n";
    assertThat(validate("policies/deep.yaml", utf8(yaml)))
        .containsExactly(
            "policies/deep.yaml:4:72: error [yaml] the document nests too deeply (more than 64 levels)");
  }

  @Test
  void tenThousandLevelsOfBlockSequencesAreRefused() throws IOException {
    String yaml = "kind: Policy\nname: deep\ntype: x\nconfig:\n" + "- ".repeat(10_000) + "x\n";
    List<String> problems = validate("policies/deep.yaml", utf8(yaml));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .contains("error [yaml] the document nests too deeply (more than 64 levels)");
  }

  @Test
  void deepIndentationIsRefused() throws IOException {
    StringBuilder yaml = new StringBuilder("kind: Policy\nname: deep\ntype: x\nconfig:\n");
    for (int i = 1; i <= 2_000; i++) {
      yaml.append(" ".repeat(i)).append("k:\n");
    }
    assertThat(validate("policies/deep.yaml", utf8(yaml.toString())))
        .containsExactly(
            "policies/deep.yaml:68:65: error [yaml] the document nests too deeply (more than 64 levels)");
  }

  @Test
  void latin1BytesAreReportedAtTheirLineAndColumn() throws IOException {
    byte[] bytes =
        "kind: Policy\nname: cafe\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(validate("policies/cafe.yaml", bytes))
        .containsExactly(
            "policies/cafe.yaml:3:17: error [yaml] the file is not UTF-8 (invalid byte 0xE9); save it as UTF-8");
  }

  @Test
  void aSecondDocumentIsReportedWhereItStarts() throws IOException {
    assertThat(
            validate(
                "policies/two.yaml", utf8("kind: Policy\nname: two\ntype: x\n---\nkind: Policy\n")))
        .containsExactly(
            "policies/two.yaml:5:1: error [yaml] the file holds more than one YAML document; keep one"
                + " document per file");
  }

  @Test
  void aDuplicateKeyIsReportedAtItsSecondOccurrence() throws IOException {
    assertThat(
            validate(
                "policies/dup.yaml",
                utf8("kind: Policy\nname: dup\ntype: x\nconfig:\n  a: 1\n  a: 2\n")))
        .containsExactly(
            "policies/dup.yaml:6:3: error [yaml] duplicate key 'a'; each key may appear once in a mapping");
  }

  @Test
  void aValueThatContainsItselfIsRefused() throws IOException {
    assertThat(
            validate(
                "policies/loop.yaml",
                utf8("kind: Policy\nname: loop\ntype: x\nconfig: &c { self: *c }\n")))
        .containsExactly(
            "policies/loop.yaml:4:9: error [yaml] a value contains itself through an alias (&anchor"
                + " ... *anchor inside it); write it out without the loop");
  }

  @Test
  void aFewAliasesAreFine() throws IOException {
    assertThat(
            validate(
                "policies/ok.yaml",
                utf8(
                    "kind: Policy\nname: ok\ntype: x\nconfig:\n  base: &b { x: 1 }\n  a: *b\n  c: [*b, *b]\n")))
        .isEmpty();
  }
}
