package io.apistage.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An nginx master of a test: its own prefix folder, a main configuration that includes {@code
 * apistage/*.conf}, started in the foreground so that the test holds its pid, stopped by that pid
 * in {@link #close} and by a shutdown hook.
 */
public final class Nginx implements AutoCloseable {

  /** The nginx binary the tests use. */
  public static final String BIN = findBin();

  private final Path prefix;
  private final Path conf;
  private Process master;
  private Thread hook;

  private Nginx(Path prefix) {
    this.prefix = prefix;
    this.conf = prefix.resolve("conf/nginx.conf");
  }

  private static String findBin() {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether nginx is installed; tests that need it skip with this message when not. */
  public static boolean installed() {
    return BIN != null;
  }

  /** The message of a skipped test. */
  public static final String MISSING =
      "nginx is not installed (apt-get install -y nginx); .ci/run installs it";

  /** A prefix folder with a main configuration; nginx is not started yet. */
  public static Nginx prepare(Path prefix) throws IOException {
    Files.createDirectories(prefix.resolve("conf/apistage"));
    Files.createDirectories(prefix.resolve("logs"));
    Path p = prefix.toAbsolutePath();
    String text =
        "pid "
            + p
            + "/logs/nginx.pid;\n"
            + "error_log "
            + p
            + "/logs/error.log warn;\n"
            + "worker_processes 2;\n"
            + "events { worker_connections 1024; }\n"
            + "http {\n"
            + "    access_log off;\n"
            + "    client_body_temp_path "
            + p
            + "/body;\n"
            + "    proxy_temp_path "
            + p
            + "/proxy;\n"
            + "    fastcgi_temp_path "
            + p
            + "/fastcgi;\n"
            + "    uwsgi_temp_path "
            + p
            + "/uwsgi;\n"
            + "    scgi_temp_path "
            + p
            + "/scgi;\n"
            + "    include apistage/*.conf;\n"
            + "}\n";
    Nginx nginx = new Nginx(p);
    Files.writeString(nginx.conf, text, StandardCharsets.UTF_8);
    return nginx;
  }

  /** The main configuration file. */
  public Path conf() {
    return conf;
  }

  /** Starts the master in the foreground (this process's child). */
  public void start() throws IOException, InterruptedException {
    master =
        new ProcessBuilder(BIN, "-p", prefix + "/", "-c", conf.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/master.out").toFile())
            .start();
    Process started = master;
    hook = new Thread(() -> stop(started));
    Runtime.getRuntime().addShutdownHook(hook);
    Path pid = prefix.resolve("logs/nginx.pid");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && master.isAlive()
        && !(Files.isRegularFile(pid)
            && Files.readString(pid).strip().equals(String.valueOf(master.pid())))) {
      Thread.sleep(20);
    }
    if (!master.isAlive()) {
      throw new IOException(
          "nginx did not start: " + Files.readString(prefix.resolve("logs/master.out")));
    }
  }

  /** The master's pid. */
  public long pid() {
    return master.pid();
  }

  /** The error log, for failure messages. */
  public String errorLog() throws IOException {
    Path log = prefix.resolve("logs/error.log");
    return Files.isRegularFile(log) ? Files.readString(log) : "";
  }

  private static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM to this master's pid: it stops its workers
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(master);
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook stops the master
      }
    }
  }

  /** A free loopback port. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
