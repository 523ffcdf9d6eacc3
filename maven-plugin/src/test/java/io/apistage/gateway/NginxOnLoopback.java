package io.apistage.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real-nginx tests share: before each test a JDK backend and an nginx master of the test's
 * own, on loopback, with its prefix under {@code target/nginx-tests}, and a free port for the
 * stage's gateway; after it, both stopped by their own pid. Skipped when nginx is not installed.
 */
abstract class NginxOnLoopback {

  @TempDir Path dir;
  Nginx nginx;
  Backend backend;
  int port;

  @BeforeEach
  void startNginxAndBackend() throws Exception {
    assumeTrue(Nginx.installed(), Nginx.MISSING);
    backend = Backend.start();
    port = Nginx.freePort();
    nginx = Nginx.prepare(Path.of("target/nginx-tests").resolve(dir.getFileName()));
    nginx.start();
  }

  @AfterEach
  void stopNginxAndBackend() {
    if (nginx != null) {
      nginx.close();
    }
    if (backend != null) {
      backend.close();
    }
  }
}
