package io.apistage.bench;

import io.apistage.archive.ExportGoal;
import io.apistage.archive.ExportRequest;
import io.apistage.archive.ImportGoal;
import io.apistage.archive.ImportRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.promotion.Overwrite;
import io.apistage.rules.Validation;
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
 * derivation, reading, validating with the import applied, writing), next to a floor measured in
 * the same runs, alternating with the goals: the same files read and written with only AES-256-GCM
 * in between ({@link ArchiveFloor}), and {@code tar cf} / {@code tar xf} of the same folders when a
 * {@code tar} is on the path. The machine is shared, so the ratios to the floor say more than the
 * seconds. The heap peak of each is printed; run it with {@code -Xmx512m} (the benchmark profile
 * does) to show it stays bounded.
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
        "JVM: Java %s, max heap %d MB, %d processors%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    Path archive = base.resolve("all.apistage");
    ArchiveFloor floor = ArchiveFloor.of(source);
    Timings exports = new Timings("export");
    Timings imports = new Timings("import");
    Timings floorExports = new Timings("floor export (read the files, AES-GCM, write one file)");
    Timings floorImports = new Timings("floor import (read it, AES-GCM, write the files)");
    Timings loads = new Timings("load (the parse export needs: ConfigLoader over the same root)");
    Timings validates = new Timings("validate (what import must check: the same root)");
    Timings tarCreates = new Timings("tar cf of the same folders");
    Timings tarExtracts = new Timings("tar xf into an empty folder");
    GoalResult exported = null;
    GoalResult imported = null;
    for (int i = 0; i < runs; i++) {
      Path floorFile = base.resolve("floor.bin");
      floorExports.time(() -> floor.export(source, floorFile));
      exported =
          exports.time(
              () ->
                  new ExportGoal(
                          context(source),
                          new ExportRequest(archive, null, List.of(), PASSWORD, Map.of()))
                      .execute());
      check(exported);
      loads.time(() -> new ConfigLoader().load(new DirectorySource(source)));
      Path floorTarget = Files.createDirectories(base.resolve("floor-" + i));
      floorImports.time(() -> floor.importInto(floorFile, floorTarget));
      ValidateBenchmark.delete(floorTarget);
      Files.delete(floorFile);
      Path target = Files.createDirectories(base.resolve("target-" + i));
      imported =
          imports.time(
              () ->
                  new ImportGoal(
                          context(target), new ImportRequest(archive, Overwrite.NONE, PASSWORD))
                      .execute());
      check(imported);
      validates.time(() -> new Validation().validate(new DirectorySource(source)));
      ValidateBenchmark.delete(target);
      Tar.time(base, source, tarCreates, tarExtracts);
    }
    System.out.println(exported.message());
    System.out.println(imported.message());
    System.out.printf(
        Locale.ROOT,
        "archive: %.1f MB; the floors move the same %d files%n",
        Files.size(archive) / 1024.0 / 1024.0,
        floor.files());
    for (Timings t :
        List.of(
            floorExports,
            loads,
            exports,
            floorImports,
            validates,
            imports,
            tarCreates,
            tarExtracts)) {
      t.print();
    }
    ratio(exports, floorExports, tarCreates);
    ratio(imports, floorImports, tarExtracts);
    System.out.printf(
        Locale.ROOT,
        "export / (floor + load): wall %.2fx, cpu %.2fx; import / (floor + validate): wall %.2fx,"
            + " cpu %.2fx%n",
        exports.medianWall() / (floorExports.medianWall() + loads.medianWall()),
        exports.medianCpu() / (floorExports.medianCpu() + loads.medianCpu()),
        imports.medianWall() / (floorImports.medianWall() + validates.medianWall()),
        imports.medianCpu() / (floorImports.medianCpu() + validates.medianCpu()));
  }

  private static void ratio(Timings goal, Timings floor, Timings tar) {
    System.out.printf(
        Locale.ROOT,
        "%s / floor: wall %.2fx (median %.2f s vs %.2f s), cpu %.2fx%s%n",
        goal.name,
        goal.medianWall() / floor.medianWall(),
        goal.medianWall(),
        floor.medianWall(),
        goal.medianCpu() / floor.medianCpu(),
        tar.wall.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                "; / tar: wall %.2fx (%.2f s)",
                goal.medianWall() / tar.medianWall(),
                tar.medianWall()));
  }

  /** Wall and process CPU times of one step over the runs, and its heap peak. */
  static final class Timings {
    final String name;
    final List<Long> wall = new ArrayList<>();
    final List<Long> cpu = new ArrayList<>();
    long peak;

    Timings(String name) {
      this.name = name;
    }

    interface Step<T> {
      T run() throws Exception;
    }

    interface Action {
      void run() throws Exception;
    }

    <T> T time(Step<T> step) throws Exception {
      ValidateBenchmark.resetPeaks();
      long startCpu = cpuNanos();
      long start = System.nanoTime();
      T out = step.run();
      wall.add(System.nanoTime() - start);
      cpu.add(cpuNanos() - startCpu);
      peak = Math.max(peak, ValidateBenchmark.peakHeap());
      return out;
    }

    void time(Action action) throws Exception {
      time(
          () -> {
            action.run();
            return null;
          });
    }

    double medianWall() {
      return seconds(ValidateBenchmark.median(wall));
    }

    double medianCpu() {
      return seconds(ValidateBenchmark.median(cpu));
    }

    void print() {
      if (wall.isEmpty()) {
        return;
      }
      System.out.printf(
          Locale.ROOT,
          "%s: median %.2f s wall (runs %s)%s%n",
          name,
          medianWall(),
          times(wall),
          cpu.stream().allMatch(c -> c == 0)
              ? " (a child process)"
              : String.format(
                  Locale.ROOT, ", process cpu %s s, heap peak %d MB", times(cpu), peak >> 20));
    }
  }

  /** {@code tar} over the same folders, when a {@code tar} is on the path (else skipped). */
  private static final class Tar {
    static void time(Path base, Path source, Timings create, Timings extract) throws Exception {
      List<String> folders = new ArrayList<>();
      try (var list = Files.list(source)) {
        list.filter(Files::isDirectory)
            .map(p -> p.getFileName().toString())
            .filter(n -> !n.equals("promotions") && !n.startsWith("."))
            .sorted()
            .forEach(folders::add);
      }
      Path tar = base.resolve("floor.tar");
      List<String> cf =
          new ArrayList<>(List.of("tar", "-cf", tar.toString(), "-C", source.toString()));
      cf.addAll(folders);
      if (!run(cf, create)) {
        return;
      }
      Path into = Files.createDirectories(base.resolve("tar-out"));
      run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()), extract);
      ValidateBenchmark.delete(into);
      Files.deleteIfExists(tar);
    }

    private static boolean run(List<String> command, Timings timings) throws Exception {
      try {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
          System.out.println(command.get(0) + " failed; its column is left out");
          return false;
        }
        timings.wall.add(System.nanoTime() - start);
        timings.cpu.add(0L); // the child's CPU time is not this process's

        return true;
      } catch (java.io.IOException noTar) {
        System.out.println("no tar on the path; its column is left out");
        return false;
      }
    }
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
