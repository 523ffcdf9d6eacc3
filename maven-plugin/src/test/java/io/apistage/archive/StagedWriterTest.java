package io.apistage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedWriterTest {

  @TempDir Path dir;

  @Test
  void writesEveryQueuedFileBeforeAwaitReturns() throws Exception {
    try (StagedWriter writer = new StagedWriter()) {
      for (int i = 0; i < 200; i++) {
        writer.write(dir.resolve("apis/a" + i + "/v1.yaml"), bytes("n: " + i));
      }
      writer.await();
    }
    assertThat(dir.resolve("apis/a199/v1.yaml")).hasContent("n: 199");
    try (var list = Files.list(dir.resolve("apis"))) {
      assertThat(list).hasSize(200);
    }
  }

  @Test
  void aFileLargerThanTheBudgetIsWrittenWhole() throws Exception {
    byte[] big = new byte[StagedWriter.BUDGET + 10];
    try (StagedWriter writer = new StagedWriter()) {
      writer.write(dir.resolve("teams/big.yaml"), big);
      writer.await();
    }
    assertThat(Files.size(dir.resolve("teams/big.yaml"))).isEqualTo(big.length);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFailedWriteIsReportedByAwaitAndTheFilesAfterItAreNotWritten() throws Exception {
    Path blocker = Files.writeString(dir.resolve("teams"), "a file where a folder goes");
    try (StagedWriter writer = new StagedWriter()) {
      // the second write refuses at once when the first has already failed, else await reports it
      assertThatThrownBy(
              () -> {
                writer.write(dir.resolve("teams/a.yaml"), bytes("kind: Team"));
                writer.write(dir.resolve("plans/b.yaml"), bytes("kind: Plan"));
                writer.await();
              })
          .isInstanceOf(IOException.class)
          .hasMessage("cannot stage the archive's files: " + blocker);
    }
    assertThat(dir.resolve("plans")).doesNotExist();
  }
}
