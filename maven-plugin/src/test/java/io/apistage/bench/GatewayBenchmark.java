package io.apistage.bench;

import io.apistage.deploy.DeployGoal;
import io.apistage.deploy.DeployRequest;
import io.apistage.gateway.Backend;
import io.apistage.gateway.GatewayFixture;
import io.apistage.gateway.Nginx;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.StageRepo;
import io.apistage.gateway.nginx.NginxRenderer;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Deploys a stage of 10,000 Apis on a real nginx (render, nginx -t, reload, ready) and reports the
 * time and nginx's memory; then requests per second for one route through the gateway against the
 * backend alone. What nginx cannot enforce in the synthetic repository (header-transform, a debug
 * audit log, hourly and daily limits that do not divide into whole requests per minute) is replaced
 * by what it can (limits per minute), and logs go to the benchmark's folder.
 *
 * <p>System properties: {@code apistage.bench.apis} (default 10000), {@code apistage.bench.seed}
 * (42), {@code apistage.bench.requests} (default 20000 per side).
 */
public final class GatewayBenchmark {

  private static final Pattern SECRET = Pattern.compile("\\$\\{secret:([A-Za-z_][A-Za-z0-9_]*)\\}");

  private GatewayBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    System.out.println("== gateway benchmark");
    if (!Nginx.installed()) {
      System.out.println("skipped: " + Nginx.MISSING);
      return;
    }
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    Path root = Files.createTempDirectory("apistage-gateway-bench-");
    try {
      deployLarge(root.resolve("repo"), root.resolve("nginx"), apis);
      throughput(root.resolve("small"), root.resolve("nginx-small"));
    } finally {
      delete(root);
    }
  }

  private static void deployLarge(Path repo, Path prefix, int apis) throws Exception {
    GoalContext context = prepare(repo, prefix, apis);
    try (Nginx nginx = Nginx.prepare(prefix)) {
      nginx.start();
      long before = rssKb(nginx.pid());
      long start = System.nanoTime();
      GoalResult result =
          new DeployGoal(
                  context,
                  new DeployRequest(
                      "dev", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(120)))
              .execute();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (result.fails(false)) {
        result.problems().stream().limit(5).forEach(p -> System.out.println("  " + p.format()));
        throw new IllegalStateException(result.message());
      }
      Path file = nginx.conf().getParent().resolve("apistage/dev.conf");
      System.out.printf(
          Locale.ROOT,
          "deploy of %,d Apis (render, nginx -t, reload, ready): %.2f s;"
              + " file %,d KB, %,d locations, %,d limit_req zones%n",
          apis,
          seconds,
          Files.size(file) >> 10,
          count(file, "    location "),
          count(file, "limit_req_zone "));
      ((RecordingLog) context.log())
          .lines().stream()
              .filter(line -> line.contains(" took "))
              .forEach(line -> System.out.println("  " + line));
      Thread.sleep(1000);
      System.out.printf(
          Locale.ROOT,
          "nginx memory (RSS of master and workers): %,d MB before," + " %,d MB after%n",
          before >> 10,
          rssKb(nginx.pid()) >> 10);
      phases(context, nginx);
    }
  }

  /**
   * The deploy's parts timed apart, after it: reading the stage's state, rendering it, and {@code
   * nginx -t} of the deployed file.
   */
  private static void phases(GoalContext context, Nginx nginx) throws Exception {
    long start = System.nanoTime();
    Config config = new ConfigLoader().loadStages(context.configDir());
    double load = (System.nanoTime() - start) / 1e9;
    Stage stage = StageChain.of(config).required("dev", "deploy");
    StageState state;
    start = System.nanoTime();
    try (GitRepo git = GitRepo.open(context.configDir())) {
      state = new StageStore(git, Map.of()).read(stage, StageReader.Depth.DEPLOYED);
    }
    double read = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    new NginxRenderer()
        .render(state, new Secrets(context.env(), Map.of()), "127.0.0.1:" + Nginx.freePort());
    double render = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    Process test =
        new ProcessBuilder(Nginx.BIN, "-q", "-t", "-c", nginx.conf().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int exit = test.waitFor();
    double check = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "parts, timed again after the deploy: loading the working tree's stages %.2f s,"
            + " reading the stage's state %.2f s, rendering %.2f s, nginx -t %.2f s (exit %d),"
            + " a reload until new workers run %.2f s%n",
        load,
        read,
        render,
        check,
        exit,
        reload(nginx));
  }

  /** Seconds from {@code nginx -s reload} until the master runs a worker it did not run before. */
  private static double reload(Nginx nginx) throws Exception {
    List<Long> before =
        ProcessHandle.of(nginx.pid()).orElseThrow().children().map(ProcessHandle::pid).toList();
    long start = System.nanoTime();
    new ProcessBuilder(Nginx.BIN, "-s", "reload", "-c", nginx.conf().toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    long deadline = start + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline
        && ProcessHandle.of(nginx.pid())
            .orElseThrow()
            .children()
            .allMatch(p -> before.contains(p.pid()))) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Writes the synthetic repository with a gateway on stage dev and promotes main into dev. */
  static GoalContext prepare(Path repo, Path prefix, int apis) throws Exception {
    SyntheticRepo.write(repo, apis, Long.getLong("apistage.bench.seed", 42L));
    int port = Nginx.freePort();
    Files.writeString(
        repo.resolve("stages/dev.yaml"),
        "kind: Stage\nname: dev\ntrack: main\n"
            + "gateway: { type: nginx, listen: 127.0.0.1:"
            + port
            + " }\n");
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(file);
        if (text.contains("period: hour") || text.contains("period: day")) {
          // nginx counts per second or minute; the synthetic hourly limits do not divide evenly
          text =
              text.replace("period: hour", "period: minute")
                  .replace("period: day", "period: minute");
          Files.writeString(file, text);
        }
        if (file.getParent().getFileName().toString().equals("policies")) {
          text = supported(text, prefix);
          Files.writeString(file, text);
        }
      }
    }
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Bench", "bench@example.com");
      git.commit().setMessage("synthetic repository").setAuthor(who).setCommitter(who).call();
    }
    GoalContext context =
        new GoalContext(
            repo, repo.resolve("target/apistage"), false, secretsOf(repo), new RecordingLog());
    promote(context);
    return context;
  }

  /** Promotes main into dev (track-main); a failure prints its first problems and throws. */
  static void promote(GoalContext context) throws Exception {
    GoalResult promoted =
        new PromoteGoal(
                context,
                new PromoteRequest(PromoteGoal.TRACK_MAIN, false, false, Clock.systemUTC()))
            .execute();
    if (promoted.fails(false)) {
      promoted.problems().stream().limit(5).forEach(p -> System.out.println("  " + p.format()));
      throw new IllegalStateException(promoted.message());
    }
  }

  /** The environment that resolves every {@code ${secret:NAME}} of the repository. */
  static Map<String, String> secretsOf(Path repo) throws IOException {
    Map<String, String> env = new HashMap<>();
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Matcher m = SECRET.matcher(Files.readString(file));
        while (m.find()) {
          env.put("APISTAGE_SECRET_" + m.group(1), "bench-" + m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return env;
  }

  private static String supported(String policy, Path prefix) {
    if (policy.contains("type: header-transform")) {
      return policy.substring(0, policy.indexOf("type:")) + "type: request-id\n";
    }
    if (policy.contains("type: logging")) {
      return policy.substring(0, policy.indexOf("type:"))
          + "type: logging\nconfig:\n  path: "
          + prefix.toAbsolutePath()
          + "/logs/access.json\n";
    }
    return policy;
  }

  private static long count(Path file, String prefix) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith(prefix)).count();
    }
  }

  /** The resident memory of a process and its children, in KB, from /proc. */
  private static long rssKb(long pid) {
    List<ProcessHandle> all = new ArrayList<>();
    ProcessHandle.of(pid).ifPresent(all::add);
    ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(all::add));
    long total = 0;
    for (ProcessHandle p : all) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            total += Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException e) {
        // the process ended meanwhile
      }
    }
    return total;
  }

  private static void throughput(Path repo, Path prefix) throws Exception {
    int requests = Integer.getInteger("apistage.bench.requests", 20_000);
    // the JDK server writes headers and body apart; without TCP_NODELAY each answer waits for the
    // client's delayed ACK (about 40 ms), which hides everything else on both sides
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (Backend backend = Backend.start();
        Nginx nginx = Nginx.prepare(prefix)) {
      int port = Nginx.freePort();
      Map<String, String> files = new HashMap<>(GatewayFixture.platform(port, backend.url()));
      StageRepo.publish(repo, "qa", files);
      nginx.start();
      GoalContext context =
          new GoalContext(
              repo,
              repo.resolve("target/apistage"),
              false,
              Map.of(
                  "APISTAGE_SECRET_SHOP_KEY",
                  "shop-key-0001",
                  "APISTAGE_SECRET_PARTNER_KEY",
                  "partner-key-0002"),
              new RecordingLog());
      new DeployGoal(
              context,
              new DeployRequest(
                  "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(30)))
          .execute();
      rate("backend alone   GET " + backend.url() + "/items", backend.url() + "/items", requests);
      rate(
          "through nginx   GET /catalog/v1/items",
          "http://127.0.0.1:" + port + "/catalog/v1/items",
          requests);
      double alone = rate("backend alone   (second run)", backend.url() + "/items", requests);
      double through =
          rate(
              "through nginx   (second run)",
              "http://127.0.0.1:" + port + "/catalog/v1/items",
              requests);
      System.out.printf(
          Locale.ROOT, "through nginx / backend alone (second runs): %.2f%n", through / alone);
    }
  }

  /** Requests per second of one side, printed. */
  private static double rate(String what, String url, int requests) throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<Integer>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      parts.add(
          pool.submit(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                int failed = 0;
                for (int i = 0; i < requests / threads; i++) {
                  if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                      != 200) {
                    failed++;
                  }
                }
                return failed;
              }));
    }
    int failed = 0;
    for (Future<Integer> f : parts) {
      failed += f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-45s %,8.0f req/s (%,d requests, 4 threads, keep-alive, %d" + " failed)%n",
        what,
        requests / seconds,
        requests,
        failed);
    return requests / seconds;
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
