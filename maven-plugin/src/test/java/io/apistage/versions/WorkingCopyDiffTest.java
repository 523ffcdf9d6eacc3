package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.git.GitRepo;
import io.apistage.git.WorkingCopyDiff;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The working copy is the files on disk: committed, staged, unstaged, new and deleted files. */
class WorkingCopyDiffTest {

  @TempDir Path tmp;

  static List<String> describe(List<WorkingCopyDiff.Delta> deltas) {
    return deltas.stream()
        .map(
            d ->
                d.path() + (d.baseBlob().isEmpty() ? " new" : d.onDisk() ? " changed" : " deleted"))
        .toList();
  }

  @Test
  void everyKindOfDifferenceIsFoundAndNothingElse() throws Exception {
    try (GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"))) {
      for (String api : List.of("a", "b", "c", "d", "e", "f")) {
        repo.write("apis/" + api + "/v1.yaml", "name: " + api + "\n");
      }
      repo.write("policies/cors.yaml", "name: cors\n");
      // folders whose names start like apis sort just before and just after apis/ in the index
      for (String near : List.of("apis-old", "apis.d", "apis0", "apisx")) {
        repo.write(near + "/a/v1.yaml", "name: a\n");
      }
      String base = repo.commit("base");
      repo.write("apis/a/v1.yaml", "name: a\ndescription: committed\n");
      repo.write("apis/f/v1.yaml", "name: f\ndescription: committed, then undone on disk\n");
      repo.commit("committed");
      repo.write("apis/b/v1.yaml", "name: b\ndescription: staged\n");
      repo.git().add().addFilepattern("apis/b/v1.yaml").call();
      repo.write("apis/c/v1.yaml", "name: c\ndescription: edited\n");
      repo.delete("apis/d/v1.yaml");
      repo.write("apis/e/v2.yaml", "name: e\n");
      repo.write("apis/g/v1.yaml", "name: g\n");
      repo.write("apis/f/v1.yaml", "name: f\n");
      repo.write("policies/cors.yaml", "name: cors\ndescription: not an Api\n");
      for (String near : List.of("apis-old", "apis.d", "apis0", "apisx")) {
        repo.write(near + "/a/v1.yaml", "name: a\ndescription: outside apis/\n");
        repo.write(near + "/b/v1.yaml", "name: b\n");
      }
      try (GitRepo git = GitRepo.open(repo.dir())) {
        assertThat(describe(WorkingCopyDiff.changed(git, base, "apis")))
            .containsExactly(
                "apis/a/v1.yaml changed",
                "apis/b/v1.yaml changed",
                "apis/c/v1.yaml changed",
                "apis/d/v1.yaml deleted",
                "apis/e/v2.yaml new",
                "apis/g/v1.yaml new");
        // the base's blob, whether the path differs in the index (a, b, d) or only on disk (c)
        Map<String, String> atBase = git.listFiles(base);
        for (WorkingCopyDiff.Delta delta : WorkingCopyDiff.changed(git, base, "apis")) {
          assertThat(delta.baseBlob())
              .as(delta.path())
              .isEqualTo(Optional.ofNullable(atBase.get(delta.path())));
        }
      }
    }
  }

  @Test
  void aFileInAMergeConflictIsComparedWithTheBase() throws Exception {
    try (GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"))) {
      repo.write("apis/a/v1.yaml", "name: a\n").write("apis/b/v1.yaml", "name: b\n");
      String base = repo.commit("base");
      repo.branch("other").write("apis/a/v1.yaml", "name: a\ndescription: other\n");
      repo.commit("other");
      repo.checkout("main").write("apis/a/v1.yaml", "name: a\ndescription: main\n");
      repo.commit("main");
      repo.git()
          .merge()
          .include(repo.git().getRepository().resolve("other"))
          .setCommit(false)
          .call();
      assertThat(repo.git().status().call().getConflicting()).containsExactly("apis/a/v1.yaml");
      try (GitRepo git = GitRepo.open(repo.dir())) {
        List<WorkingCopyDiff.Delta> deltas = WorkingCopyDiff.changed(git, base, "apis");
        assertThat(describe(deltas)).containsExactly("apis/a/v1.yaml changed");
        assertThat(deltas.get(0).baseBlob())
            .isEqualTo(Optional.of(git.listFiles(base).get("apis/a/v1.yaml")));
      }
    }
  }

  @Test
  void pathsAreRelativeToASubFolderConfigRoot() throws Exception {
    try (GitRepoBuilder repo = GitRepoBuilder.init(tmp.resolve("repo"))) {
      repo.write("config/apis/a/v1.yaml", "name: a\n");
      repo.write("apis/a/v1.yaml", "name: outside the config root\n");
      String base = repo.commit("base");
      repo.write("config/apis/a/v1.yaml", "name: a\ndescription: edited\n");
      repo.write("apis/a/v1.yaml", "name: still outside\n");
      try (GitRepo git = GitRepo.open(repo.dir().resolve("config"))) {
        assertThat(describe(WorkingCopyDiff.changed(git, base, "apis")))
            .containsExactly("apis/a/v1.yaml changed");
      }
    }
  }
}
