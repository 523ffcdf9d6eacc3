package io.apistage.gateway.nginx;

import io.apistage.gateway.Gateway;
import io.apistage.gateway.GatewaySpec;
import io.apistage.gateway.Rendering;
import io.apistage.gateway.Secrets;
import io.apistage.log.Log;
import io.apistage.log.Steps;
import io.apistage.problem.ApistageException;
import io.apistage.stage.StageState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A stage served by a running nginx: apistage owns {@code <folder of
 * nginx.conf>/apistage/<stage>.conf} and deploys it by writing the new file beside the old one,
 * {@code nginx -t} of the main file with the new file in place of the live one, an atomic rename
 * over the live file, {@code nginx -s reload} (a graceful reload: requests in flight finish on the
 * old workers) and a wait until {@code /.well-known/apistage} answers the new commit and the
 * workers of before the reload no longer take new connections. A rejected file never replaces the
 * live one; a later failure puts the old file back (and reloads when a reload happened), so nginx
 * keeps serving what it served.
 *
 * @since 0.1.0
 */
public final class NginxGateway implements Gateway {

  private final Path mainConf;
  private final String bin;
  private final String stage;
  private final GatewaySpec spec;
  private final Duration wait;
  private final Log log;

  /**
   * The nginx of a stage.
   *
   * @param mainConf the main configuration file of the running nginx ({@code apistage.nginx.conf})
   * @param bin the nginx binary ({@code apistage.nginx.bin})
   * @param stage the stage's name
   * @param spec the stage's gateway block
   * @param wait how long to wait for the reloaded nginx to answer the new commit
   */
  public NginxGateway(Path mainConf, String bin, String stage, GatewaySpec spec, Duration wait) {
    this(mainConf, bin, stage, spec, wait, Log.NONE);
  }

  /** The same, telling {@code log}'s debug lines how long each step of an apply took. */
  public NginxGateway(
      Path mainConf, String bin, String stage, GatewaySpec spec, Duration wait, Log log) {
    this.mainConf = mainConf.toAbsolutePath().normalize();
    this.bin = bin;
    this.stage = stage;
    this.spec = spec;
    this.wait = wait;
    this.log = log;
  }

  /** The file apistage owns for the stage. */
  public Path file() {
    return mainConf.getParent().resolve("apistage").resolve(stage + ".conf");
  }

  @Override
  public Rendering render(StageState state, Secrets secrets) {
    return new NginxRenderer().render(state, secrets, spec.listen());
  }

  @Override
  public Optional<Running> running() throws IOException {
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(file);
    String commit = null;
    for (String line : new String(bytes, StandardCharsets.UTF_8).lines().limit(20).toList()) {
      if (line.startsWith(NginxRenderer.COMMIT_LINE)) {
        commit = line.substring(NginxRenderer.COMMIT_LINE.length()).strip();
      }
    }
    return Optional.of(new Running(commit, Rendering.sha256(bytes), file.toString()));
  }

  @Override
  public void apply(Rendering rendering) throws ApistageException, IOException {
    String mainText = checkMainConf();
    Path file = file();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path next = dir.resolve("." + stage + ".conf.next");
    Path prev = dir.resolve("." + stage + ".conf.prev");
    Steps steps = new Steps(log, "deploy of stage " + stage);
    writePrivate(next, rendering.bytes());
    steps.done("write beside");
    test(mainText, file, next);
    steps.done("nginx -t");
    NginxWorkers workers = NginxWorkers.of(mainText, this::compiledDefaults);
    Set<Long> old = workers.accepting();
    boolean hadPrevious = Files.isRegularFile(file);
    if (hadPrevious) {
      Files.copy(
          file, prev, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Outcome reload = run(List.of("-s", "reload", "-c", mainConf.toString()));
    steps.done("rename and nginx -s reload");
    if (!reload.ok()) {
      restore(file, prev, hadPrevious, false);
      throw new ApistageException(
          fail(
              "reload",
              "nginx -s reload failed (is nginx running with"
                  + " "
                  + mainConf
                  + "?), the previous file is back: "
                  + reload.output()));
    }
    Optional<String> answered = awaitCommit(rendering.commit(), workers, old);
    steps.done("wait");
    if (answered.isPresent()) {
      restore(file, prev, hadPrevious, true);
      throw new ApistageException(
          fail(
              "wait",
              "http://"
                  + spec.callAddress()
                  + "/.well-known/apistage did not answer commit "
                  + rendering.commit()
                  + " within "
                  + wait.toSeconds()
                  + " s (last answer: "
                  + answered.get()
                  + "); the previous"
                  + " configuration is back and reloaded; see nginx's error log for why the reload did"
                  + " not take"));
    }
    Files.deleteIfExists(prev);
  }

  /**
   * {@code nginx -t} of the running main file as it will be once the new file is live: a staged
   * copy beside it that includes the new file instead of the live one. A rejected file stays
   * beside, as {@code .<stage>.conf.next}, and the live one is never touched.
   */
  private void test(String mainText, Path file, Path next) throws ApistageException, IOException {
    Path staged = mainConf.resolveSibling("." + mainConf.getFileName() + ".apistage-" + stage);
    try {
      Files.writeString(staged, StagedMainConf.text(mainText, file, next), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ApistageException(
          fail(
              "nginx -t",
              "cannot write "
                  + staged
                  + " ("
                  + e
                  + "), the copy of the main file that tests the new file before it goes live;"
                  + " the user that runs Maven must be able to write "
                  + staged.getParent()
                  + "; nothing changed"));
    }
    Outcome test;
    try {
      test = run(List.of("-t", "-c", staged.toString()));
    } finally {
      Files.deleteIfExists(staged);
    }
    if (!test.ok()) {
      throw new ApistageException(
          fail(
              "nginx -t",
              "nginx rejected the new configuration, the previous one stays in place (the"
                  + " rejected file is "
                  + next
                  + "): "
                  + test.output()));
    }
  }

  /** What {@code nginx -V} says, for nginx's compiled pid path when the main file names none. */
  private String compiledDefaults() throws IOException {
    try {
      return run(List.of("-V")).output();
    } catch (ApistageException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private String checkMainConf() throws ApistageException, IOException {
    if (!Files.isRegularFile(mainConf)) {
      throw new ApistageException(
          fail(
              "check",
              mainConf
                  + " does not exist; pass"
                  + " -Dapistage.nginx.conf=<the main configuration file of the running nginx>"));
    }
    String text = Files.readString(mainConf, StandardCharsets.UTF_8);
    if (!StagedMainConf.INCLUDE.matcher(text).find()) {
      throw new ApistageException(
          fail(
              "check",
              mainConf
                  + " does not include apistage/*.conf;"
                  + " add the line 'include apistage/*.conf;' inside its http { } block"));
    }
    return text;
  }

  private String fail(String step, String message) {
    return "deploy of stage " + stage + " failed at step " + step + ": " + message;
  }

  private static void writePrivate(Path path, byte[] bytes) throws IOException {
    Files.deleteIfExists(path);
    Files.createFile(
        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(path, bytes);
  }

  private void restore(Path file, Path prev, boolean hadPrevious, boolean reload)
      throws IOException, ApistageException {
    if (hadPrevious) {
      Files.move(prev, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(file);
    }
    if (reload) {
      Outcome again = run(List.of("-s", "reload", "-c", mainConf.toString()));
      if (!again.ok()) {
        throw new ApistageException(
            fail(
                "restore",
                "the previous file is back but nginx -s" + " reload failed: " + again.output()));
      }
    }
  }

  @Override
  public boolean answers(String commit) {
    try {
      return isCommit(answer(client()), commit);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  private static boolean isCommit(String answer, String commit) {
    return answer.startsWith("200 ") && answer.contains("\"commit\":\"" + commit + "\"");
  }

  /** The status and body of {@code /.well-known/apistage}. */
  private String answer(HttpClient client) throws IOException, InterruptedException {
    URI uri = URI.create("http://" + spec.callAddress() + "/.well-known/apistage");
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().strip();
  }

  /**
   * Empty once the gateway answers the commit and none of the workers that accepted connections
   * before the reload still does (each new connection then reaches the new configuration), else
   * what was seen last when the wait ran out.
   */
  private Optional<String> awaitCommit(String commit, NginxWorkers workers, Set<Long> old)
      throws IOException {
    HttpClient client = client();
    long deadline = System.nanoTime() + wait.toNanos();
    String last = "none";
    try {
      while (System.nanoTime() < deadline) {
        try {
          last = answer(client);
          if (isCommit(last, commit)) {
            Set<Long> still = workers.stillAccepting(old);
            if (still.isEmpty()) {
              return Optional.empty();
            }
            last += ", while the workers of before the reload " + still + " still accept";
          }
        } catch (IOException e) {
          last = e.toString();
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for nginx", e);
    }
    return Optional.of(last);
  }

  /** The exit and output (stderr merged) of an nginx command. */
  record Outcome(boolean ok, String output) {}

  private Outcome run(List<String> args) throws IOException, ApistageException {
    List<String> command = new ArrayList<>();
    command.add(bin);
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ApistageException(
          fail(
              String.join(" ", args.subList(0, 1)),
              "cannot run "
                  + bin
                  + " ("
                  + e.getMessage()
                  + "); pass -Dapistage.nginx.bin=<path of nginx>"));
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Outcome(false, bin + " " + String.join(" ", args) + " did not end in 60 s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running nginx", e);
    }
    String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .strip()
            .replace('\n', ' ');
    return new Outcome(process.exitValue() == 0, output);
  }
}
