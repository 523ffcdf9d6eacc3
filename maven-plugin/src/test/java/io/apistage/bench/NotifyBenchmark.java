package io.apistage.bench;

import com.sun.net.httpserver.HttpServer;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.notice.NotifyGoal;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import io.apistage.testing.GitRepoBuilder;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times notices to 1,000 applications, each subscribed (through a package) to an Api that changes,
 * all with webhooks on one loopback receiver that answers 204:
 *
 * <ul>
 *   <li><b>promote</b>: a promotion of a new version of the Api to dev, from the first Git read to
 *       the last delivery recorded: planning, the stage commit with its 1,000 notices (the outbox),
 *       the signed sends and the delivery record, by compare-and-swap;
 *   <li><b>notify</b>: the same 1,000 notices, written by a promotion without the secret, then
 *       delivered by {@code notify} alone (reading the outbox, signing, sending 8 at a time,
 *       recording);
 *   <li><b>floor</b>: 1,000 plain POSTs of a notice's body with the JDK's HTTP client to the same
 *       receiver, 8 at a time (the concurrency apistage uses), no signing, no Git.
 * </ul>
 *
 * <p>System properties: {@code apistage.bench.runs} (default 5), {@code apistage.bench.warmups} (1
 * here at most), {@code apistage.bench.dir} (keep the repository there).
 */
public final class NotifyBenchmark {

  private static final int APPLICATIONS = 1_000;
  private static final int IN_FLIGHT = 8;
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("the benchmark's webhook secret!!".getBytes());

  private NotifyBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    int warmups = Math.min(1, Integer.getInteger("apistage.bench.warmups", 1));
    String dir = System.getProperty("apistage.bench.dir", "");
    Path root =
        dir.isBlank()
            ? Files.createTempDirectory("apistage-bench-notify-")
            : Path.of(dir).resolve("notify");
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<String> lastBody = new AtomicReference<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
    receiver.setExecutor(receiverThreads);
    receiver.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            lastBody.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          requests.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      run(
          root,
          "http://127.0.0.1:" + receiver.getAddress().getPort(),
          runs,
          warmups,
          requests,
          lastBody);
    } finally {
      receiver.stop(0);
      receiverThreads.shutdownNow();
      if (dir.isBlank()) {
        ValidateBenchmark.delete(root);
      }
    }
  }

  private static void run(
      Path root,
      String receiver,
      int runs,
      int warmups,
      AtomicInteger requests,
      AtomicReference<String> lastBody)
      throws Exception {
    System.out.println("== notify benchmark");
    System.out.printf(
        Locale.ROOT,
        "JVM: Java %s, %d processors, max heap %d MB; load average %.1f%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    try (GitRepoBuilder repo = GitRepoBuilder.init(root).as("Bench", "bench@example.com")) {
      write(repo, receiver);
      repo.commit(APPLICATIONS + " applications subscribed to orders@1");
      // the first promotion creates orders@1 on dev and warms the JVM up: not timed
      check(promote(root, true), APPLICATIONS, requests);
      List<Long> promotes = new ArrayList<>();
      List<Long> notifies = new ArrayList<>();
      List<Long> floors = new ArrayList<>();
      int version = 1;
      for (int i = -warmups; i < runs; i++) {
        newVersion(repo, version++);
        long start = System.nanoTime();
        check(promote(root, true), APPLICATIONS, requests);
        long promoted = System.nanoTime() - start;

        newVersion(repo, version++);
        check(promote(root, false), 0, requests);
        start = System.nanoTime();
        GoalResult notified =
            new NotifyGoal(
                    context(root, true),
                    new NotifyGoal.Request("dev", Map.of(), Map.of(), Clock.systemUTC()))
                .execute();
        long notify = System.nanoTime() - start;
        if (!notified.message().equals("notify: " + APPLICATIONS + " delivered, 0 waiting")) {
          throw new IllegalStateException(notified.message());
        }
        check(notified, APPLICATIONS, requests);

        // the floor sends a real notice's body (the last one received), unsigned
        String body = lastBody.get();
        start = System.nanoTime();
        floor(receiver, body);
        long floor = System.nanoTime() - start;
        check(null, APPLICATIONS, requests);
        if (i >= 0) {
          promotes.add(promoted);
          notifies.add(notify);
          floors.add(floor);
        }
      }
      long p = ValidateBenchmark.median(promotes);
      long n = ValidateBenchmark.median(notifies);
      long f = ValidateBenchmark.median(floors);
      System.out.printf(
          Locale.ROOT,
          "%d applications, a notice's body %d bytes, %d runs after %d warm-up, medians:%n",
          APPLICATIONS,
          lastBody.get().length(),
          runs,
          warmups);
      System.out.printf(
          Locale.ROOT,
          "floor:   %6.2f s  %d plain POSTs, %d in flight (runs %s)%n",
          f / 1e9,
          APPLICATIONS,
          IN_FLIGHT,
          times(floors));
      System.out.printf(
          Locale.ROOT,
          "notify:  %6.2f s  %.1fx the floor: read the outbox, sign, send, record (runs %s)%n",
          n / 1e9,
          (double) n / f,
          times(notifies));
      System.out.printf(
          Locale.ROOT,
          "promote: %6.2f s  %.1fx the floor: plan, commit with the notices, deliver, record"
              + " (runs %s)%n",
          p / 1e9,
          (double) p / f,
          times(promotes));
    }
  }

  private static void write(GitRepoBuilder repo, String receiver) {
    repo.write("stages/dev.yaml", "kind: Stage\nname: dev\ntrack: main\n")
        .write(
            "plans/free.yaml", "kind: Plan\nname: free\nprice: 0\ncurrency: EUR\nperiod: month\n")
        .write(
            "packages/shop.yaml", "kind: Package\nname: shop\napis: [orders@1]\nplans: [free]\n");
    for (int a = 0; a < APPLICATIONS; a++) {
      String name = String.format(Locale.ROOT, "app-%04d", a);
      repo.write(
              "applications/" + name + ".yaml",
              "kind: Application\nname: "
                  + name
                  + "\ncontact:\n  webhook:\n    url: "
                  + receiver
                  + "/hooks/"
                  + name
                  + "\n    secret: \"${secret:HOOKS}\"\n")
          .write(
              "subscriptions/" + name + "-shop.yaml",
              "kind: Subscription\nname: "
                  + name
                  + "-shop\napplication: "
                  + name
                  + "\npackage: shop\nplan: free\n");
    }
    newVersionFiles(repo, 0);
  }

  private static void newVersion(GitRepoBuilder repo, int version) {
    newVersionFiles(repo, version);
    repo.commit("orders 1." + version + ".0");
  }

  private static void newVersionFiles(GitRepoBuilder repo, int version) {
    StringBuilder api =
        new StringBuilder(
            "kind: Api\nname: orders\nversion: 1."
                + version
                + ".0\nstate: published\nbaseUrl: http://orders.internal\nendpoints:\n");
    for (int e = 0; e <= version; e++) {
      api.append("  - { name: get")
          .append(e)
          .append(", method: GET, path: /orders/v")
          .append(e)
          .append(" }\n");
    }
    repo.write("apis/orders/v1.yaml", api.toString());
  }

  private static GoalResult promote(Path root, boolean withSecret) throws Exception {
    return new PromoteGoal(
            context(root, withSecret), new PromoteRequest(null, false, false, Clock.systemUTC()))
        .execute();
  }

  private static GoalContext context(Path root, boolean withSecret) {
    return new GoalContext(
        root,
        root.resolve("target/apistage"),
        false,
        withSecret ? Map.of("APISTAGE_SECRET_HOOKS", SECRET) : Map.of(),
        new RecordingLog());
  }

  /** Checks a goal passed and the receiver got exactly {@code expected} requests since the last. */
  private static void check(GoalResult result, int expected, AtomicInteger requests) {
    if (result != null && !"OK".equals(result.code())) {
      throw new IllegalStateException(result.message() + " " + result.problems());
    }
    int got = requests.getAndSet(0);
    if (got != expected) {
      throw new IllegalStateException(
          "the receiver got " + got + " requests, not " + expected + ": " + result);
    }
  }

  /** 1,000 POSTs with the JDK client, {@value #IN_FLIGHT} at a time, each must answer 2xx. */
  private static void floor(String receiver, String body) throws Exception {
    HttpClient client = HttpClient.newBuilder().build();
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int a = 0; a < APPLICATIONS; a++) {
        URI uri = URI.create(receiver + "/hooks/app-" + a);
        sent.add(
            pool.submit(
                () ->
                    client
                        .send(
                            HttpRequest.newBuilder(uri)
                                .header("content-type", "application/json")
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        body, StandardCharsets.UTF_8))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
      }
      for (Future<Integer> f : sent) {
        if (f.get() / 100 != 2) {
          throw new IllegalStateException("the receiver answered " + f.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String times(List<Long> nanos) {
    List<String> out = new ArrayList<>();
    nanos.forEach(n -> out.add(String.format(Locale.ROOT, "%.2f", n / 1e9)));
    return String.join(" ", out);
  }
}
