package io.apistage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

  @TempDir Path dir;

  @Test
  void aNewBuildRemovesTheReportsOfGoalsThatDoNotRunAgainAndNothingElse() throws Exception {
    ReportFolder first = ReportFolder.open(dir, "build 1");
    AtomicFiles.write(dir.resolve("diff.md"), "old diff");
    AtomicFiles.write(dir.resolve("diff.json"), "{}");
    assertThat(first.written()).containsExactly(dir.resolve("diff.json"), dir.resolve("diff.md"));
    Files.writeString(dir.resolve("notes.txt"), "the user's own file");

    ReportFolder second = ReportFolder.open(dir, "build 2");
    assertThat(dir.resolve("diff.md")).doesNotExist();
    assertThat(dir.resolve("diff.json")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).hasContent("the user's own file");
    AtomicFiles.write(dir.resolve("check.md"), "check");
    assertThat(second.written()).containsExactly(dir.resolve("check.md"));
    assertThat(Files.readAllLines(dir.resolve(ReportFolder.MANIFEST)))
        .containsExactly("build 2", "check.md");
  }

  @Test
  void goalsOfOneBuildKeepEachOthersReports() throws Exception {
    ReportFolder validate = ReportFolder.open(dir, "build 7");
    AtomicFiles.write(dir.resolve("validate.json"), "{}");
    validate.written();
    ReportFolder check = ReportFolder.open(dir, "build 7");
    AtomicFiles.write(dir.resolve("check.json"), "{}");
    assertThat(check.written()).containsExactly(dir.resolve("check.json"));
    assertThat(dir.resolve("validate.json")).exists();
    assertThat(Files.readAllLines(dir.resolve(ReportFolder.MANIFEST)))
        .containsExactly("build 7", "validate.json", "check.json");
  }

  @Test
  void aManifestNamingAPathOutsideTheFolderDeletesNothing() throws Exception {
    Path outside = Files.writeString(dir.resolve("keep.txt"), "keep");
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve(ReportFolder.MANIFEST), "build 1\n../keep.txt\n.hidden\n");
    ReportFolder.open(reports, "build 2");
    assertThat(outside).hasContent("keep");
  }

  @Test
  void reportsAreReadableByEveryone() throws Exception {
    Path file = dir.resolve("check.md");
    AtomicFiles.write(file, "## apistage");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }
}
