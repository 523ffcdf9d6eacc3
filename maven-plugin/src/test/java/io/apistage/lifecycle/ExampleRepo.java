package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A copy of the repository's {@code example-repo} (the Brightcart shop) in a temporary folder,
 * committed with JGit on {@code main} at fixed times, then checked out on a branch {@code feature}:
 * the working copy the lifecycle goals edit.
 */
final class ExampleRepo implements AutoCloseable {

  /** The example repository, from the maven-plugin module where tests run. */
  static final Path EXAMPLE = Path.of("..", "example-repo");

  final Path root;
  final Git git;
  final RecordingLog log = new RecordingLog();
  private int tick;

  private ExampleRepo(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  /** The example's YAML files committed on main, and the branch feature checked out. */
  static ExampleRepo create(Path dir) throws Exception {
    Path root = dir.resolve("repo");
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = EXAMPLE.relativize(file).toString().replace('\\', '/');
        if (relative.endsWith(".yaml")
            && !relative.startsWith("target/")
            && !relative.startsWith(".")) {
          Path to = root.resolve(relative);
          Files.createDirectories(to.getParent());
          Files.copy(file, to);
        }
      }
    }
    // the lifecycle goals edit endpoints by hand in these tests: payments keeps them inline here,
    // as it had them before example-repo took its endpoints from an OpenAPI document
    try (var inline = ExampleRepo.class.getResourceAsStream("payments-v1-inline.yaml")) {
      Files.write(root.resolve("apis/payments/v1.yaml"), inline.readAllBytes());
    }
    try (var settings = ExampleRepo.class.getResourceAsStream("apistage-inline-payments.yaml")) {
      Files.write(root.resolve("apistage.yaml"), settings.readAllBytes());
    }
    Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    ExampleRepo repo = new ExampleRepo(root, git);
    repo.commit("the Brightcart shop");
    git.checkout().setCreateBranch(true).setName("feature").call();
    return repo;
  }

  /** A result's report body as plain values, the one place tests read it. */
  static Map<String, Object> body(GoalResult result) {
    return result.body().toJson();
  }

  GoalContext context() {
    return GoalContext.of(root, root.resolve("target/apistage"), log);
  }

  String read(String path) throws IOException {
    return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
  }

  ExampleRepo write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  ExampleRepo delete(String path) throws IOException {
    Files.delete(root.resolve(path));
    return this;
  }

  /** Commits every change of the work tree, deletions included. */
  String commit(String message) throws Exception {
    PersonIdent who =
        new PersonIdent(
            "Ada",
            "ada@example.com",
            Instant.parse("2026-01-05T10:00:00Z").plusSeconds(60L * tick++),
            ZoneOffset.UTC);
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit()
        .setMessage(message)
        .setAuthor(who)
        .setCommitter(who)
        .setSign(false)
        .call()
        .name();
  }

  /** The files of the work tree that differ from HEAD (changed, added or deleted), sorted. */
  List<String> changed() throws Exception {
    var status = git.status().call();
    return Stream.of(status.getModified(), status.getUntracked(), status.getMissing())
        .flatMap(s -> s.stream())
        .filter(p -> !p.startsWith("target/"))
        .sorted()
        .toList();
  }

  @Override
  public void close() {
    git.close();
  }
}
