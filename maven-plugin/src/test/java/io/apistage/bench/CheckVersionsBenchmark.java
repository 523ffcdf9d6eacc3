package io.apistage.bench;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Shows that check-versions costs what the change costs, not what the repository costs: the same
 * change to 10 Apis is checked in a repository of 10,000 Apis with 1,000 commits of history and in
 * one of 100 Apis with the same history, and the medians are compared (target: a ratio under 1.5).
 * The history is written with {@code git fast-import} (1,000 commits on {@code main}, each editing
 * one Api file), then a branch {@code feature} commits the change, as a pull request would. The
 * check runs in this JVM after warm-ups.
 *
 * <p>System properties: {@code apistage.bench.apis} (the large size, default 10000), {@code
 * apistage.bench.runs} (5), {@code apistage.bench.warmups} (2), {@code apistage.bench.seed} (42),
 * {@code apistage.bench.dir} (keep the repositories there; default a temporary folder).
 */
public final class CheckVersionsBenchmark {

  private static final int COMMITS = 1_000;
  private static final int CHANGED = 10;

  private CheckVersionsBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int large = Integer.getInteger("apistage.bench.apis", 10_000);
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    int warmups = Math.max(5, Integer.getInteger("apistage.bench.warmups", 5));
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    Path root = dir.isBlank() ? Files.createTempDirectory("apistage-bench-cv-") : Path.of(dir);
    System.out.println("== check-versions benchmark");
    try {
      Path small = build(root.resolve("apis-100"), 100, seed);
      Path big = build(root.resolve("apis-" + large), large, seed);
      System.out.println(
          "medians of "
              + runs
              + " runs, small and large alternating so load on the machine hits both alike;"
              + " warm: the goal again in this JVM; cold: a fresh JVM per run, as each CI build is");
      for (SyntheticRepo.Mutation change :
          List.of(
              SyntheticRepo.Mutation.OPTIONAL_PARAMETER,
              SyntheticRepo.Mutation.BREAKING_UNBUMPED)) {
        SyntheticRepo.mutate(small, 100, seed, CHANGED, change);
        SyntheticRepo.mutate(big, large, seed, CHANGED, change);
        String verdict = change == SyntheticRepo.Mutation.BREAKING_UNBUMPED ? "error" : "ok";
        String label =
            change == SyntheticRepo.Mutation.BREAKING_UNBUMPED
                ? "breaking, refused"
                : "minor, passes";
        for (int i = 0; i < warmups; i++) {
          once(small, verdict);
          once(big, verdict);
        }
        List<Long> ws = new ArrayList<>();
        List<Long> wl = new ArrayList<>();
        List<Long> cs = new ArrayList<>();
        List<Long> cl = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          ws.add(once(small, verdict));
          wl.add(once(big, verdict));
        }
        for (int i = 0; i < runs; i++) {
          cs.add(cold(small));
          cl.add(cold(big));
        }
        report(label + ", warm", median(ws), large, median(wl));
        report(label + ", cold", median(cs), large, median(cl));
      }
      List<Long> gs = new ArrayList<>();
      List<Long> gl = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        gs.add(gitStatus(small));
        gl.add(gitStatus(big));
      }
      System.out.println(
          "for reference, the work-tree scan as git does it (a stat per tracked file, a listing per"
              + " folder):");
      report("git status -- apis", median(gs), large, median(gl), "");
    } finally {
      if (dir.isBlank()) {
        delete(root);
      }
    }
  }

  private static void report(String label, double small, int large, double big) {
    report(label, small, large, big, " (target < 1.5)");
  }

  private static void report(String label, double small, int large, double big, String target) {
    System.out.printf(
        Locale.ROOT,
        "%-26s 100 Apis: %7.1f ms   %d Apis: %7.1f ms   ratio %.2f%s%n",
        label,
        small,
        large,
        big,
        big / small,
        target);
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2) / 1e6;
  }

  /** A config root of {@code apis} Apis with 1,001 commits on main and a branch feature. */
  private static Path build(Path root, int apis, long seed) throws Exception {
    long start = System.nanoTime();
    if (Files.exists(root)) {
      delete(root); // a run before left it in apistage.bench.dir; the history is written anew
    }
    SyntheticRepo.Stats stats = SyntheticRepo.write(root, apis, seed);
    history(root, stats.apiFiles());
    git(root, "checkout", "-q", "-b", "feature");
    SyntheticRepo.mutate(root, apis, seed, CHANGED, SyntheticRepo.Mutation.OPTIONAL_PARAMETER);
    git(root, "commit", "-q", "-a", "-m", "a new optional parameter in 10 Apis");
    System.out.printf(
        Locale.ROOT,
        "repository: %d Api files, %d commits on main and 1 on feature; %s (built in %.1f s)%n",
        apis,
        COMMITS + 1,
        stats.summary(),
        (System.nanoTime() - start) / 1e9);
    return root;
  }

  /** One run of the goal in this JVM; checks it judged the 10 changed Apis as expected. */
  private static long once(Path root, String verdict) throws Exception {
    GoalContext context = GoalContext.of(root, root.resolve("target/apistage"), Log.NONE);
    long t = System.nanoTime();
    GoalResult result = new CheckVersionsGoal(context, new CheckVersionsRequest(null)).execute();
    long took = System.nanoTime() - t;
    List<?> checked = (List<?>) result.body().toJson().get("apis");
    if (checked.size() != CHANGED
        || !checked.stream().allMatch(a -> verdict.equals(((Map<?, ?>) a).get("verdict")))) {
      throw new IllegalStateException(
          "expected " + CHANGED + " Apis with verdict " + verdict + ": " + result.message());
    }
    return took;
  }

  /** The wall time of a fresh JVM that runs the goal once. */
  private static long cold(Path root) throws IOException, InterruptedException {
    {
      long t = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Once.class.getName(),
                  root.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("the cold run failed: " + output);
      }
      return System.nanoTime() - t;
    }
  }

  /** The wall time of {@code git status --porcelain -- apis}, process start included. */
  private static long gitStatus(Path root) throws IOException, InterruptedException {
    long t = System.nanoTime();
    git(root, "status", "--porcelain", "--", "apis");
    return System.nanoTime() - t;
  }

  /** Runs check-versions once in a fresh JVM, for the cold measurement. */
  public static final class Once {
    private Once() {}

    /** Runs the goal on the config root {@code args[0]}. */
    public static void main(String[] args) throws Exception {
      Path root = Path.of(args[0]);
      GoalContext context = GoalContext.of(root, root.resolve("target/apistage"), Log.NONE);
      GoalResult result = new CheckVersionsGoal(context, new CheckVersionsRequest(null)).execute();
      if (((List<?>) result.body().toJson().get("apis")).size() != CHANGED) {
        throw new IllegalStateException(result.message());
      }
    }
  }

  /** 1,000 commits on main, each editing one Api file, the last restoring what the files hold. */
  private static void history(Path root, List<String> apiFiles)
      throws IOException, InterruptedException {
    git(root, "init", "-q", "-b", "main");
    Files.writeString(root.resolve(".gitignore"), "target/\n");
    Process p =
        new ProcessBuilder("git", "fast-import", "--quiet")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    long time = 1_767_600_000L;
    try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 20)) {
      List<String> all = new ArrayList<>();
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .map(f -> root.relativize(f).toString().replace('\\', '/'))
            .filter(f -> !f.startsWith(".git/"))
            .sorted()
            .forEach(all::add);
      }
      List<String> touched = new ArrayList<>();
      for (int c = 0; c < COMMITS; c++) {
        header(out, time + 60L * c, c == 0 ? "the config as it was" : "edit " + c);
        if (c == 0) {
          for (String f : all) {
            blob(out, f, Files.readAllBytes(root.resolve(f)));
          }
        } else {
          String f = apiFiles.get((int) ((long) c * 7919 % apiFiles.size()));
          touched.add(f);
          byte[] bytes = Files.readAllBytes(root.resolve(f));
          byte[] edited =
              (new String(bytes, StandardCharsets.UTF_8) + "# revision " + c + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          blob(out, f, edited);
        }
      }
      header(out, time + 60L * COMMITS, "the config as it is");
      for (String f : new TreeSet<>(touched)) {
        blob(out, f, Files.readAllBytes(root.resolve(f)));
      }
    }
    if (p.waitFor() != 0) {
      throw new IOException(
          "git fast-import failed: "
              + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    git(root, "reset", "-q");
  }

  private static void header(OutputStream out, long when, String message) throws IOException {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("commit refs/heads/main\nauthor Bench <bench@example.com> "
                + when
                + " +0000\ncommitter Bench <bench@example.com> "
                + when
                + " +0000\ndata "
                + msg.length
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(msg);
    out.write('\n');
  }

  private static void blob(OutputStream out, String path, byte[] bytes) throws IOException {
    out.write(
        ("M 100644 inline " + path + "\ndata " + bytes.length + "\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(bytes);
    out.write('\n');
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-c");
    cmd.add("user.name=Bench");
    cmd.add("-c");
    cmd.add("user.email=bench@example.com");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    p.getInputStream().transferTo(output);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + output);
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
