package io.apistage.bench;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times {@code promote} on a synthetic config root of 10,000 Apis committed to Git: the first stage
 * following main (every asset of the repository into an empty dev), one promotion of every Api from
 * dev to an empty qa (10,000 Apis with their policies and aliases), and the same promotion again
 * with {@code repromote} (every asset compared, none changed). Each time is the goal's own time,
 * from the first Git read to the moved stage ref; writing and committing the repository is not
 * counted.
 *
 * <p>System properties: {@code apistage.bench.apis} (default 10000), {@code apistage.bench.seed}
 * (42), {@code apistage.bench.dir} (keep the repository there; default a temporary folder).
 */
public final class PromoteBenchmark {

  private PromoteBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    Path root = dir.isBlank() ? Files.createTempDirectory("apistage-promote-bench-") : Path.of(dir);
    try {
      run(root, apis, seed);
    } finally {
      if (dir.isBlank()) {
        delete(root);
      }
    }
  }

  private static void run(Path root, int apis, long seed) throws Exception {
    System.out.println("== promote benchmark");
    long start = System.nanoTime();
    SyntheticRepo.Stats stats = SyntheticRepo.write(root, apis, seed);
    Files.writeString(
        root.resolve("promotions/every-api-to-qa.yaml"),
        "kind: Promotion\nname: every-api-to-qa\nfrom: dev\nto: [qa]\nassets: [{ kind: api }]\noverwrite: all\n");
    try (GitRepoBuilder repo = GitRepoBuilder.init(root).as("Bench", "bench@example.com")) {
      repo.commit("synthetic repository");
    }
    System.out.printf(
        Locale.ROOT,
        "repository: %d Api files; %s (written and committed in %.1f s)%n",
        apis,
        stats.summary(),
        seconds(System.nanoTime() - start));
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "JVM: Java %s, %d processors, max heap %d MB%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() >> 20);

    time(root, "track-main: every asset of main into an empty dev", PromoteGoal.TRACK_MAIN, false);
    time(root, "every-api-to-qa: every Api from dev into an empty qa", "every-api-to-qa", false);
    time(root, "every-api-to-qa again (repromote, nothing changes)", "every-api-to-qa", true);
  }

  private static void time(Path root, String what, String promotion, boolean repromote)
      throws Exception {
    RecordingLog log = new RecordingLog();
    GoalContext context =
        new GoalContext(root, root.resolve("target/apistage"), false, Map.of(), log);
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    long start = System.nanoTime();
    GoalResult result =
        new PromoteGoal(context, new PromoteRequest(promotion, false, repromote, Clock.systemUTC()))
            .execute();
    long elapsed = System.nanoTime() - start;
    long cpu = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuStart;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> promotions =
        (List<Map<String, Object>>) result.body().toJson().get("promotions");
    int assets = promotions.stream().mapToInt(p -> ((List<?>) p.get("assets")).size()).sum();
    System.out.printf(
        Locale.ROOT,
        "%-55s %6.2f s (CPU %.2f s)  %,d assets reported; %s%n",
        what,
        seconds(elapsed),
        seconds(cpu),
        assets,
        result.message());
    log.lines().stream()
        .filter(l -> l.startsWith("[DEBUG]"))
        .forEach(l -> System.out.println("    " + l));
    if (result.fails(false)) {
      result.problems().stream().limit(5).forEach(p -> System.out.println("  " + p.format()));
      throw new IllegalStateException("the promotion failed: " + result.message());
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
