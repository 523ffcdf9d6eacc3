package io.apistage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;

/**
 * The one builder of Git histories for tests: a work tree in a temporary folder, written and
 * committed in code with JGit, with fixed author times (one minute apart, from {@link #START}),
 * branches, merges, tags and a bare remote. Every test that needs a repository builds it here; its
 * steps throw {@link IllegalStateException} (or {@link UncheckedIOException}) so a test reads as
 * the history it builds.
 */
public final class GitRepoBuilder implements AutoCloseable {

  /** When the first commit of a history is made, unless {@link #startingAt} says otherwise. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private final Path dir;
  private final Git git;
  private String name = "Ada Tester";
  private String email = "ada@example.com";
  private Instant start = START;
  private int tick;

  private GitRepoBuilder(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A new repository at {@code dir} whose first branch is {@code main}. */
  public static GitRepoBuilder init(Path dir) {
    try {
      return new GitRepoBuilder(
          dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new repository at {@code dir} with a first commit of {@code files} on {@code main}. */
  public static GitRepoBuilder withFiles(Path dir, Map<String, String> files) {
    GitRepoBuilder repo = init(dir).write(files);
    repo.commit("first");
    return repo;
  }

  /** The repository at {@code dir}, to add to its history. */
  public static GitRepoBuilder open(Path dir) {
    try {
      return new GitRepoBuilder(dir, Git.open(dir.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clone of {@code origin} (a path or URL) at {@code dir}. */
  public static GitRepoBuilder cloneOf(String origin, Path dir) {
    try {
      return new GitRepoBuilder(
          dir, Git.cloneRepository().setURI(origin).setDirectory(dir.toFile()).call());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Commits and tags from now on are by this person. */
  public GitRepoBuilder as(String name, String email) {
    this.name = name;
    this.email = email;
    return this;
  }

  /** Times count from {@code start} from now on. */
  public GitRepoBuilder startingAt(Instant start) {
    this.start = start;
    this.tick = 0;
    return this;
  }

  /** The work tree. */
  public Path dir() {
    return dir;
  }

  /** The JGit handle, for what this builder does not do. */
  public Git git() {
    return git;
  }

  /** The next fixed time: one minute after the last one this builder gave. */
  public Instant next() {
    return start.plusSeconds(60L * tick++);
  }

  /** The author and committer of the next commit or tag, at the next fixed time. */
  public PersonIdent ident() {
    return new PersonIdent(name, email, next(), ZoneOffset.UTC);
  }

  /** Writes a file of the work tree (folders created), UTF-8. */
  public GitRepoBuilder write(String path, String text) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes files of the work tree, by path. */
  public GitRepoBuilder write(Map<String, String> files) {
    files.forEach(this::write);
    return this;
  }

  /** Deletes a file of the work tree; the next commit records it. */
  public GitRepoBuilder delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits every change of the work tree (new, changed, deleted files); the commit's id. */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent who = ident();
      return git.commit()
          .setMessage(message)
          .setAuthor(who)
          .setCommitter(who)
          .setAllowEmpty(true)
          .setSign(false)
          .call()
          .name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a branch at HEAD and checks it out. */
  public GitRepoBuilder branch(String branch) {
    return checkout(branch, true);
  }

  /** Checks out a branch. */
  public GitRepoBuilder checkout(String branch) {
    return checkout(branch, false);
  }

  private GitRepoBuilder checkout(String branch, boolean create) {
    try {
      git.checkout().setName(branch).setCreateBranch(create).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges a branch into the current one with a merge commit (never fast-forward). */
  public String merge(String branch) {
    try {
      git.merge()
          .include(git.getRepository().resolve(branch))
          .setFastForward(MergeCommand.FastForwardMode.NO_FF)
          .setCommit(false)
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commit("Merge " + branch);
  }

  /** A lightweight tag at HEAD. */
  public GitRepoBuilder tag(String tag) {
    try {
      git.tag().setName(tag).setAnnotated(false).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An annotated tag at HEAD, by the current person at the next fixed time. */
  public GitRepoBuilder annotatedTag(String tag, String message) {
    try {
      git.tag()
          .setName(tag)
          .setAnnotated(true)
          .setTagger(ident())
          .setMessage(message)
          .setSigned(false)
          .call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new, empty bare repository at {@code bare}, to act as a remote; its path. */
  public static Path bare(Path bare) {
    try {
      Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
      return bare;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A bare clone of this repository at {@code bare}, to act as a remote; its path. */
  public Path bareClone(Path bare) {
    try {
      Git.cloneRepository()
          .setURI(dir.toUri().toString())
          .setDirectory(bare.toFile())
          .setBare(true)
          .call()
          .close();
      return bare;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pushes refspecs to {@code origin}. */
  public GitRepoBuilder push(String... refSpecs) {
    try {
      var push = git.push().setRemote("origin");
      for (String spec : refSpecs) {
        push.add(spec);
      }
      push.call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commit a ref ({@code refs/heads/main}) points at, or null. */
  public String ref(String ref) {
    try {
      Ref found = git.getRepository().exactRef(ref);
      return found == null ? null : found.getObjectId().name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
