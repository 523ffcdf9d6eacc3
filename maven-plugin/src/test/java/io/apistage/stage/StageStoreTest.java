package io.apistage.stage;

import static io.apistage.stage.StageFixture.WHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.model.Config;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageStoreTest {

  @TempDir Path dir;

  private Stage stage(Path root, String name) throws IOException, ApistageException {
    return StageFixture.chain(root).get(name);
  }

  @Test
  void stageWithoutBranchIsEmpty() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageState state = new StageStore(repo, Map.of()).read(stage(dir, "qa"));
      assertThat(state.isEmpty()).isTrue();
      assertThat(state.assets()).isEmpty();
      assertThat(state.problems()).isEmpty();
      assertThat(state.nextRecordNumber()).isEqualTo(1);
    }
  }

  @Test
  void writtenStateReadsBackResolvedForItsStageWithSecretsAsReferences() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    Optional<String> commit = StageFixture.deploy(dir, "qa", "promote everything to qa");
    assertThat(commit).isPresent();
    try (GitRepo repo = GitRepo.open(dir);
        Git git = Git.open(dir.toFile())) {
      assertThat(repo.readRef("refs/heads/apistage/stage/qa")).isEqualTo(commit);
      StageState state = new StageStore(repo, Map.of()).read(stage(dir, "qa"));
      assertThat(state.problems()).isEmpty();
      assertThat(state.commit()).isEqualTo(commit);
      assertThat(state.assets().keySet())
          .containsExactly("api/orders@1", "application/mobile-app", "policy/cors");
      Map<?, ?> orders = (Map<?, ?>) state.assets().get("api/orders@1");
      assertThat(orders.get("baseUrl")).isEqualTo("https://orders.qa.internal");
      assertThat(((Map<?, ?>) orders.get("auth")).get("staticToken"))
          .isEqualTo("${secret:ORDERS_TOKEN}");
      assertThat(state.authored().get("api/orders@1").body().str("baseUrl"))
          .isEqualTo("${alias:orders-backend}");
      assertThat(state.aliases().keySet()).containsExactly("orders-backend");
      assertThat(state.history()).hasSize(1);
      assertThat(state.history().get(0).id()).isEqualTo("000001-promotion-all-to-qa");
      assertThat(state.history().get(0).content()).containsEntry("status", "success");
      assertThat(state.lastRecord()).isEqualTo("000001-promotion-all-to-qa");
      // readable with plain git: the layout at the branch root, normalized YAML
      String file =
          new String(repo.readAll(commit.get()).get("apis/orders/v1.yaml"), StandardCharsets.UTF_8);
      assertThat(file)
          .startsWith("kind: Api\nname: orders\n")
          .contains("baseUrl: https://orders.qa.internal\n");
      assertThat(repo.readAll(commit.get()))
          .containsKeys(
              ".apistage/stage.yaml",
              ".apistage/authored/apis/orders/v1.yaml",
              ".apistage/authored/aliases/orders-backend.yaml",
              ".apistage/history/000001-promotion-all-to-qa.json");
      assertThat(repo.commitInfo(commit.get()).message()).endsWith("\n\nApistage-Stage: qa\n");
    }
  }

  @Test
  void writeFromAStaleBaseLosesTheCompareAndSwap() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    Stage qa = stage(dir, "qa");
    Config config = StageFixture.load(dir);
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      StageState empty = store.read(qa);
      Optional<String> first =
          store.write(qa, empty, StageFixture.tree(config, qa, empty), "first run", WHO);
      Optional<String> second =
          store.write(qa, empty, StageFixture.tree(config, qa, empty), "second run", WHO);
      assertThat(first).isPresent();
      assertThat(second).isEmpty();
      assertThat(repo.readRef("refs/heads/apistage/stage/qa")).isEqualTo(first);
      StageState now = store.read(qa);
      Optional<String> third =
          store.write(qa, now, StageFixture.tree(config, qa, now), "third run", WHO);
      assertThat(third).isPresent();
      assertThat(repo.commitInfo(third.get()).parents()).containsExactly(first.get());
      assertThat(store.read(qa).history()).extracting(HistoryRecord::number).containsExactly(1, 2);
    }
  }

  @Test
  void branchChangedByHandIsWarnedNamingTheCommitAndTheField() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    String hand;
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      String api = new String(files.get("apis/orders/v1.yaml"), StandardCharsets.UTF_8);
      files.put(
          "apis/orders/v1.yaml",
          api.replace("description: Orders of the web shop", "description: hot fix")
              .getBytes(StandardCharsets.UTF_8));
      hand = repo.writeCommit(files, List.of(deployed), "hotfix on qa", StageFixture.WHO);
      assertThat(
              repo.compareAndSwap(
                  "refs/heads/apistage/stage/qa", Optional.of(deployed), hand, "hand"))
          .isTrue();
      StageState state = new StageStore(repo, Map.of()).read(stage(dir, "qa"));
      assertThat(state.hasErrors()).isFalse();
      assertThat(state.problems())
          .extracting(Problem::format)
          .containsExactly(
              "apistage/stage/qa:1:1: warning [stage-hand-change] the last commit "
                  + hand.substring(0, 12)
                  + " (\"hotfix on qa\" by apistage-ci) was not made by apistage; the stage's branch was"
                  + " changed by hand, so what the stage runs may differ from its promotions; inspect it"
                  + " with git log apistage/stage/qa and mvn apistage:diff -Dapistage.stage=qa",
              "apistage/stage/qa:apis/orders/v1.yaml:5:14: warning [stage-hand-change] api/orders@1"
                  + " differs from its authored copy resolved for stage qa at /description; it was changed by"
                  + " hand");
    }
  }

  @Test
  void unparsableStateFileIsAnErrorPrefixedWithTheBranch() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      files.put(
          "policies/cors.yaml",
          "kind: Policy\nname: cors\nconfig: {origins: [\n".getBytes(StandardCharsets.UTF_8));
      String bad = repo.writeCommit(files, List.of(deployed), "broken\n\nApistage-Stage: qa", WHO);
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(deployed), bad, "broken");
      StageState state = new StageStore(repo, Map.of()).read(stage(dir, "qa"));
      assertThat(state.hasErrors()).isTrue();
      assertThat(state.problems())
          .filteredOn(Problem::isError)
          .extracting(Problem::file)
          .containsExactly("apistage/stage/qa:policies/cors.yaml");
      assertThat(state.problems().get(0).format())
          .matches("apistage/stage/qa:policies/cors.yaml:\\d+:\\d+: error \\[yaml\\] .*");
    }
  }

  @Test
  void stateOnAFileRemoteIsSharedBetweenClonesWithACompareAndSwapOnTheRemote() throws Exception {
    Path remote = dir.resolve("remote.git");
    GitRepoBuilder.bare(remote);
    String url = remote.toUri().toString();
    assertThat(url).startsWith("file:");
    Map<String, String> files = Repos.shop();
    files.put("stages/qa.yaml", Repos.QA + "state: { remote: \"" + url + "\" }\n");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    GitRepoBuilder.withFiles(a, files).close();
    GitRepoBuilder.withFiles(b, files).close();

    try (GitRepo repoA = GitRepo.open(a);
        GitRepo repoB = GitRepo.open(b)) {
      StageStore storeA = new StageStore(repoA, Map.of());
      StageStore storeB = new StageStore(repoB, Map.of());
      Stage qa = stage(a, "qa");
      StageState baseA = storeA.read(qa);
      StageState baseB = storeB.read(qa);
      assertThat(baseA.isEmpty()).isTrue();
      Config config = StageFixture.load(a);
      Optional<String> byA =
          storeA.write(qa, baseA, StageFixture.tree(config, qa, baseA), "from a", WHO);
      Optional<String> byB =
          storeB.write(qa, baseB, StageFixture.tree(config, qa, baseB), "from b", WHO);
      assertThat(byA).isPresent();
      assertThat(byB).as("b wrote from a stale base").isEmpty();
      try (Repository bare = Git.open(remote.toFile()).getRepository()) {
        assertThat(bare.exactRef("refs/heads/apistage/stage/qa").getObjectId().name())
            .isEqualTo(byA.get());
      }
      StageState readByB = storeB.read(qa);
      assertThat(readByB.commit()).isEqualTo(byA);
      assertThat(readByB.problems()).isEmpty();
      assertThat(repoB.readRef("refs/apistage/remotes/qa")).isEqualTo(byA);
      assertThat(readByB.assets()).isEqualTo(storeA.read(qa).assets());
    }
  }

  @Test
  void stateOnARemoteServedByGitDaemonOnLoopback() throws Exception {
    assumeTrue(gitDaemonAvailable(), "git daemon is not installed");
    Path served = dir.resolve("served");
    Path remote = served.resolve("config.git");
    GitRepoBuilder.bare(remote);
    int port = freePort();
    Process daemon =
        new ProcessBuilder(
                "git",
                "daemon",
                "--reuseaddr",
                "--listen=127.0.0.1",
                "--port=" + port,
                "--base-path=" + served,
                "--export-all",
                "--enable=receive-pack",
                served.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("daemon.log").toFile())
            .start();
    try {
      awaitPort(port, daemon);
      Map<String, String> files = Repos.shop();
      files.put("stages/qa.yaml", Repos.QA + "state: { remote: origin, branch: deploy/qa }\n");
      Path a = dir.resolve("a");
      try (GitRepoBuilder repo = GitRepoBuilder.withFiles(a, files)) {
        repo.git()
            .remoteAdd()
            .setName("origin")
            .setUri(new URIish("git://127.0.0.1:" + port + "/config.git"))
            .call();
      }
      Optional<String> commit = StageFixture.deploy(a, "qa", "over git daemon");
      assertThat(commit).isPresent();
      try (Repository bare = Git.open(remote.toFile()).getRepository()) {
        assertThat(bare.exactRef("refs/heads/deploy/qa").getObjectId().name())
            .isEqualTo(commit.get());
      }
      try (GitRepo repo = GitRepo.open(a)) {
        StageState state = new StageStore(repo, Map.of()).read(stage(a, "qa"));
        assertThat(state.commit()).isEqualTo(commit);
        assertThat(state.problems()).isEmpty();
        assertThat(state.assets()).containsKey("api/orders@1");
      }
    } finally {
      daemon.descendants().forEach(ProcessHandle::destroy);
      daemon.destroy();
      daemon.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void unreachableRemoteIsAClearFailure() throws Exception {
    Map<String, String> files = Repos.shop();
    int port = freePort();
    files.put(
        "stages/qa.yaml",
        Repos.QA + "state: { remote: \"git://127.0.0.1:" + port + "/nothing.git\" }\n");
    GitRepoBuilder.withFiles(dir, files).close();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      assertThatThrownBy(() -> store.read(stage(dir, "qa")))
          .isInstanceOf(ApistageException.class)
          .hasMessageStartingWith(
              "stage qa (state git://127.0.0.1:"
                  + port
                  + "/nothing.git:apistage/stage/qa): cannot reach the Git remote")
          .hasMessageEndingWith("; check the URL, the network and the credentials");
    }
  }

  @Test
  void remoteThatIsNeitherAConfiguredRemoteNorAUrlIsNamed() throws Exception {
    Map<String, String> files = Repos.shop();
    files.put("stages/qa.yaml", Repos.QA + "state: { remote: origin }\n");
    GitRepoBuilder.withFiles(dir, files).close();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      assertThatThrownBy(() -> store.read(stage(dir, "qa")))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "stage qa (state origin:apistage/stage/qa): state.remote in stages/qa.yaml: 'origin' is neither a"
                  + " remote of this repository (it has none) nor a URL; add it with git remote add origin <url>,"
                  + " or give a URL such as https://git.example.com/platform/config.git");
    }
  }

  @Test
  void serverNamedForCredentialsMustBeInSettings() throws Exception {
    Map<String, String> files = Repos.shop();
    files.put(
        "stages/qa.yaml",
        Repos.QA + "state: { remote: \"file:///nowhere.git\", server: stage-git }\n");
    GitRepoBuilder.withFiles(dir, files).close();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of("other", new GitCredentials("u", "secret")));
      assertThatThrownBy(() -> store.read(stage(dir, "qa")))
          .isInstanceOf(ApistageException.class)
          .hasMessage(
              "stage qa (state file:///nowhere.git:apistage/stage/qa): state.server 'stage-git' in stages/qa.yaml"
                  + " names no <server> of settings.xml (it has other); add one with <id>stage-git</id>,"
                  + " <username> and <password> to ~/.m2/settings.xml")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void leanReadForDiffHasTheSameAssetsAndProblemsWithoutTheYamlTrees() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      StageState full = store.read(stage(dir, "qa"));
      StageState lean = store.read(stage(dir, "qa"), StageReader.Depth.RUNNING);
      assertThat(lean.assets()).isEqualTo(full.assets()).isNotEmpty();
      assertThat(lean.problems()).isEqualTo(full.problems());
      assertThat(lean.aliases().keySet()).isEqualTo(full.aliases().keySet());
      assertThat(lean.history()).isEqualTo(full.history());
      assertThat(full.deployed()).isNotEmpty();
      assertThat(full.authored()).isNotEmpty();
      assertThat(lean.deployed()).isEmpty();
      assertThat(lean.authored()).isEmpty();
    }
  }

  private static boolean gitDaemonAvailable() {
    try {
      Process p = new ProcessBuilder("git", "daemon", "-h").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8).contains("usage: git daemon");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process daemon) throws Exception {
    for (int i = 0; i < 100; i++) {
      assertThat(daemon.isAlive()).as("git daemon is running").isTrue();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("git daemon did not listen on port " + port);
  }
}
