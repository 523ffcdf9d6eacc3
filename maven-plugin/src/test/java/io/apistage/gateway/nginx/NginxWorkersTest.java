package io.apistage.gateway.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.apistage.gateway.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers of a real nginx master that accept connections, before and after a reload. */
class NginxWorkersTest {

  @TempDir Path dir;
  private Nginx nginx;

  @AfterEach
  void stop() {
    if (nginx != null) {
      nginx.close();
    }
  }

  @Test
  void aReloadTellsTheWorkersOfBeforeToStopAcceptingAndStartsNewOnes() throws Exception {
    assumeTrue(Nginx.installed(), Nginx.MISSING);
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    nginx = Nginx.prepare(Path.of("target/nginx-tests").resolve(dir.getFileName()));
    nginx.start();
    String text = Files.readString(nginx.conf());
    NginxWorkers workers = NginxWorkers.of(text, () -> "");
    Set<Long> before = await(workers, Set.of());
    assertThat(before).hasSize(2); // worker_processes 2

    Process reload =
        new ProcessBuilder(Nginx.BIN, "-s", "reload", "-c", nginx.conf().toString())
            .redirectErrorStream(true)
            .start();
    assertThat(reload.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!workers.stillAccepting(before).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(workers.stillAccepting(before)).isEmpty();
    assertThat(await(workers, before)).hasSize(2).doesNotContainAnyElementsOf(before);
  }

  @Test
  void withoutAPidDirectiveTheMasterIsFoundThroughNginxsCompiledPidPath() throws Exception {
    assumeTrue(Nginx.installed(), Nginx.MISSING);
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    nginx = Nginx.prepare(Path.of("target/nginx-tests").resolve(dir.getFileName()));
    nginx.start();
    Path pid = nginx.conf().getParent().getParent().resolve("logs/nginx.pid");
    String text = Files.readString(nginx.conf()).replaceAll("(?m)^pid .*\n", "");
    NginxWorkers compiled =
        NginxWorkers.of(text, () -> "configure arguments: --prefix=/usr --pid-path=" + pid);
    assertThat(await(compiled, Set.of())).hasSize(2);
    NginxWorkers none = NginxWorkers.of(text, () -> "--pid-path=" + dir.resolve("no.pid"));
    assertThat(none.accepting()).isEmpty();
  }

  /** The accepting workers once there are two that are not among {@code not}. */
  private static Set<Long> await(NginxWorkers workers, Set<Long> not) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Set<Long> now = workers.accepting();
    while ((now.size() != 2 || now.stream().anyMatch(not::contains))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      now = workers.accepting();
    }
    return now;
  }
}
