package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.log.RecordingLog;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.StageState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes promoting at once against one stage, and processes killed mid-run. */
class ConcurrentPromoteTest {

  private static final String QA_REF = "refs/heads/apistage/stage/qa";

  @TempDir Path dir;

  private static Process start(Path dir, String promotion, String... more) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PromoteProcess.class.getName());
    command.add(dir.toString());
    command.add(promotion);
    command.addAll(List.of(more));
    File log = Files.createTempFile(dir.getParent(), "promote", ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  /**
   * The shop plus {@code apis} small Apis, each with its own promotion to qa, dev already tracked.
   */
  private static ShopFixture manyApis(Path dir, int apis, int promotions) throws Exception {
    ShopFixture f = ShopFixture.shop(dir);
    for (int i = 0; i < apis; i++) {
      f.repo.write(
          "apis/api" + i + "/v1.yaml",
          "kind: Api\nname: api"
              + i
              + "\nversion: 1.0.0\nstate: published\nbaseUrl: http://a"
              + i
              + "\n");
    }
    for (int p = 0; p < promotions; p++) {
      f.repo.write(
          "promotions/p" + p + ".yaml",
          "kind: Promotion\nname: p"
              + p
              + "\nfrom: dev\nto: [qa]\nassets: [{ keyword: \"api"
              + p
              + "*\" }]\n");
    }
    f.repo.commit("many apis");
    new PromoteGoal(
            f.context(new RecordingLog()),
            new PromoteRequest(PromoteGoal.TRACK_MAIN, false, false, Clock.systemUTC()))
        .execute();
    return f;
  }

  private static List<RevCommit> firstParentChain(ShopFixture f, String ref) throws IOException {
    List<RevCommit> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(f.repo.git().getRepository())) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(f.repo.ref(ref)));
      while (true) {
        out.add(c);
        assertThat(c.getParentCount()).isLessThanOrEqualTo(1);
        if (c.getParentCount() == 0) {
          return out;
        }
        c = walk.parseCommit(c.getParent(0));
      }
    }
  }

  @Test
  void severalProcessesPromotingToOneStageAtOnceLoseNoUpdateAndKeepHistoryLinear()
      throws Exception {
    int n = 4;
    try (ShopFixture f = manyApis(dir.resolve("repo"), n, n)) {
      List<Process> processes = new ArrayList<>();
      for (int p = 0; p < n; p++) {
        processes.add(start(f.repo.dir(), "p" + p));
      }
      for (Process process : processes) {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code of a promote process").isZero();
      }

      StageState qa = f.state("qa");
      for (int p = 0; p < n; p++) {
        assertThat(qa.assets()).containsKey("api/api" + p + "@1");
      }
      assertThat(qa.history()).hasSize(n);
      assertThat(qa.history()).extracting(HistoryRecord::number).containsExactly(1, 2, 3, 4);
      assertThat(qa.history())
          .extracting(HistoryRecord::name)
          .containsExactlyInAnyOrder("p0", "p1", "p2", "p3");
      assertThat(firstParentChain(f, QA_REF)).hasSize(n);
    }
  }

  @Test
  void aPromoteKilledAtAnyPointLeavesTheStageAsBeforeOrAsAfterAndARerunCompletes()
      throws Exception {
    Random random = new Random(20260105L);
    try (ShopFixture f = manyApis(dir.resolve("repo"), 150, 0)) {
      // one run to the end tells how long a run takes here, so the kills spread over its whole work
      f.repo.write(
          "promotions/bulk.yaml",
          "kind: Promotion\nname: bulk\nfrom: dev\nto: [qa]\nassets: [{ keyword: \"api*\" }]\n");
      f.repo.commit("calibrate");
      long start = System.nanoTime();
      Process calibration = start(f.repo.dir(), "bulk");
      assertThat(calibration.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(calibration.exitValue()).isZero();
      long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      int completedByKilledRuns = 0;
      int staleLocks = 0;
      for (int i = 0; i < 20; i++) {
        String yaml =
            "kind: Promotion\nname: bulk\nfrom: dev\nto: [qa]\nassets: [{ keyword: \"api*\" }]\noverwrite: all\n"
                + "description: round "
                + i
                + "\n";
        f.repo.write("promotions/bulk.yaml", yaml);
        f.repo.commit("round " + i);
        String hash = PromotionSpec.sha256(yaml.getBytes(StandardCharsets.UTF_8));
        String before = f.repo.ref(QA_REF);
        int recordsBefore = f.state("qa").history().size();

        Process process = start(f.repo.dir(), "bulk");
        boolean finished =
            process.waitFor(
                runMillis * 2 / 5 + random.nextInt((int) (runMillis * 7 / 10) + 1),
                TimeUnit.MILLISECONDS);
        if (!finished) {
          process.destroyForcibly().waitFor();
        }

        String after = f.repo.ref(QA_REF);
        StageState qa = f.state("qa");
        assertThat(qa.hasErrors())
            .as("the stage's tree parses after a kill in round %s", i)
            .isFalse();
        if (after == null || after.equals(before)) {
          assertThat(qa.history()).hasSize(recordsBefore);
        } else {
          completedByKilledRuns++;
          assertThat(qa.history()).hasSize(recordsBefore + 1);
          assertThat(HistoryContent.applied(qa.history(), "bulk", hash)).isTrue();
          assertThat(qa.assets()).hasSize(150);
        }

        // A run killed in the instant it moved the ref leaves the ref's lock file behind, as git
        // does; the rerun then refuses, names the file and writes nothing. Removing it (what the
        // message tells the operator) lets the next run complete.
        Path lock = f.repo.dir().resolve(".git/" + QA_REF + ".lock");
        io.apistage.goal.GoalResult result = rerun(f);
        if (Files.exists(lock)) {
          staleLocks++;
          assertThat(result.message()).contains("1 failed");
          assertThat(result.problems().get(0).message())
              .contains("remove the stale lock file (" + QA_REF + ".lock in the .git folder)")
              .contains("nothing was written by this run");
          assertThat(f.repo.ref(QA_REF)).isEqualTo(after);
          Files.delete(lock);
          result = rerun(f);
        }
        StageState rerun = f.state("qa");
        assertThat(HistoryContent.applied(rerun.history(), "bulk", hash))
            .as(
                "applied after the rerun of round %s: %s %s",
                i, result.message(), result.problems())
            .isTrue();
        assertThat(rerun.history()).hasSize(recordsBefore + 1);
        assertThat(rerun.assets()).hasSize(150);
      }
      assertThat(firstParentChain(f, QA_REF)).hasSize(21);
      System.out.println(
          "crash test: a run takes "
              + runMillis
              + " ms; "
              + completedByKilledRuns
              + " of 20 killed runs had already written their commit; "
              + staleLocks
              + " left a stale ref lock");
    }
  }

  private static io.apistage.goal.GoalResult rerun(ShopFixture f) throws Exception {
    return new PromoteGoal(
            f.context(new RecordingLog()),
            new PromoteRequest("bulk", false, false, Clock.systemUTC()))
        .execute();
  }
}
