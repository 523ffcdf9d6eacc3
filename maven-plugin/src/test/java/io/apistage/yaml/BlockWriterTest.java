package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.TreeDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;

class BlockWriterTest {

  private static final Dump GENERAL = new Dump(BlockWriter.DUMP_SETTINGS);

  private static Object read(String yaml) {
    ParsedFile result = new YamlParser().parse(yaml, "x.yaml");
    assertThat(result.problems()).as(yaml).isEmpty();
    return result.root().toPlain();
  }

  @Test
  void everyExampleRepositoryDocumentIsWrittenAsTheGeneralEmitterWritesIt() throws IOException {
    Path root = Path.of("../example-repo");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !p.toString().contains("target"))
              .filter(p -> !p.toString().contains(".github") && !p.toString().contains("gitlab"))
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(30);
    for (Path file : files) {
      Object normal = TreeDiff.normalize(read(Files.readString(file)));
      String fast = BlockWriter.write((Map<?, ?>) normal).orElseThrow();
      assertThat(fast).as(file.toString()).isEqualTo(GENERAL.dumpToString(normal));
    }
  }

  @Test
  void stringsThatNeedQuotesAreQuotedAndReadBackUnchanged() {
    List<String> tricky =
        List.of(
            "007",
            "true",
            "False",
            "null",
            "~",
            "1.5",
            "-1",
            ".inf",
            "0x1F",
            "1e3",
            "<<",
            "",
            " leading",
            "trailing ",
            "a: b",
            "a #b",
            "a#b",
            "#x",
            "- item",
            "? q",
            ": c",
            "key:",
            "{x}",
            "/orders/{id}",
            "[a]",
            "a, b",
            "*alias",
            "&anchor",
            "!tag",
            "|lit",
            ">fold",
            "'single'",
            "\"double\"",
            "%dir",
            "@at",
            "`tick",
            "---",
            "...",
            "line\nbreak",
            "tab\there",
            "cr\rhere",
            "nul\0",
            "bell\u0007",
            "nel\u0085",
            "ls\u2028",
            "bom\uFEFF",
            "emoji 😀",
            "ünïcödé",
            "back\\slash",
            "${alias:orders-backend}",
            "${secret:X}",
            "it's",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "=",
            "a -b",
            "  ",
            "1_000",
            "+1",
            ".5",
            "2026-01-05",
            "12:30",
            "a:b",
            "http://x.example:8080/p?q=1#frag");
    for (String s : tricky) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("v", s);
      doc.put(s.isEmpty() ? "empty" : s, List.of(s, Map.of("k", s)));
      String yaml = BlockWriter.write(doc).orElseThrow();
      assertThat(read(yaml)).as("%s written as%n%s", s, yaml).isEqualTo(doc);
    }
  }

  @Test
  void randomDocumentsReadBackAsTheyWereWritten() {
    Random random = new Random(7);
    String pool = "ab:# -?{}[],&*!|>'\"%@`\\\n\t~.01yYnN<=$😀é\u0085";
    for (int round = 0; round < 2000; round++) {
      Object doc = randomMap(random, pool, 0);
      Object normal = TreeDiff.normalize(doc);
      if (!(normal instanceof Map<?, ?> map) || map.isEmpty()) {
        continue;
      }
      String yaml = BlockWriter.write(map).orElseThrow();
      assertThat(TreeDiff.normalize(read(yaml))).as(yaml).isEqualTo(normal);
    }
  }

  @Test
  void whatItDoesNotHandleIsLeftToTheGeneralEmitter() {
    assertThat(BlockWriter.write(Map.of())).isEmpty();
    assertThat(BlockWriter.write(Map.of(1, "x"))).isEmpty();
    assertThat(BlockWriter.write(Map.of("k".repeat(600), "x"))).isEmpty();
    assertThat(BlockWriter.write(Map.of("k", new Object()))).isEmpty();
  }

  private static Map<String, Object> randomMap(Random random, String pool, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      map.put(randomString(random, pool), randomValue(random, pool, depth + 1));
    }
    return map;
  }

  private static Object randomValue(Random random, String pool, int depth) {
    int pick = random.nextInt(depth > 3 ? 5 : 7);
    return switch (pick) {
      case 0, 1 -> randomString(random, pool);
      case 2 -> random.nextLong() >> random.nextInt(60);
      case 3 -> random.nextBoolean();
      case 4 -> random.nextInt(1000) / 8.0;
      case 5 -> randomMap(random, pool, depth);
      default -> {
        List<Object> list = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          list.add(randomValue(random, pool, depth + 1));
        }
        yield list;
      }
    };
  }

  private static String randomString(Random random, String pool) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(pool.length());
      char c = pool.charAt(at);
      if (Character.isHighSurrogate(c)) {
        s.append(c).append(pool.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        s.append(c);
      }
    }
    return s.toString();
  }
}
