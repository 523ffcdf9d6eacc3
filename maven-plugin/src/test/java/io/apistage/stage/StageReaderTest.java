package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.problem.Problem;
import io.apistage.testing.GitRepoBuilder;
import io.apistage.yaml.YMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of a stage's branch judges every file the same way at every depth. */
class StageReaderTest {

  @TempDir Path dir;

  private static final List<String> BROKEN_FILES =
      List.of(
          "apistage/stage/qa:.apistage/history/000002-promotion-cut.json:2:13: error"
              + " [stage-state] the history record does not parse: not valid JSON: Unexpected"
              + " character ('}' (code 125)): expected a valid value (JSON String, Number, Array,"
              + " Object or token 'null', 'true' or 'false')",
          "apistage/stage/qa:.apistage/history/000003-rollback-list.json:1:1: error"
              + " [stage-state] a history record must be a JSON object",
          "apistage/stage/qa:.apistage/history/notes.txt:1:1: warning [stage-hand-change]"
              + " ignored: a history record is named <NNNNNN>-<type>-<name>.json",
          "apistage/stage/qa:.apistage/stage.yaml:1:1: error [stage-state] the stage's metadata"
              + " must be a mapping with stage and lastRecord");

  /** Deploys qa, then breaks three history files and the metadata in a commit made by hand. */
  private String breakQa() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    try (GitRepo repo = GitRepo.open(dir)) {
      Map<String, byte[]> files = new LinkedHashMap<>(repo.readAll(deployed));
      files.put(
          ".apistage/history/000002-promotion-cut.json",
          utf8("{\"name\": \"cut\",\n  \"status\": }\n"));
      files.put(".apistage/history/000003-rollback-list.json", utf8("[1, 2]\n"));
      files.put(".apistage/history/notes.txt", utf8("remember\n"));
      files.put(".apistage/stage.yaml", utf8("- stage: qa\n"));
      String hand = repo.writeCommit(files, List.of(deployed), "break qa", StageFixture.WHO);
      repo.compareAndSwap("refs/heads/apistage/stage/qa", Optional.of(deployed), hand, "hand");
      return hand;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void malformedRecordsAndMetadataAreProblemsAtTheirPathsAtEveryDepth() throws Exception {
    String hand = breakQa();
    Stage qa = StageFixture.chain(dir).get("qa");
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      for (StageReader.Depth depth : StageReader.Depth.values()) {
        StageState state = store.read(qa, depth);
        assertThat(state.commit()).as(depth.name()).contains(hand);
        assertThat(state.problems())
            .as(depth.name())
            .extracting(Problem::format)
            .filteredOn(line -> line.startsWith("apistage/stage/qa:."))
            .containsExactlyInAnyOrderElementsOf(BROKEN_FILES);
        assertThat(state.problems())
            .as(depth.name())
            .extracting(Problem::format)
            .anyMatch(
                line -> line.contains("(\"break qa\" by apistage-ci) was not made by apistage"));
        assertThat(state.history())
            .as(depth.name())
            .extracting(HistoryRecord::id)
            .containsExactly("000001-promotion-all-to-qa");
        assertThat(state.lastRecord()).as(depth.name()).isNull();
        assertThat(state.hasErrors()).as(depth.name()).isTrue();
      }
    }
  }

  @Test
  void eachDepthFillsWhatItNames() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    Stage qa = StageFixture.chain(dir).get("qa");
    try (GitRepo repo = GitRepo.open(dir)) {
      StageStore store = new StageStore(repo, Map.of());
      List<String> keys = List.of("api/orders@1", "application/mobile-app", "policy/cors");
      StageState history = store.read(qa, StageReader.Depth.HISTORY);
      assertThat(history.history()).hasSize(1);
      assertThat(history.assets()).isEmpty();
      assertThat(history.authored()).isEmpty();
      assertThat(history.aliases()).isEmpty();
      StageState running = store.read(qa, StageReader.Depth.RUNNING);
      assertThat(running.assets().keySet()).containsExactlyElementsOf(keys);
      assertThat(running.deployed()).isEmpty();
      assertThat(running.authored()).isEmpty();
      StageState full = store.read(qa, StageReader.Depth.FULL);
      assertThat(full.deployed().keySet()).containsExactlyElementsOf(keys);
      assertThat(full.authored().keySet()).containsExactlyElementsOf(keys);
      StageState authored = store.read(qa, StageReader.Depth.AUTHORED);
      assertThat(authored.assets()).isEmpty();
      assertThat(authored.authored().keySet()).containsExactlyElementsOf(keys);
      assertThat(authored.aliases().keySet()).containsExactly("orders-backend");
      StageState resolved = store.read(qa, StageReader.Depth.RESOLVED);
      assertThat(resolved.assets()).isEqualTo(full.assets());
      assertThat(resolved.deployed()).isEmpty();
      StageState deployed = store.read(qa, StageReader.Depth.DEPLOYED);
      // what no gateway renders is left out: descriptions, parameters, request and response shapes
      assertThat(deployed.assets()).isEqualTo(notRendered(full.assets()));
      assertThat(deployed.assets()).isNotEqualTo(full.assets());
      assertThat(deployed.authored()).isEmpty();
      assertThat(deployed.aliases()).isEmpty();
      // the running assets are parsed again when asked for, with the same file and positions
      assertThat(deployed.deployed().keySet()).containsExactlyElementsOf(keys);
      Asset orders = deployed.deployed().get("api/orders@1");
      assertThat(orders.file()).isEqualTo(full.deployed().get("api/orders@1").file());
      assertThat(orders.body()).isEqualTo(full.deployed().get("api/orders@1").body());
      assertThat(deployed.deployed().get("api/missing@1")).isNull();
      for (StageState state : List.of(history, running, full, authored, resolved, deployed)) {
        assertThat(state.problems()).isEmpty();
        assertThat(state.lastRecord()).isEqualTo("000001-promotion-all-to-qa");
      }
    }
  }

  /** The assets without the fields of {@link Served#FIELDS_NOT_RENDERED}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> notRendered(Map<String, Object> assets) {
    Map<String, Object> out = new TreeMap<>();
    assets.forEach(
        (key, value) -> {
          Map<String, Object> asset = new LinkedHashMap<>((Map<String, Object>) value);
          asset.remove("description");
          if (asset.get("endpoints") instanceof List<?> endpoints) {
            asset.put(
                "endpoints",
                endpoints.stream()
                    .map(
                        e -> {
                          Map<String, Object> endpoint =
                              new LinkedHashMap<>((Map<String, Object>) e);
                          endpoint
                              .keySet()
                              .removeAll(
                                  Set.of("description", "parameters", "requestBody", "responses"));
                          return endpoint;
                        })
                    .toList());
          }
          out.put(key, asset);
        });
    return out;
  }

  @Test
  void anAuthoredCopyIsTheTreeTheListenerParsedFromTheSameBlobNotAParseOfItsOwn() throws Exception {
    GitRepoBuilder.withFiles(dir, Repos.shop()).close();
    String deployed = StageFixture.deploy(dir, "qa", "promote").orElseThrow();
    Stage qa = StageFixture.chain(dir).get("qa");
    try (GitRepo repo = GitRepo.open(dir)) {
      StageState first = new StageStore(repo, Map.of()).read(qa, StageReader.Depth.AUTHORED);
      Asset orders = first.authored().get("api/orders@1");
      String blob = repo.listFiles(deployed, "").get(".apistage/authored/apis/orders/v1.yaml");
      Map<YMap, String> told = new IdentityHashMap<>();
      StageReader.Listener listener =
          new StageReader.Listener() {
            @Override
            public YMap parsed(String id) {
              return id.equals(blob) ? orders.body() : null;
            }

            @Override
            public void authoredCopy(YMap body, String id) {
              told.put(body, id);
            }
          };

      StageState again =
          new StageStore(repo, Map.of(), listener).read(qa, StageReader.Depth.AUTHORED);

      assertThat(again.authored().get("api/orders@1").body()).isSameAs(orders.body());
      assertThat(again.authored().get("api/orders@1").file())
          .isEqualTo("apistage/stage/qa:.apistage/authored/apis/orders/v1.yaml");
      assertThat(told).containsEntry(orders.body(), blob);
      assertThat(again.authored().get("policy/cors").body())
          .isNotSameAs(first.authored().get("policy/cors").body())
          .isEqualTo(first.authored().get("policy/cors").body());
    }
  }
}
