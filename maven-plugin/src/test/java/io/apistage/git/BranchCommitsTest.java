package io.apistage.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that adds files to its parent's tree rebuilds only the trees on their paths. */
class BranchCommitsTest {

  @TempDir Path dir;

  private static final Identity WHO = new Identity("Ops", "ops@example.com", Instant.EPOCH);

  /** Names whose order in a Git tree differs from plain string order. */
  private static final List<String> FILES =
      List.of(
          "a.b",
          "a-b",
          "a0",
          "a/one.yaml",
          "a/b/two.yaml",
          ".apistage/history/0001.yaml",
          ".apistage/meta.yaml",
          "apis/orders/v1.yaml");

  @Test
  void theTreeIsTheOneGitWritesForTheSameFiles() throws Exception {
    Map<String, byte[]> added = new LinkedHashMap<>();
    added.put(".apistage/history/0002.yaml", bytes("number: 2\n"));
    added.put(".apistage/meta.yaml", bytes("last: 2\n"));
    added.put("a/b/c/three.yaml", bytes("three\n"));
    added.put("a.", bytes("dot\n"));
    added.put("new/deep/x.yaml", bytes("x\n"));
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      for (String file : FILES) {
        write(file, file + "\n");
      }
      String base = commit(git, "base");

      String ours;
      try (GitRepo repo = GitRepo.open(dir)) {
        ours = new BranchCommits(repo).writeCommitAdding(base, added, "add", WHO);
      }

      for (Map.Entry<String, byte[]> e : added.entrySet()) {
        write(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
      }
      String theirs = commit(git, "the same by git add");
      try (RevWalk walk = new RevWalk(git.getRepository())) {
        assertThat(walk.parseCommit(ObjectId.fromString(ours)).getTree())
            .isEqualTo(walk.parseCommit(ObjectId.fromString(theirs)).getTree());
        assertThat(walk.parseCommit(ObjectId.fromString(ours)).getParent(0).name()).isEqualTo(base);
      }
    }
  }

  @Test
  void aFileWhereAFolderIsFailsWithoutACommit() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("a/one.yaml", "one\n");
      String base = commit(git, "base");
      try (GitRepo repo = GitRepo.open(dir)) {
        BranchCommits commits = new BranchCommits(repo);
        assertThatThrownBy(() -> commits.writeCommitAdding(base, Map.of("a", bytes("x")), "m", WHO))
            .isInstanceOf(IOException.class)
            .hasMessage("cannot add a file at a: a folder is there");
        assertThatThrownBy(
                () -> commits.writeCommitAdding(base, Map.of("a/one.yaml/x", bytes("x")), "m", WHO))
            .isInstanceOf(IOException.class)
            .hasMessage("cannot add a file at a/one.yaml: a file is there");
      }
    }
  }

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor("Ops", "ops@example.com")
        .setCommitter("Ops", "ops@example.com")
        .call()
        .name();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
