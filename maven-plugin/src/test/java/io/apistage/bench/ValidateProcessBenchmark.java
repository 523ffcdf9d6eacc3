package io.apistage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole processes side by side on the synthetic repository, as a CI build runs them: {@code mvn -B
 * -q apistage:validate} without a cache (cold), the same with the cache of the base commit after 10
 * changed Api files, and ajv-cli 5 run once per kind over the same files against the same schemas
 * (skipped, with a line saying so, when {@code npx} is absent). Each is timed as a process, with
 * its peak RSS from {@code /usr/bin/time -v} where that exists; the ratios to ajv-cli are printed.
 *
 * <p>Maven runs the plugin from a private local repository ({@code target/bench-repo}) into which
 * this build's jars are copied, its dependencies read from {@code ~/.m2}. System properties: those
 * of {@link ValidateBenchmark}, plus {@code apistage.bench.version} (the project version, set by
 * the profile), {@code apistage.bench.processRuns} (3) and {@code apistage.bench.coldOpts}
 * (MAVEN_OPTS variants of the cold and the cached runs, separated by {@code |}).
 */
public final class ValidateProcessBenchmark {

  private static final Pattern RSS =
      Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

  private static final Pattern CPU =
      Pattern.compile("(?:User|System) time \\(seconds\\): ([0-9.]+)");

  private ValidateProcessBenchmark() {}

  /**
   * One process run: wall time in nanoseconds, peak RSS in KB and user+system CPU seconds (0 when
   * unknown), exit code, output.
   */
  record Run(long wall, long rssKb, double cpu, int exit, String output) {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    int runs = Integer.getInteger("apistage.bench.processRuns", 3);
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    String version = System.getProperty("apistage.bench.version", "0.1.0-SNAPSHOT");
    List<String> coldOpts =
        Arrays.asList(System.getProperty("apistage.bench.coldOpts", "").split("\\|", -1));
    Path root =
        dir.isBlank()
            ? Files.createTempDirectory("apistage-bench-process-")
            : Path.of(dir).resolve("process-" + apis);
    try {
      run(new Setup(root, apis, seed, version), runs, coldOpts);
    } finally {
      if (dir.isBlank()) {
        ValidateBenchmark.delete(root);
      }
    }
  }

  private record Setup(Path root, int apis, long seed, String version) {}

  private static void run(Setup setup, int runs, List<String> coldOpts) throws Exception {
    System.out.println("== validate as a whole process, beside ajv-cli");
    System.out.println("load average at the start: " + loadAverage());
    Path repo = setup.root().resolve("repo");
    if (!Files.isDirectory(repo.resolve(".git"))) {
      SyntheticRepo.write(repo, setup.apis(), setup.seed());
      Files.writeString(repo.resolve("pom.xml"), pom(setup.version()));
      Files.writeString(repo.resolve(".gitignore"), "target/\n");
      exec(repo, List.of("git", "init", "-q"), null);
      exec(repo, List.of("git", "add", "-A"), null);
      exec(
          repo,
          List.of(
              "git",
              "-c",
              "user.name=bench",
              "-c",
              "user.email=b@example.com",
              "commit",
              "-qm",
              "base"),
          null);
    }
    Path local = MavenRepo.prepare(setup.root(), setup.version());
    List<String> mvn = MavenRepo.command(local, setup.version());
    Path cache = repo.resolve("target/apistage/validate-cache");
    // a first run fills the private repository with the plugin's dependencies; not timed
    check(exec(repo, MavenRepo.online(mvn), null), "first mvn run");

    List<Long> coldTimes = new ArrayList<>();
    List<Double> coldCpu = new ArrayList<>();
    long coldRss = 0;
    for (String opts : coldOpts) {
      List<Run> cold = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        ValidateBenchmark.delete(cache);
        cold.add(check(exec(repo, mvn, opts), "cold validate"));
      }
      long median = median(cold);
      coldTimes.add(median);
      coldCpu.add(cpu(cold));
      coldRss = Math.max(coldRss, maxRss(cold));
      print("validate, no cache, MAVEN_OPTS='" + opts + "'", median, maxRss(cold), cpu(cold));
    }

    // the cache of the base commit, then a pull request that changes 10 Api files
    ValidateBenchmark.delete(cache);
    check(exec(repo, mvn, coldOpts.get(0)), "validate filling the cache");
    Path base = setup.root().resolve("base.cache");
    Files.copy(cache.resolve("validate.cache"), base, StandardCopyOption.REPLACE_EXISTING);
    List<String> changed =
        SyntheticRepo.mutate(
            repo, setup.apis(), setup.seed(), 10, SyntheticRepo.Mutation.DESCRIPTION);
    List<Long> cachedTimes = new ArrayList<>();
    List<Double> cachedCpu = new ArrayList<>();
    for (String opts : coldOpts) {
      List<Run> cached = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Files.copy(base, cache.resolve("validate.cache"), StandardCopyOption.REPLACE_EXISTING);
        cached.add(check(exec(repo, mvn, opts), "cached validate"));
      }
      cachedTimes.add(median(cached));
      cachedCpu.add(cpu(cached));
      print(
          "validate, cache of the base, "
              + changed.size()
              + " Api files changed, MAVEN_OPTS='"
              + opts
              + "'",
          median(cached),
          maxRss(cached),
          cpu(cached));
    }
    exec(repo, List.of("git", "checkout", "-q", "--", "."), null);

    Ajv.Result ajv = Ajv.run(repo, setup.root(), runs);
    if (ajv == null) {
      return;
    }
    print(
        "ajv-cli 5, once per kind (" + ajv.invocations() + " processes)",
        ajv.wall(),
        ajv.rssKb(),
        ajv.cpu());
    for (int i = 0; i < coldOpts.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "ratio cold / ajv-cli (MAVEN_OPTS='%s'): %.2f (target at most 1.0: %s)%n",
          coldOpts.get(i),
          (double) coldTimes.get(i) / ajv.wall(),
          coldTimes.get(i) <= ajv.wall() ? "met" : "not met");
    }
    for (int i = 0; i < coldOpts.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "ratio cached / ajv-cli (MAVEN_OPTS='%s'): %.2f (target under 0.25: %s)%n",
          coldOpts.get(i),
          (double) cachedTimes.get(i) / ajv.wall(),
          cachedTimes.get(i) * 4 < ajv.wall() ? "met" : "not met");
    }
    System.out.println("load average at the end: " + loadAverage());
    if (ajv.cpu() > 0) {
      // on a shared machine the CPU time is the steadier figure
      for (int i = 0; i < coldOpts.size(); i++) {
        System.out.printf(
            Locale.ROOT,
            "CPU ratios (MAVEN_OPTS='%s'): cold / ajv-cli %.2f, cached / ajv-cli %.2f%n",
            coldOpts.get(i),
            coldCpu.get(i) / ajv.cpu(),
            cachedCpu.get(i) / ajv.cpu());
      }
    }
  }

  /** The 1, 5 and 15 minute load averages, as uptime prints them; the machine may be shared. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException e) {
      return "(unknown)";
    }
  }

  private static String pom(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.apistage.bench</groupId>
          <artifactId>synthetic</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
        </project>
        """;
  }

  static void print(String what, long wall, long rssKb, double cpu) {
    System.out.printf(
        Locale.ROOT,
        "%-60s %7.2f s  CPU %6.2f s  peak RSS %s%n",
        what,
        wall / 1e9,
        cpu,
        rssKb > 0 ? (rssKb >> 10) + " MB" : "(unknown)");
  }

  /** The median user+system CPU seconds of some runs. */
  static double cpu(List<Run> runs) {
    double[] cpus = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
    return cpus[cpus.length / 2];
  }

  static Run check(Run run, String what) {
    if (run.exit() != 0) {
      throw new IllegalStateException(what + " failed (exit " + run.exit() + "):\n" + run.output());
    }
    return run;
  }

  static long median(List<Run> runs) {
    long[] walls = runs.stream().mapToLong(Run::wall).sorted().toArray();
    return walls[walls.length / 2];
  }

  static long maxRss(List<Run> runs) {
    return runs.stream().mapToLong(Run::rssKb).max().orElse(0);
  }

  /**
   * Runs a command in a folder, timed, through {@code /usr/bin/time -v} when it exists; {@code
   * mavenOpts} (when not null) is the process's MAVEN_OPTS.
   */
  static Run exec(Path dir, List<String> command, String mavenOpts)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    if (timed) {
      full.addAll(List.of("/usr/bin/time", "-v"));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
    if (mavenOpts != null) {
      builder.environment().put("MAVEN_OPTS", mavenOpts);
    }
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    long wall = System.nanoTime() - start;
    String text = new String(out, StandardCharsets.UTF_8);
    long rss = 0;
    Matcher m = RSS.matcher(text);
    while (m.find()) {
      rss = Math.max(rss, Long.parseLong(m.group(1)));
    }
    double cpu = 0;
    Matcher c = CPU.matcher(text);
    while (c.find()) {
      cpu += Double.parseDouble(c.group(1));
    }
    return new Run(wall, rss, cpu, process.exitValue(), text);
  }
}
