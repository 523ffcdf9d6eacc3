package io.apistage.bench;

import io.apistage.archive.ExportGoal;
import io.apistage.archive.ExportRequest;
import io.apistage.archive.ImportGoal;
import io.apistage.archive.ImportRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.promotion.Overwrite;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@code export} of every asset of a synthetic config root of 10,000 Apis (its working copy)
 * and {@code import} of that archive into an empty folder, each the goal's own time (password
 * derivation, reading, validating with the import applied, writing). The heap peak of each is
 * printed; run it with {@code -Xmx512m} (the benchmark profile does) to prove it stays bounded.
 *
 * <p>System properties: {@code apistage.bench.apis} (default 10000), {@code apistage.bench.runs}
 * (at most 3 here), {@code apistage.bench.seed} (42), {@code apistage.bench.dir} (keep the
 * repository and archive there; default a temporary folder).
 */
public final class ArchiveBenchmark {

  private static final char[] PASSWORD = "benchmark archive password".toCharArray();

  private ArchiveBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    int runs = Math.min(3, Integer.getInteger("apistage.bench.runs", 3));
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    Path base =
        dir.isBlank()
            ? Files.createTempDirectory("apistage-bench-archive-")
            : Path.of(dir).resolve("archive-" + apis);
    try {
      run(base, apis, runs, seed);
    } finally {
      if (dir.isBlank()) {
        ValidateBenchmark.delete(base);
      }
    }
  }

  private static void run(Path base, int apis, int runs, long seed) throws Exception {
    System.out.println("== export and import benchmark");
    Path source = base.resolve("source");
    SyntheticRepo.Stats stats = SyntheticRepo.write(source, apis, seed);
    System.out.println("repository: " + apis + " Api files; " + stats.summary());
    System.out.printf(
        Locale.ROOT,
        "JVM: Java %s, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    Path archive = base.resolve("all.apistage");
    List<Long> exports = new ArrayList<>();
    List<Long> imports = new ArrayList<>();
    List<Long> exportCpu = new ArrayList<>();
    List<Long> importCpu = new ArrayList<>();
    long exportPeak = 0;
    long importPeak = 0;
    GoalResult exported = null;
    GoalResult imported = null;
    for (int i = 0; i < runs; i++) {
      ValidateBenchmark.resetPeaks();
      long cpu = cpuNanos();
      long start = System.nanoTime();
      exported =
          new ExportGoal(
                  context(source), new ExportRequest(archive, null, List.of(), PASSWORD, Map.of()))
              .execute();
      exports.add(System.nanoTime() - start);
      exportCpu.add(cpuNanos() - cpu);
      exportPeak = Math.max(exportPeak, ValidateBenchmark.peakHeap());
      check(exported);
      Path target = base.resolve("target-" + i);
      Files.createDirectories(target);
      ValidateBenchmark.resetPeaks();
      cpu = cpuNanos();
      start = System.nanoTime();
      imported =
          new ImportGoal(context(target), new ImportRequest(archive, Overwrite.NONE, PASSWORD))
              .execute();
      imports.add(System.nanoTime() - start);
      importCpu.add(cpuNanos() - cpu);
      importPeak = Math.max(importPeak, ValidateBenchmark.peakHeap());
      check(imported);
      ValidateBenchmark.delete(target);
    }
    System.out.println(exported.message());
    System.out.println(imported.message());
    System.out.printf(Locale.ROOT, "archive: %.1f MB%n", Files.size(archive) / 1024.0 / 1024.0);
    System.out.printf(
        Locale.ROOT,
        "export: median %.2f s wall (runs %s), process cpu %s s, heap peak %d MB%n",
        seconds(ValidateBenchmark.median(exports)),
        times(exports),
        times(exportCpu),
        exportPeak >> 20);
    System.out.printf(
        Locale.ROOT,
        "import: median %.2f s wall (runs %s), process cpu %s s, heap peak %d MB%n",
        seconds(ValidateBenchmark.median(imports)),
        times(imports),
        times(importCpu),
        importPeak >> 20);
  }

  private static void check(GoalResult result) {
    if (!"OK".equals(result.code())) {
      throw new IllegalStateException(result.message() + " " + result.problems());
    }
  }

  private static GoalContext context(Path root) {
    return new GoalContext(root, root.resolve("target/apistage"), false, Map.of(), Log.NONE);
  }

  private static String times(List<Long> nanos) {
    List<String> out = new ArrayList<>();
    nanos.forEach(n -> out.add(String.format(Locale.ROOT, "%.2f", seconds(n))));
    return String.join(" ", out);
  }

  /** Process CPU time, all threads: the work done, whatever else shares the machine. */
  private static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
