package io.apistage.bench;

import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Times {@code validate} on a synthetic config root of 10,000 Apis next to the floor: reading the
 * same files and parsing each with plain snakeyaml-engine {@code Load}, on one thread, in the same
 * JVM. Each is run several times after a warm-up; the medians, their ratio and the heap are
 * printed. Validation runs twice: as the goal runs it (parallel parsing and schema checks on the
 * common pool) and confined to one thread, so both ratios can be reported honestly.
 *
 * <p>Run it with {@code -Xmx512m} to prove the heap target. System properties: {@code
 * apistage.bench.apis} (default 10000), {@code apistage.bench.runs} (default 5), {@code
 * apistage.bench.warmups} (default 2), {@code apistage.bench.dir} (write the repository to its
 * sub-folder {@code validate-<apis>} and keep it; default a temporary folder, deleted afterwards),
 * {@code apistage.bench.seed} (42).
 */
public final class ValidateBenchmark {

  private ValidateBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    int warmups = Integer.getInteger("apistage.bench.warmups", 2);
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    // a sub-folder, so that the benchmarks run by Benchmarks can share one apistage.bench.dir
    Path root =
        dir.isBlank()
            ? Files.createTempDirectory("apistage-bench-validate-")
            : Path.of(dir).resolve("validate-" + apis);
    try {
      run(root, apis, runs, warmups, seed);
    } finally {
      if (dir.isBlank()) {
        delete(root);
      }
    }
  }

  private static void run(Path root, int apis, int runs, int warmups, long seed) throws Exception {
    System.out.println("== validate benchmark");
    long start = System.nanoTime();
    SyntheticRepo.Stats stats = SyntheticRepo.write(root, apis, seed);
    System.out.printf(
        Locale.ROOT,
        "repository: %d Api files; %s (written in %.1f s)%n",
        apis,
        stats.summary(),
        seconds(System.nanoTime() - start));
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "JVM: Java %s, %d processors, common pool parallelism %d, max heap %d MB%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        ForkJoinPool.getCommonPoolParallelism(),
        rt.maxMemory() >> 20);

    List<String> files = new ArrayList<>();
    for (String path : new DirectorySource(root).paths()) {
      if (ConfigLoader.isYaml(path)) {
        files.add(path);
      }
    }

    Callable<Object> floor = () -> floor(root, files);
    Callable<Object> validate = () -> new Validation().validate(new DirectorySource(root));
    ForkJoinPool single = new ForkJoinPool(1);
    // Parallel streams started inside a ForkJoinPool task run on that pool: one worker here.
    Callable<Object> validateSingle = () -> single.submit(validate).get();

    for (int i = 0; i < warmups; i++) {
      floor.call();
      validate.call();
      validateSingle.call();
    }
    List<Run> floorRuns = new ArrayList<>();
    List<Run> validateRuns = new ArrayList<>();
    List<Run> singleRuns = new ArrayList<>();
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      floorRuns.add(Run.of(floor));
      resetPeaks(); // collects first, so the peak is this run's
      validateRuns.add(Run.of(validate));
      peak = Math.max(peak, peakHeap());
      singleRuns.add(Run.of(validateSingle));
    }
    single.shutdown();

    Validation.Outcome outcome = new Validation().validate(new DirectorySource(root));
    long live = liveHeap();
    Summary f = Summary.of(floorRuns);
    Summary v = Summary.of(validateRuns);
    Summary s1 = Summary.of(singleRuns);
    System.out.println(
        "medians of " + runs + " runs; cpu = process CPU time, all threads incl. GC and JIT");
    System.out.println(f.line("floor, snakeyaml-engine Load, 1 thread", null));
    System.out.println(
        v.line(
            "validate, parallel (" + (ForkJoinPool.getCommonPoolParallelism() + 1) + " threads)",
            f));
    System.out.println(s1.line("validate, 1 thread", f));
    System.out.printf(
        Locale.ROOT,
        "heap: peak during validate %d MB (sum of pool peaks, garbage included), "
            + "live after GC holding the outcome %d MB, max %d MB%n",
        peak >> 20,
        live >> 20,
        rt.maxMemory() >> 20);
    List<Problem> problems = outcome.problems();
    System.out.printf(
        Locale.ROOT,
        "validate: %d assets, %d problems%n",
        outcome.config().assets().size(),
        problems.size());
    problems.stream().limit(10).forEach(p -> System.out.println("  " + p.format()));
  }

  /** Reads every file and parses it with plain snakeyaml-engine, the least validate can do. */
  static int floor(Path root, List<String> files) throws IOException {
    Load load = new Load(LoadSettings.builder().build());
    int documents = 0;
    for (String path : files) {
      String text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
      if (load.loadFromString(text) != null) {
        documents++;
      }
    }
    return documents;
  }

  /** One timed run: wall time, process CPU time and collector time, in nanoseconds. */
  record Run(long wall, long cpu, long gc) {
    static Run of(Callable<Object> task) throws Exception {
      // each run starts from a collected heap, as a fresh mvn run does; not timed
      System.gc();
      long gc = gcNanos();
      long cpu = cpuNanos();
      long start = System.nanoTime();
      Object result = task.call();
      long wall = System.nanoTime() - start;
      if (result == null) {
        throw new IllegalStateException("a benchmark task returned nothing");
      }
      return new Run(wall, cpuNanos() - cpu, gcNanos() - gc);
    }
  }

  /** Medians of runs. */
  record Summary(long wall, long cpu, long gc, List<Run> runs) {
    static Summary of(List<Run> runs) {
      return new Summary(
          median(runs.stream().map(Run::wall).toList()),
          median(runs.stream().map(Run::cpu).toList()),
          median(runs.stream().map(Run::gc).toList()),
          runs);
    }

    String line(String label, Summary floor) {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "%-42s wall %6.2f s  cpu %6.2f s  gc %5.2f s",
              label + ":",
              seconds(wall),
              seconds(cpu),
              seconds(gc)));
      if (floor != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "  = %.2fx the floor's wall, %.2fx its cpu",
                (double) wall / floor.wall,
                (double) cpu / floor.cpu));
      }
      out.append("  (wall runs");
      for (Run r : runs) {
        out.append(String.format(Locale.ROOT, " %.2f", seconds(r.wall)));
      }
      return out.append(")").toString();
    }
  }

  private static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static long gcNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis * 1_000_000;
  }

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long liveHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static long median(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
