package io.apistage.gateway.nginx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worker processes of a running nginx master that still accept new connections, as Linux's
 * {@code /proc} shows them. On {@code nginx -s reload} the master starts the new workers, sleeps
 * 100 ms, and only then tells the old ones to stop accepting: in between (longer on a busy machine)
 * a new connection may reach either generation, so one answer of the new configuration does not
 * prove that every new connection gets it. A worker that was told to stop renames itself {@code
 * nginx: worker process is shutting down} just before it closes its listening sockets.
 *
 * <p>Where {@code /proc} or the master's pid file cannot be read, no worker is known, and the
 * readiness of a deploy rests on the answer alone (docs/gateway.md, "A deploy, step by step").
 *
 * @since 0.1.0
 */
final class NginxWorkers {

  private static final Pattern PID =
      Pattern.compile("(?m)^\\s*pid\\s+[\"']?([^\"';\\s]+)[\"']?\\s*;");
  private static final Pattern PID_PATH = Pattern.compile("--pid-path=(\\S+)");
  private static final Pattern PREFIX = Pattern.compile("--prefix=(\\S+)");
  private static final String ACCEPTING = "nginx: worker process";

  private final Path proc;
  private final Optional<Long> master;

  private NginxWorkers(Path proc, Optional<Long> master) {
    this.proc = proc;
    this.master = master;
  }

  /**
   * The workers of the master whose pid file the main configuration names, or nginx's compiled
   * default ({@code --pid-path} of {@code nginx -V}) when it names none.
   *
   * @param mainText the main configuration's text
   * @param compiled the output of {@code nginx -V}, asked only when the main file has no {@code
   *     pid}
   */
  static NginxWorkers of(String mainText, CompiledDefaults compiled) throws IOException {
    Matcher pid = PID.matcher(mainText);
    String file;
    String prefix = "/";
    if (pid.find()) {
      file = pid.group(1);
      if (!file.startsWith("/")) {
        prefix = option(PREFIX, compiled.text()).orElse("/");
      }
    } else {
      String text = compiled.text();
      file = option(PID_PATH, text).orElse("/run/nginx.pid");
      prefix = option(PREFIX, text).orElse("/");
    }
    Path path = Path.of(prefix).resolve(file);
    return new NginxWorkers(Path.of("/proc"), readPid(path));
  }

  private static Optional<String> option(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The pids of the master's workers that accept new connections now, in order. */
  Set<Long> accepting() throws IOException {
    Set<Long> pids = new TreeSet<>();
    if (master.isEmpty() || !Files.isDirectory(proc.resolve(master.get().toString()))) {
      return pids;
    }
    try (Stream<Path> all = Files.list(proc)) {
      for (Path p : all.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (accepts(pid)) {
          pids.add(pid);
        }
      }
    }
    return pids;
  }

  /** Those of the given workers that still accept new connections. */
  Set<Long> stillAccepting(Set<Long> workers) {
    Set<Long> still = new LinkedHashSet<>();
    for (long pid : workers) {
      if (accepts(pid)) {
        still.add(pid);
      }
    }
    return still;
  }

  /** Whether the process is a worker of the master that has not been told to stop. */
  private boolean accepts(long pid) {
    Path dir = proc.resolve(Long.toString(pid));
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      if (after.length < 2 || Long.parseLong(after[1]) != master.orElse(-1L)) {
        return false;
      }
      String title =
          new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .strip();
      return title.equals(ACCEPTING);
    } catch (IOException | RuntimeException e) {
      return false; // the process ended meanwhile
    }
  }

  /** {@code nginx -V}'s output, for the compiled defaults; run only when needed. */
  @FunctionalInterface
  interface CompiledDefaults {
    String text() throws IOException;
  }
}
