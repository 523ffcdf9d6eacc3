package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of an edit: seen with the rest before writing, shown as a diff, written atomically. */
class FileEditsTest {

  @TempDir Path root;

  @Test
  void sourceShowsTheEditsOverTheDiskWithoutWritingThem() throws Exception {
    Files.createDirectories(root.resolve("apis/orders"));
    Files.writeString(root.resolve("apis/orders/v1.yaml"), "kind: Api\n");
    FileEdits edits =
        new FileEdits(root)
            .put(
                "apis/orders/v2.yaml",
                null,
                "kind: Api\nname: x\n".getBytes(StandardCharsets.UTF_8));

    assertThat(edits.source().paths())
        .containsExactly("apis/orders/v1.yaml", "apis/orders/v2.yaml");
    assertThat(new String(edits.source().read("apis/orders/v2.yaml"), StandardCharsets.UTF_8))
        .isEqualTo("kind: Api\nname: x\n");
    assertThat(Files.exists(root.resolve("apis/orders/v2.yaml"))).isFalse();
  }

  @Test
  void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    Path file = root.resolve("applications/web-shop.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "apis: [orders@1]\n");
    new FileEdits(root)
        .put(
            "applications/web-shop.yaml",
            Files.readAllBytes(file),
            "apis: [orders@2]\n".getBytes(StandardCharsets.UTF_8))
        .write();
    assertThat(Files.readString(file)).isEqualTo("apis: [orders@2]\n");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("web-shop.yaml");
    }
  }

  @Test
  void diffHasHunksWithContextAndMarksAMissingFinalNewline() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl";
    String after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL";
    assertThat(UnifiedDiff.of("f.yaml", before, after))
        .containsExactly(
            "--- a/f.yaml",
            "+++ b/f.yaml",
            "@@ -1,5 +1,5 @@",
            " a",
            "-b",
            "+B",
            " c",
            " d",
            " e",
            "@@ -9,4 +9,4 @@",
            " i",
            " j",
            " k",
            "-l",
            "\\ No newline at end of file",
            "+L",
            "\\ No newline at end of file");
    assertThat(UnifiedDiff.of("f.yaml", before, before)).isEqualTo(List.of());
  }
}
