package io.apistage.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the delivering process, 10 times at seeded random points: a {@code notify} in
 * a JVM of its own ({@link NotifyProcess}) is killed when the loopback receiver has got its k-th
 * request, either while that request waits for its answer or a random moment after it was answered
 * (during later sends, while the delivery record is written, or after the process ended). Whenever
 * nothing is pending before a round, a promotion adds 16 new notices. After the 10 kills one more
 * {@code notify} runs to its end. Then no notice is lost (every one is recorded delivered), none is
 * recorded delivered twice, and none is recorded delivered that the receiver did not answer with a
 * 2xx. The receiver may see a notice twice (sent, then killed before the record was written, then
 * sent again by the next run with the same {@code webhook-id}): delivery is at least once, and
 * receivers deduplicate on {@code webhook-id} (docs/notices.md).
 *
 * <p>Every wait is on an event (the receiver got request k, the process ended), bounded; no step
 * assumes how fast the machine is. The seed is {@code -Dapistage.kill.seed} (default 15).
 */
class NoticeKillTest {

  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("the kill test's webhook secret!!".getBytes());

  private static final int APPLICATIONS = 16;
  private static final int KILLS = 10;

  @TempDir Path dir;

  /** One round's kill point, as the receiver sees it. */
  static final class Round {
    final int killAt;
    final boolean hold;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger seen = new AtomicInteger();

    Round(int killAt, boolean hold) {
      this.killAt = killAt;
      this.hold = hold;
    }
  }

  /** A receiver that answers 200 and tells a round when its k-th request arrived. */
  static final class KillReceiver implements AutoCloseable {
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final Set<String> answered2xx = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile Round round = new Round(Integer.MAX_VALUE, false);
    private final HttpServer server;

    KillReceiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "kill-test-receiver");
                t.setDaemon(true);
                return t;
              }));
      server.createContext(
          "/",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              in.readAllBytes();
              String id = exchange.getRequestHeaders().getFirst("webhook-id");
              Round r = round;
              received.add(id);
              if (r.seen.incrementAndGet() == r.killAt) {
                r.reached.countDown();
                if (r.hold) {
                  r.release.await(60, TimeUnit.SECONDS);
                }
              }
              answered2xx.add(id);
              exchange.sendResponseHeaders(200, -1);
            } catch (IOException | InterruptedException e) {
              // the sender was killed while this request waited: nothing to answer to
            } finally {
              exchange.close();
            }
          });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void killingTheDeliveringProcessTenTimesLosesNoNoticeAndRecordsNoneDeliveredTwice()
      throws Exception {
    long seed = Long.getLong("apistage.kill.seed", 15L);
    Random random = new Random(seed);
    long start = System.nanoTime();
    List<String> rounds = new ArrayList<>();
    List<String> staleLocks = new ArrayList<>();
    int promotions = 0;
    try (KillReceiver receiver = new KillReceiver();
        GitRepoBuilder repo = GitRepoBuilder.init(dir).as("Alice", "alice@example.com")) {
      repo.write("stages/dev.yaml", "kind: Stage\nname: dev\ntrack: main\n");
      for (int a = 1; a <= APPLICATIONS; a++) {
        String name = String.format("app-%02d", a);
        repo.write(
            "applications/" + name + ".yaml",
            "kind: Application\nname: "
                + name
                + "\napis: [orders@1]\ncontact:\n  webhook: { url: \""
                + receiver.url("/hooks/" + name)
                + "\", secret: \"${secret:HOOK}\" }\n");
      }
      addNotices(repo, promotions++);
      for (int i = 0; i < KILLS; i++) {
        long t0 = System.nanoTime();
        if (NoticeLedger.of(state().history()).pending().isEmpty()) {
          addNotices(repo, promotions++);
        }
        int pending = NoticeLedger.of(state().history()).pending().size();
        long t1 = System.nanoTime();
        // a third of the kills come after the last request, while the delivery is recorded
        int mode = random.nextInt(3);
        Round round = new Round(mode == 0 ? pending : 1 + random.nextInt(pending), mode == 1);
        int delay = mode == 0 ? random.nextInt(600) : mode == 2 ? random.nextInt(200) : 0;
        receiver.round = round;
        Process child = startNotify(i);
        String how = killAt(child, round, delay, i);
        long t2 = System.nanoTime();
        round.release.countDown();
        List<String> locks = removeStaleLocks();
        staleLocks.addAll(locks);
        rounds.add(
            "round "
                + i
                + ": "
                + pending
                + " pending after "
                + promotions
                + " promotions, kill at request "
                + round.killAt
                + (round.hold ? " while it waits for its answer" : " + " + delay + " ms")
                + ": "
                + how
                + (locks.isEmpty() ? "" : ", left " + locks)
                + String.format(" (%.1f s, notify %.1f s)", (t1 - t0) / 1e9, (t2 - t1) / 1e9));
      }
      receiver.round = new Round(Integer.MAX_VALUE, false);
      GoalResult last =
          new NotifyGoal(
                  context(new RecordingLog()).withEnv(Map.of("APISTAGE_SECRET_HOOK", SECRET)),
                  new NotifyGoal.Request("dev", Map.of(), Map.of(), Clock.systemUTC()))
              .execute();
      assertThat(last.message()).endsWith(" delivered, 0 waiting");

      StageState state = state();
      assertThat(state.problems()).isEmpty();
      NoticeLedger ledger = NoticeLedger.of(state.history());
      Set<String> all = new HashSet<>();
      ledger.entries().forEach(e -> all.add(e.notice().id()));
      Map<String, Integer> recordedDelivered = recordedDelivered(state.history());
      int duplicates = receiver.received.size() - new HashSet<>(receiver.received).size();
      System.out.printf(
          "NoticeKillTest seed %d: %d notices, %d requests received (%d duplicates on the wire),"
              + " stale locks removed: %s, %.1f s%n",
          seed,
          all.size(),
          receiver.received.size(),
          duplicates,
          staleLocks,
          (System.nanoTime() - start) / 1e9);
      rounds.forEach(r -> System.out.println("  " + r));

      assertThat(all).hasSize(APPLICATIONS * promotions);
      // no notice lost: each is recorded delivered, exactly once
      assertThat(ledger.pending()).isEmpty();
      assertThat(recordedDelivered.keySet()).isEqualTo(all);
      assertThat(recordedDelivered).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
      // none recorded delivered that the receiver did not answer with a 2xx
      assertThat(receiver.answered2xx).containsAll(recordedDelivered.keySet());
    }
  }

  /** A new version of orders@1 promoted to dev without the secret: 16 notices wait. */
  private void addNotices(GitRepoBuilder repo, int round) throws Exception {
    StringBuilder endpoints = new StringBuilder();
    for (int e = 0; e <= round; e++) {
      endpoints
          .append("  - { name: get")
          .append(e)
          .append(", method: GET, path: /orders/")
          .append(e)
          .append(" }\n");
    }
    repo.write(
            "apis/orders/v1.yaml",
            "kind: Api\nname: orders\nversion: 1."
                + round
                + ".0\nstate: published\nbaseUrl: http://orders.local\nendpoints:\n"
                + endpoints)
        .commit("orders 1." + round + ".0");
    GoalResult promoted =
        new PromoteGoal(
                context(new RecordingLog()).withEnv(Map.of()),
                new PromoteRequest(null, false, false, Clock.systemUTC()))
            .execute();
    assertThat(promoted.message()).isEqualTo("promote: 1 applied, 0 skipped, 0 failed");
  }

  private Process startNotify(int round) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                NotifyProcess.class.getName(),
                dir.toString(),
                "dev")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("target/notify-" + round + ".log").toFile());
    Files.createDirectories(dir.resolve("target"));
    pb.environment().put("APISTAGE_SECRET_HOOK", SECRET);
    return pb.start();
  }

  /**
   * Waits for the receiver's k-th request or the process's end (each bounded), then kills the
   * process with SIGKILL ({@link Process#destroyForcibly()} on Linux); says what happened.
   */
  private String killAt(Process child, Round round, int delayMillis, int i) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!round.reached.await(50, TimeUnit.MILLISECONDS)) {
      if (!child.isAlive()) {
        throw new AssertionError(
            "notify ended (exit "
                + child.exitValue()
                + ") before request "
                + round.killAt
                + ":\n"
                + Files.readString(dir.resolve("target/notify-" + i + ".log")));
      }
      assertThat(System.nanoTime()).as("request %d within 60 s", round.killAt).isLessThan(deadline);
    }
    if (delayMillis > 0) {
      child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
    }
    if (!child.isAlive()) {
      String log = Files.readString(dir.resolve("target/notify-" + i + ".log"));
      assertThat(child.exitValue()).as(log).isZero();
      return "ended before the kill";
    }
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // 137 is 128 + SIGKILL; 0 when the process ended by itself just before the kill
    return child.exitValue() == 137
        ? "killed"
        : "ended (exit " + child.exitValue() + ") as it was killed";
  }

  /**
   * Lock files a killed Git writer leaves (JGit, like git, writes {@code <ref>.lock} and renames
   * it): as git tells its user after a crash, they are removed before the next run (a run that
   * finds one cannot move the ref). Returns their paths in {@code .git}.
   */
  private List<String> removeStaleLocks() throws IOException {
    List<Path> locks;
    try (Stream<Path> files = Files.walk(dir.resolve(".git"))) {
      locks = files.filter(p -> p.getFileName().toString().endsWith(".lock")).toList();
    }
    List<String> names = new ArrayList<>();
    for (Path lock : locks) {
      names.add(dir.resolve(".git").relativize(lock).toString());
      Files.delete(lock);
    }
    return names;
  }

  /** How many delivery entries say delivered, per notice id. */
  private static Map<String, Integer> recordedDelivered(List<HistoryRecord> history) {
    Map<String, Integer> out = new HashMap<>();
    for (HistoryRecord r : history) {
      if (NoticeLedger.DELIVERY.equals(r.type())
          && r.content().get("deliveries") instanceof List<?> tries) {
        for (Object t : tries) {
          if (t instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("delivered"))) {
            out.merge(String.valueOf(m.get("notice")), 1, Integer::sum);
          }
        }
      }
    }
    return out;
  }

  private GoalContext context(RecordingLog log) {
    return new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), log);
  }

  private StageState state() throws Exception {
    try (GitRepo git = GitRepo.open(dir)) {
      StageChain chain = StageChain.declaredAt(git, git.requireHead());
      return new StageStore(git, Map.of()).read(chain.required("dev", "test"));
    }
  }
}
