package io.apistage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.deploy.DeployGoal;
import io.apistage.deploy.DeployRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Deploys under load on a real nginx: no request to an endpoint present in both states fails while
 * 20 deploys alternate, a slow request spans a reload, and a deploy killed at a random point leaves
 * the gateway serving the old or the new commit, never nothing.
 */
class ZeroDowntimeTest extends NginxOnLoopback {

  private static final int THREADS = 4;
  private static final int MIN_REQUESTS = 5000;
  private static final int DEPLOYS = 20;

  /** State A or B: B adds an endpoint to catalog; orders answers in both. */
  private Map<String, String> state(boolean b) {
    Map<String, String> files = new LinkedHashMap<>(GatewayFixture.platform(port, backend.url()));
    if (b) {
      files.put(
          "apis/catalog/v1.yaml",
          files.get("apis/catalog/v1.yaml").replace("1.0.0", "1.1.0")
              + "  - { name: more, method: GET, path: /more }\n");
    }
    return files;
  }

  private GoalResult deploy() throws Exception {
    GoalContext context =
        new GoalContext(
            dir,
            dir.resolve("target/apistage"),
            false,
            Map.of(
                "APISTAGE_SECRET_SHOP_KEY",
                "shop-key-0001",
                "APISTAGE_SECRET_PARTNER_KEY",
                "partner-key-0002"),
            new RecordingLog());
    return new DeployGoal(
            context,
            new DeployRequest(
                "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(20)))
        .execute();
  }

  /** One request on a new connection; its status, or -1 when it failed. */
  private int call(String path, int timeoutMillis) {
    try {
      HttpURLConnection c =
          (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
      c.setRequestProperty("X-Api-Key", "shop-key-0001");
      c.setRequestProperty("Connection", "close");
      c.setConnectTimeout(timeoutMillis);
      c.setReadTimeout(timeoutMillis);
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      c.disconnect();
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void twentyDeploysUnderLoadFailNoRequestAndASlowRequestSpansAReload() throws Exception {
    StageRepo.publish(dir, "qa", state(false));
    deploy();
    AtomicBoolean deploying = new AtomicBoolean(true);
    AtomicInteger done = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    try {
      List<Future<?>> load = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        load.add(
            pool.submit(
                () -> {
                  int i = 0;
                  while ((deploying.get() || done.get() < MIN_REQUESTS)
                      && System.nanoTime() < deadline) {
                    String path =
                        (i++ % 2 == 0)
                            ? "/orders/v1/orders/" + thread + "-" + i
                            : "/catalog/v1/items";
                    int status = call(path, 10_000);
                    done.incrementAndGet();
                    if (status != 200) {
                      failures.add(path + " -> " + status);
                    }
                  }
                }));
      }
      Future<Integer> slow = null;
      for (int n = 1; n <= DEPLOYS; n++) {
        StageRepo.publish(dir, "qa", state(n % 2 == 1));
        if (n == DEPLOYS / 2) {
          slow = pool.submit(() -> call("/orders/v1/slow", 15_000));
          Thread.sleep(300); // the slow request is in flight on the old workers
        }
        GoalResult result = deploy();
        assertThat(result.message()).startsWith("stage qa deployed");
      }
      deploying.set(false);
      for (Future<?> f : load) {
        f.get(300, TimeUnit.SECONDS);
      }
      assertThat(slow).isNotNull();
      assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    } finally {
      deploying.set(false);
      pool.shutdownNow();
    }
    assertThat(done.get()).isGreaterThanOrEqualTo(MIN_REQUESTS);
    assertThat(failures).as("failed requests of " + done.get()).isEmpty();
    assertThat(backend.seen).anyMatch(s -> s.startsWith("GET /orders-api/slow app=shop"));
  }

  @Test
  void aDeployKilledAtARandomPointLeavesTheOldOrTheNewCommitServing() throws Exception {
    String previous = StageRepo.publish(dir, "qa", state(false));
    long started = System.nanoTime();
    Process first = deployProcess(0);
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(seen(0)).isZero();
    int whole = (int) ((System.nanoTime() - started) / 1_000_000);
    Path live = nginx.conf().getParent().resolve("apistage/qa.conf");
    Path beside = live.resolveSibling(".qa.conf.next");
    Random random = new Random(14);
    for (int n = 1; n <= 10; n++) {
      // a deploy killed while it moved the stage's ref leaves JGit's lock file: the operator
      // removes it, as the deploy's warning and docs/gateway.md say
      Files.deleteIfExists(dir.resolve(".git/refs/heads/apistage/stage/qa.lock"));
      String next = StageRepo.publish(dir, "qa", state(n % 2 == 1));
      Files.deleteIfExists(beside); // what a deploy killed before its rename left
      Process process = deployProcess(n);
      String point;
      try {
        if (n % 2 == 1) {
          // anywhere in a whole deploy: start, reading, rendering, or its steps on nginx
          int millis = random.nextInt(whole);
          point = millis + " ms after the start (a whole deploy took " + whole + " ms)";
          Thread.sleep(millis);
        } else {
          // within its steps on nginx: nginx -t, rename, reload, the wait, the record
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (!Files.exists(beside) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
          }
          int millis = random.nextInt(600);
          point = millis + " ms after the new file was written beside";
          Thread.sleep(millis);
        }
      } finally {
        process.destroyForcibly(); // SIGKILL to this deploy's own pid
        process.waitFor(10, TimeUnit.SECONDS);
      }
      String killed = "kill " + n + " at " + point + ", file " + commitOf(live) + ", " + seen(n);
      assertThat(wellKnown()).as(killed).isIn(body(previous), body(next));
      for (int i = 0; i < 20; i++) {
        assertThat(call("/orders/v1/orders/" + i, 5000)).as(killed).isEqualTo(200);
      }
      GoalResult again = deploy(); // the next deploy finishes what the killed one left
      String after = killed + "; then " + again.message();
      // every new connection, not one, reaches the new commit once deploy returned
      for (int i = 0; i < 20; i++) {
        assertThat(wellKnown()).as(after).isEqualTo(body(next));
      }
      assertThat(again.problems()).as(after).isEmpty();
      previous = next;
    }
  }

  /** A deploy in a JVM of its own, whose pid the test may kill. */
  private Process deployProcess(int n) throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            DeployProcess.class.getName(),
            dir.toString(),
            nginx.conf().toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("deploy-" + n + ".log").toFile())
        .start();
  }

  /** The commit line of a rendered file. */
  private static String commitOf(Path file) throws IOException {
    return Files.readString(file)
        .lines()
        .filter(l -> l.startsWith("# apistage-commit: "))
        .findFirst()
        .orElse("without commit");
  }

  /** What the killed deploy printed and what nginx logged, for a failure's message. */
  private String seen(int n) throws IOException {
    return "deploy log: "
        + Files.readString(dir.resolve("deploy-" + n + ".log")).strip()
        + "; nginx error log: "
        + nginx.errorLog().strip();
  }

  private String body(String commit) {
    return "{\"stage\":\"qa\",\"commit\":\"" + commit + "\"}\n";
  }

  private String wellKnown() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            new URL("http://127.0.0.1:" + port + "/.well-known/apistage").openConnection();
    // a new connection: one kept alive from before a reload is still served by an old worker
    c.setRequestProperty("Connection", "close");
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
