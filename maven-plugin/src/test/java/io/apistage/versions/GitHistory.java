package io.apistage.versions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A Git history built in code for tests: fixed author times, branches, tags, merges. */
final class GitHistory implements AutoCloseable {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  final Path dir;
  final Git git;
  private int tick;

  private GitHistory(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  static GitHistory init(Path dir) throws GitAPIException {
    return new GitHistory(
        dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
  }

  static GitHistory open(Path dir) throws IOException {
    return new GitHistory(dir, Git.open(dir.toFile()));
  }

  /** Clones {@code origin} (a path or URL) into {@code dir}. */
  static GitHistory cloneOf(String origin, Path dir) throws GitAPIException {
    return new GitHistory(
        dir, Git.cloneRepository().setURI(origin).setDirectory(dir.toFile()).call());
  }

  /** A bare clone of this repository at {@code dir}, to act as {@code origin}. */
  Path bareClone(Path dir) throws GitAPIException {
    Git.cloneRepository()
        .setURI(this.dir.toUri().toString())
        .setDirectory(dir.toFile())
        .setBare(true)
        .call()
        .close();
    return dir;
  }

  GitHistory write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  GitHistory delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  PersonIdent ident() {
    return new PersonIdent(
        "Ada Tester", "ada@example.com", START.plusSeconds(60L * tick++), ZoneOffset.UTC);
  }

  String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = ident();
    RevCommit c =
        git.commit()
            .setMessage(message)
            .setAuthor(who)
            .setCommitter(who)
            .setAllowEmpty(true)
            .call();
    return c.name();
  }

  GitHistory branch(String name) throws GitAPIException {
    git.checkout().setCreateBranch(true).setName(name).call();
    return this;
  }

  GitHistory checkout(String name) throws GitAPIException {
    git.checkout().setName(name).call();
    return this;
  }

  GitHistory tag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(true).setTagger(ident()).setMessage(name).call();
    return this;
  }

  String merge(String branch) throws GitAPIException, IOException {
    git.merge()
        .include(git.getRepository().resolve(branch))
        .setFastForward(MergeCommand.FastForwardMode.NO_FF)
        .setCommit(false)
        .call();
    return commit("Merge " + branch);
  }

  String push(String... refSpecs) throws GitAPIException {
    var push = git.push().setRemote("origin");
    for (String spec : refSpecs) {
      push.add(spec);
    }
    push.call();
    return "";
  }

  @Override
  public void close() {
    git.close();
  }
}
