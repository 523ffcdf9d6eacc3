package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.testing.GitRepoBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage files and stage branches written to harm: a state.branch or state.remote that would address
 * an arbitrary ref or hand an option to a transport, and a stage branch edited by hand with odd
 * paths. Each is a clear error or warning, and no ref outside the stage's branch is touched.
 */
class HostileStageTest {

  @TempDir Path dir;

  private final RecordingLog log = new RecordingLog();

  private GitRepoBuilder repo;

  @BeforeEach
  void repository() {
    repo = GitRepoBuilder.withFiles(dir, Repos.shop());
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private GoalResult diff(String stage) throws Exception {
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), log);
    return new DiffGoal(context, new DiffRequest(Optional.ofNullable(stage), false, Map.of()))
        .execute();
  }

  private List<String> refs() throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      return git.getRepository().getRefDatabase().getRefs().stream().map(Ref::getName).toList();
    }
  }

  @Test
  void branchThatClimbsOutOfRefsIsRefusedBeforeAnyRefIsReadOrWritten() throws Exception {
    repo.write(Map.of("stages/qa.yaml", Repos.QA + "state: { branch: ../../../etc/passwd }\n"));
    Stage qa = StageFixture.chain(dir).get("qa");
    List<String> before = refs();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      assertThatThrownBy(() -> store.read(qa))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "state.branch '../../../etc/passwd' in stages/qa.yaml is not a valid Git branch"
                  + " name; give a Git branch name such as apistage/stage/prod: no '..', '//',"
                  + " '@{', spaces, control characters or any of ~ ^ : ? * [ \\, not starting"
                  + " with '-', '/' or '.', not ending with '/', '.' or '.lock', and not '@'"
                  + " alone");
      assertThatThrownBy(
              () -> store.write(qa, StageState.empty(qa), Map.of(), "promote", StageFixture.WHO))
          .isInstanceOf(ApistageException.class)
          .hasMessageStartingWith("state.branch '../../../etc/passwd' in stages/qa.yaml");
    }
    assertThat(refs()).isEqualTo(before);
    try (Stream<Path> files = Files.walk(dir.resolve(".git"))) {
      assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith("passwd"));
    }
  }

  @Test
  void everyBranchGitRefusesIsRefused() throws Exception {
    for (String branch :
        List.of("-x", "/x", "x/", ".x", "x.", "a//b", "a/.b", "x.lock", "@", "a@{1}", "a\tb")) {
      Stage stage =
          new Stage(
              "qa",
              "stages/qa.yaml",
              new Stage.Upstream("dev", null, false),
              null,
              new Stage.StateLocation(branch, null, null),
              new io.apistage.yaml.YMap(Map.of(), 1, 1));
      assertThatThrownBy(() -> StageRefs.checkNames(stage))
          .as(branch)
          .isInstanceOf(ApistageException.class)
          .hasMessageContaining("is not a valid Git branch name");
    }
  }

  @Test
  void remoteThatIsAnOptionOrAnotherTransportIsRefusedBeforeAnyConnection() throws Exception {
    for (String remote : List.of("--upload-pack=touch /tmp/pwned", "ext::sh -c touch% /tmp/x")) {
      repo.write(Map.of("stages/qa.yaml", Repos.QA + "state: { remote: \"" + remote + "\" }\n"));
      Stage qa = StageFixture.chain(dir).get("qa");
      try (GitRepo repo = GitRepo.open(dir)) {
        assertThatThrownBy(() -> new StageStore(repo, Map.of()).read(qa))
            .isInstanceOf(ApistageException.class)
            .hasMessage(
                "state.remote '"
                    + remote
                    + "' in stages/qa.yaml is refused; give a remote's name such as origin, or"
                    + " an https://, http://, ssh://, git:// or file:// URL, or user@host:path");
      }
    }
  }

  @Test
  void diffReportsAHostileBranchAtItsLineAndComparesTheOtherStages() throws Exception {
    repo.write(Map.of("stages/qa.yaml", Repos.QA + "state:\n  branch: ../../../etc/passwd\n"));
    GoalResult result = diff(null);
    assertThat(result.problems()).hasSize(1);
    Problem problem = result.problems().get(0);
    assertThat(problem.format())
        .startsWith(
            "stages/qa.yaml:6:11: error [stage-state] state.branch '../../../etc/passwd' in"
                + " stages/qa.yaml is not a valid Git branch name;");
    assertThat(problem.field()).isEqualTo("/state/branch");
    assertThat(log.lines())
        .noneMatch(l -> l.contains("passwd"))
        .contains("[INFO] Plan for prod: 3 to create, 0 to update, 0 to delete, 0 unchanged");
  }

  @Test
  void diffReportsAMissingServerAndAnUnreachableRemoteAtTheirOwnFields() throws Exception {
    Path nowhere = dir.resolve("no-such-remote.git");
    repo.write(
        Map.of(
            "stages/qa.yaml",
            Repos.QA + "state:\n  remote: origin\n  server: stage-git\n",
            "stages/prod.yaml",
            Repos.PROD + "state:\n  remote: \"" + nowhere.toUri() + "\"\n"));
    GoalResult result = diff(null);
    assertThat(result.problems())
        .extracting(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.field())
        .containsExactly(
            "stages/prod.yaml:6:11 /state/remote", "stages/qa.yaml:7:11 /state/server");
    assertThat(result.problems().get(1).message())
        .isEqualTo(
            "stage qa (state origin:apistage/stage/qa): state.server 'stage-git' in stages/qa.yaml"
                + " names no <server> of settings.xml; add one with <id>stage-git</id>,"
                + " <username> and <password> to ~/.m2/settings.xml");
    assertThat(result.problems().get(0).message())
        .startsWith("stage prod (state " + nowhere.toUri() + ":apistage/stage/prod): ");
  }

  @Test
  void stageBranchEditedByHandWithOddPathsGivesProblemsNeverACrash() throws Exception {
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      files.put(
          "apis/orders/v1.yaml",
          new String(files.get("apis/orders/v1.yaml"), StandardCharsets.UTF_8)
              .replace("name: orders", "name: other")
              .getBytes(StandardCharsets.UTF_8));
      files.put("apis/Orders/v1.yaml", files.get("apis/orders/v1.yaml"));
      files.put("etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
      files.put("apis/orders/v1/deep.yaml", "kind: Api\n".getBytes(StandardCharsets.UTF_8));
      String hand = repo.writeCommit(files, List.of(deployed), "odd by hand", StageFixture.WHO);
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(deployed), hand, "hand");
    }
    GoalResult result = diff("qa");
    String outside =
        " warning [stage-hand-change] not part of a stage's layout (apis/<api>/v<MAJOR>.yaml,"
            + " <kind folder>/<name>.yaml of a deployable kind, .apistage/); it was added by hand,"
            + " apistage ignores it and the next promotion removes it";
    assertThat(result.problems().stream().map(Problem::format).toList())
        .contains(
            "apistage/stage/qa:apis/Orders/v1.yaml:1:1: warning [stage-hand-change] api/Orders@1"
                + " has no authored copy under .apistage/authored/; it was added by hand, and the"
                + " next promotion cannot resolve it anew",
            "apistage/stage/qa:apis/orders/v1.yaml:2:7: warning [stage-hand-change] api/orders@1"
                + " differs from its authored copy resolved for stage qa at /name; it was changed"
                + " by hand",
            "apistage/stage/qa:apis/orders/v1/deep.yaml:1:1:" + outside,
            "apistage/stage/qa:etc/passwd:1:1:" + outside)
        .hasSize(5);
    assertThat(log.lines())
        .contains(
            "[INFO]   - api/Orders@1",
            "[INFO]       ~ /name: \"other\" -> \"orders\"",
            "[INFO] Plan for qa: 0 to create, 1 to update, 1 to delete, 2 unchanged");
  }
}
