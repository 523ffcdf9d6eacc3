package io.apistage.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A Git history built in a temporary folder with fixed times, for release tests. */
final class GitHistory implements AutoCloseable {

  private final Git git;
  private final Path root;
  private int tick;

  GitHistory(Path root) throws Exception {
    this.root = root;
    this.git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
  }

  Path root() {
    return root;
  }

  GitHistory write(String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return this;
  }

  String commit(String message) throws Exception {
    PersonIdent who =
        new PersonIdent(
            "Ada",
            "ada@example.com",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * tick++),
            ZoneOffset.UTC);
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor(who)
        .setCommitter(who)
        .setSign(false)
        .call()
        .name();
  }

  GitHistory tag(String name) throws Exception {
    git.tag().setName(name).setAnnotated(false).call();
    return this;
  }

  GitHistory annotatedTag(String name) throws Exception {
    PersonIdent who =
        new PersonIdent(
            "Ada", "ada@example.com", Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    git.tag()
        .setName(name)
        .setAnnotated(true)
        .setMessage("release " + name)
        .setTagger(who)
        .setSigned(false)
        .call();
    return this;
  }

  @Override
  public void close() {
    git.close();
  }

  /** An Api document of orders v1. */
  static String orders(String version, String state, String extraEndpoint) {
    return "kind: Api\n"
        + "name: orders\n"
        + "version: "
        + version
        + "\n"
        + "state: "
        + state
        + "\n"
        + "baseUrl: https://orders.internal\n"
        + "endpoints:\n"
        + "  - name: getOrder\n"
        + "    method: GET\n"
        + "    path: /orders/{id}\n"
        + "    description: One order\n"
        + "    parameters:\n"
        + "      - { name: id, type: string, required: true, location: path }\n"
        + extraEndpoint;
  }

  static final String CANCEL =
      "  - name: cancelOrder\n"
          + "    method: POST\n"
          + "    path: /orders/{id}/cancel\n"
          + "    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";
}
