package io.apistage.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A backend of the tests on loopback: answers every path with JSON naming the path, the application
 * and the api key header it saw; {@code .../slow} answers after 2 s.
 */
public final class Backend implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  /** What the backend saw: "METHOD path app=<X-Apistage-Application> key=<X-Api-Key>". */
  public final Queue<String> seen = new ConcurrentLinkedQueue<>();

  private Backend(HttpServer server) {
    this.server = server;
  }

  /** Starts a backend on a free loopback port. */
  public static Backend start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    Backend backend = new Backend(server);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          String app = exchange.getRequestHeaders().getFirst("X-Apistage-Application");
          String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
          backend.seen.add(
              exchange.getRequestMethod() + " " + path + " app=" + app + " key=" + key);
          if (path.endsWith("/slow")) {
            try {
              Thread.sleep(2000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body =
              ("{\"path\":\"" + path + "\",\"application\":\"" + app + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(backend.pool);
    server.start();
    return backend;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
