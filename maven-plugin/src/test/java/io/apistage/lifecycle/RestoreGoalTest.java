package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** restore on a copy of the example repository with a history built by JGit. */
class RestoreGoalTest extends OnExampleRepo {

  GoalResult run(String line, boolean dryRun) throws Exception {
    return new RestoreGoal(repo.context(), line, dryRun).execute();
  }

  @Test
  void deletedFileComesBackFromTheLastCommitThatHadIt() throws Exception {
    String first = repo.read("apis/orders/v2.yaml");
    String last = first.replace("state: draft", "state: draft   # last words");
    String changed = repo.write("apis/orders/v2.yaml", last).commit("orders v2 commented");
    String deleted = repo.delete("apis/orders/v2.yaml").commit("orders v2 to the trash");

    GoalResult result = run("orders@2", false);

    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/orders/v2.yaml")).isEqualTo(last);
    assertThat(repo.changed()).containsExactly("apis/orders/v2.yaml");
    assertThat(repo.log.lines())
        .contains(
            "[INFO] restore: apis/orders/v2.yaml from commit "
                + changed.substring(0, 7)
                + ", the last that had it (deleted in commit "
                + deleted.substring(0, 7)
                + ")");
    assertThat(ExampleRepo.body(result)).containsEntry("commit", changed);
    assertThat(result.message())
        .isEqualTo("restore wrote apis/orders/v2.yaml; review the change and commit it");
  }

  @Test
  void fileDeletedOnlyInTheWorkingCopyComesBackFromHead() throws Exception {
    String v2 = repo.read("apis/orders/v2.yaml");
    repo.delete("apis/orders/v2.yaml");
    GoalResult result = run("orders@2", false);
    assertThat(result.problems()).isEmpty();
    assertThat(repo.read("apis/orders/v2.yaml")).isEqualTo(v2);
  }

  @Test
  void dryRunWritesNothing() throws Exception {
    repo.delete("apis/orders/v2.yaml").commit("orders v2 to the trash");
    GoalResult result = run("orders@2", true);
    assertThat(result.message())
        .isEqualTo("restore dry run: would write apis/orders/v2.yaml; nothing written");
    assertThat(repo.log.lines())
        .contains("[INFO] --- /dev/null", "[INFO] +++ b/apis/orders/v2.yaml");
    assertThat(Files.exists(repo.root.resolve("apis/orders/v2.yaml"))).isFalse();
  }

  @Test
  void existingFileIsRefused() throws Exception {
    GoalResult result = run("orders@1", false);
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:1:1: error [restore-exists] apis/orders/v1.yaml exists; restore"
                + " brings back a deleted file only (to undo changes to it: git checkout --"
                + " apis/orders/v1.yaml)");
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void fileThatNeverExistedIsRefusedNamingTheCommitsLookedAt() throws Exception {
    String head = repo.commit("nothing").substring(0, 7);
    GoalResult result = run("orders@3", false);
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v3.yaml:1:1: error [restore-never-existed] apis/orders/v3.yaml (or .yml)"
                + " is in no commit of the history of HEAD "
                + head
                + ": no commit touched it; there is nothing to restore");
    assertThat(ExampleRepo.body(result)).containsEntry("commitsLookedAt", List.of());
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void restoredFileMustValidateWithTheRest() throws Exception {
    repo.delete("apis/orders/v2.yaml").commit("orders v2 to the trash");
    // meanwhile catalog took the id orders v2 has without declaring one: restoring makes it twice
    UUID taken = Asset.derivedId(Kind.API, "orders", 2);
    String catalog =
        repo.read("apis/catalog/v1.yaml")
            .replace("name: catalog\n", "name: catalog\nid: " + taken + "\n");
    repo.write("apis/catalog/v1.yaml", catalog).commit("catalog id");

    GoalResult result = run("orders@2", false);

    assertThat(result.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(result.problems()).extracting(Problem::rule).contains("duplicate-id");
    assertThat(Files.exists(repo.root.resolve("apis/orders/v2.yaml"))).isFalse();
    assertThat(repo.changed()).isEmpty();
  }

  @Test
  void lineMustBeGiven() {
    assertThatThrownBy(() -> run(null, false))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "restore needs an API line: pass -Dapistage.api=<api>@<major> (lines: catalog@1,"
                + " customers@1, orders@1, orders@2, payments@1)");
  }
}
