package io.apistage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.Overwrite;
import io.apistage.promotion.PromoteGoal;
import io.apistage.promotion.PromoteRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import end to end, on real Git repositories and folders. */
class ExportImportTest {

  private static final char[] PASSWORD = "a long enough archive password".toCharArray();
  private static final String CORS_ID = "7d4a3a50-8e5f-4c55-9b8e-0a1b2c3d4e5f";

  private static final Map<String, String> SHOP =
      Map.of(
          "stages/dev.yaml", "kind: Stage\nname: dev\ntrack: main\n",
          "stages/qa.yaml", "kind: Stage\nname: qa\npromotesFrom: dev\n",
          "aliases/orders-backend.yaml",
              "kind: Alias\nname: orders-backend\nvalue: http://localhost:9001\n"
                  + "stages: { qa: https://orders.qa }\n",
          "policies/cors.yaml",
              "kind: Policy\nname: cors\nid: " + CORS_ID + "\ntype: cors   # comment kept\n",
          "apis/orders/v1.yaml",
              "kind: Api\nname: orders\nversion: 1.0.0\nstate: published\n"
                  + "baseUrl: ${alias:orders-backend}\npolicies: [cors]\n"
                  + "endpoints:\n  - { name: getOrder, method: GET, path: /orders }\n",
          "apis/pets/v1.yaml",
              "kind: Api\nname: pets\nversion: 1.0.0\nstate: published\n"
                  + "baseUrl: http://pets.local\n",
          "applications/mobile.yaml", "kind: Application\nname: mobile\napis: [orders@1]\n",
          "promotions/orders-to-qa.yaml",
              "kind: Promotion\nname: orders-to-qa\nfrom: dev\nto: [qa]\n"
                  + "assets: [{ kind: api, name: orders }]\n");

  @TempDir Path dir;

  private int tick;

  private Path repo(String name, Map<String, String> files) throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root);
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        write(root, f.getKey(), f.getValue());
      }
      commit(git, "the shop");
    }
    return root;
  }

  private void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "Alice",
            "alice@example.com",
            Date.from(Instant.parse("2026-01-05T10:00:00Z").plusSeconds(60L * tick++)),
            TimeZone.getTimeZone("UTC"));
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  private static void write(Path root, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static GoalContext context(Path root, RecordingLog log) {
    return new GoalContext(root, root.resolve("target/apistage"), false, Map.of(), log);
  }

  private static GoalResult export(Path root, Path archive, String stage, String select)
      throws Exception {
    return new ExportGoal(
            context(root, new RecordingLog()),
            new ExportRequest(archive, stage, Selection.parse(select), PASSWORD, Map.of()))
        .execute();
  }

  private static GoalResult importInto(Path root, Path archive, Overwrite overwrite)
      throws Exception {
    return new ImportGoal(
            context(root, new RecordingLog()), new ImportRequest(archive, overwrite, PASSWORD))
        .execute();
  }

  /** Every file under a root, outside .git and target, by path. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".git/") && !rel.startsWith("target/")) {
          out.put(rel, Files.readString(p));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> report(GoalResult result) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> a : (List<Map<String, Object>>) result.body().toJson().get("assets")) {
      out.add(a.get("key") + " " + a.get("status") + ": " + a.get("explanation"));
    }
    return out;
  }

  @Test
  void workingCopyRoundTripsIntoAnEmptyRepositoryByteForByte() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    GoalResult exported = export(source, archive, null, null);
    assertThat(exported.code()).isEqualTo("OK");
    assertThat(exported.message())
        .isEqualTo("exported 7 assets from the working copy to " + archive);
    Path target = repo("target", Map.of());

    GoalResult imported = importInto(target, archive, Overwrite.NONE);

    assertThat(imported.problems()).isEmpty();
    assertThat(imported.message())
        .isEqualTo(
            "imported 7 assets from all.apistage into the working copy (7 Success); nothing was"
                + " committed");
    Map<String, String> expected = new TreeMap<>(files(source));
    expected.keySet().removeIf(p -> p.startsWith("promotions/"));
    assertThat(files(target)).isEqualTo(expected);
    try (Git git = Git.open(target.toFile())) {
      assertThat(git.status().call().getUntracked()).contains("apis/orders/v1.yaml");
      assertThat(git.log().call()).hasSize(1);
    }
  }

  @Test
  void selectionTravelsWithItsRequiredDependenciesOnly() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("orders.apistage");

    GoalResult exported = export(source, archive, null, "api/orders@1");

    assertThat(report(exported))
        .containsExactly(
            "alias/orders-backend Success: exported (required by api/orders@1)",
            "api/orders@1 Success: exported (selected)",
            "policy/cors Success: exported (required by api/orders@1)");
  }

  @Test
  void exportOfAStageKeepsWhatTheStageRan() throws Exception {
    Path source = repo("source", SHOP);
    GoalResult promoted =
        new PromoteGoal(
                context(source, new RecordingLog()),
                new PromoteRequest(
                    null,
                    false,
                    false,
                    Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC)))
            .execute();
    assertThat(promoted.problems()).isEmpty();
    try (Git git = Git.open(source.toFile())) {
      write(
          source, "apis/orders/v1.yaml", SHOP.get("apis/orders/v1.yaml").replace("1.0.0", "1.1.0"));
      commit(git, "orders 1.1.0, not promoted");
    }
    Path archive = dir.resolve("qa.apistage");

    GoalResult exported = export(source, archive, "qa", null);

    assertThat(exported.message())
        .isEqualTo("exported 3 assets from the state of stage qa to " + archive);
    assertThat(exported.body().toJson().get("stage")).isEqualTo("qa");
    Path target =
        repo(
            "target",
            Map.of(
                "stages/dev.yaml", SHOP.get("stages/dev.yaml"),
                "stages/qa.yaml", SHOP.get("stages/qa.yaml")));
    assertThat(importInto(target, archive, Overwrite.NONE).problems()).isEmpty();
    String orders = Files.readString(target.resolve("apis/orders/v1.yaml"));
    assertThat(orders).contains("version: 1.0.0").contains("${alias:orders-backend}");
    assertThat(orders).isEqualTo(authoredOnBranch(source, "qa", "apis/orders/v1.yaml"));
    assertThat(target.resolve("apis/pets/v1.yaml")).doesNotExist();
  }

  private static String authoredOnBranch(Path repo, String stage, String path) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      Repository r = git.getRepository();
      var commit = r.parseCommit(r.resolve("refs/heads/apistage/stage/" + stage));
      try (TreeWalk walk = TreeWalk.forPath(r, ".apistage/authored/" + path, commit.getTree())) {
        return new String(r.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void overwriteNoneFailsAnAssetThatExistsAndWritesNothing() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    Map<String, String> mine = new TreeMap<>();
    mine.put(
        "policies/cors.yaml", "kind: Policy\nname: cors\nid: " + CORS_ID + "\ntype: logging\n");
    Path target = repo("target", mine);
    Map<String, String> before = files(target);

    GoalResult imported = importInto(target, archive, Overwrite.NONE);

    assertThat(imported.code()).isEqualTo("IMPORT_FAILED");
    assertThat(imported.message())
        .isEqualTo("1 asset of all.apistage cannot be imported; nothing was written");
    assertThat(report(imported))
        .contains(
            "policy/cors Failure: exists in this repository (policies/cors.yaml) with other"
                + " content; overwrite none leaves it: pass -Dapistage.overwrite=all or"
                + " -Dapistage.overwrite=policy to replace it",
            "api/pets@1 Success: created apis/pets/v1.yaml");
    assertThat(imported.problems().get(0).format())
        .isEqualTo(
            "policies/cors.yaml:1:1: error [import] policy/cors: exists in this repository"
                + " (policies/cors.yaml) with other content; overwrite none leaves it: pass"
                + " -Dapistage.overwrite=all or -Dapistage.overwrite=policy to replace it");
    assertThat(files(target)).isEqualTo(before);

    GoalResult replaced =
        importInto(target, archive, new Overwrite(false, java.util.Set.of("policy")));
    assertThat(report(replaced)).contains("policy/cors Replaced: replaced policies/cors.yaml");
    assertThat(Files.readString(target.resolve("policies/cors.yaml")))
        .isEqualTo(SHOP.get("policies/cors.yaml"));
  }

  @Test
  void aRenamedAssetIsFoundByItsId() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("cors.apistage");
    export(source, archive, null, "policy/cors");
    Path target =
        repo(
            "target",
            Map.of(
                "policies/cors-old.yaml",
                "kind: Policy\nname: cors-old\nid: " + CORS_ID + "\ntype: cors\n"));

    GoalResult refused = importInto(target, archive, Overwrite.NONE);
    assertThat(report(refused))
        .containsExactly(
            "policy/cors Failure: renamed from policy/cors-old (same id "
                + CORS_ID
                + "); overwrite none does not let import replace a policy: pass"
                + " -Dapistage.overwrite=all or -Dapistage.overwrite=policy");
    assertThat(target.resolve("policies/cors.yaml")).doesNotExist();

    GoalResult renamed = importInto(target, archive, Overwrite.ALL);
    assertThat(report(renamed))
        .containsExactly(
            "policy/cors Replaced: renamed from policy/cors-old (same id "
                + CORS_ID
                + "): policies/cors-old.yaml removed, policies/cors.yaml written");
    assertThat(target.resolve("policies/cors-old.yaml")).doesNotExist();
    assertThat(Files.readString(target.resolve("policies/cors.yaml")))
        .isEqualTo(SHOP.get("policies/cors.yaml"));
  }

  @Test
  void anImportThatWouldNotValidateWritesNothing() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("cors.apistage");
    export(source, archive, null, "policy/cors");
    Path target =
        repo(
            "target",
            Map.of(
                "policies/cors-old.yaml",
                "kind: Policy\nname: cors-old\nid: " + CORS_ID + "\ntype: cors\n",
                "apis/shop/v1.yaml",
                "kind: Api\nname: shop\nversion: 1.0.0\nstate: published\n"
                    + "baseUrl: http://shop.local\npolicies: [cors-old]\n"));
    Map<String, String> before = files(target);

    GoalResult imported = importInto(target, archive, Overwrite.ALL);

    assertThat(imported.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(imported.message())
        .startsWith("with the import applied the configuration does not validate (")
        .endsWith("); nothing was written");
    assertThat(imported.problems())
        .anySatisfy(p -> assertThat(p.format()).startsWith("apis/shop/v1.yaml:6:"));
    assertThat(files(target)).isEqualTo(before);
  }

  @Test
  void aWrongPasswordIsRefusedAndNothingIsWritten() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    Path target = repo("target", Map.of());

    assertThatThrownBy(
            () ->
                new ImportGoal(
                        context(target, new RecordingLog()),
                        new ImportRequest(archive, Overwrite.ALL, "not the password".toCharArray()))
                    .execute())
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "wrong password for all.apistage: set APISTAGE_ARCHIVE_PASSWORD, or the settings.xml"
                + " server apistage-archive, to the password the archive was exported with;"
                + " nothing was imported");
    assertThat(files(target)).isEmpty();
  }

  @Test
  void aFlippedByteIsRefusedAndNothingIsWritten() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length - 20] ^= 0x40;
    Files.write(archive, bytes);
    Path target = repo("target", Map.of());

    assertThatThrownBy(() -> importInto(target, archive, Overwrite.ALL))
        .isInstanceOf(ApistageException.class)
        .hasMessageStartingWith("all.apistage was changed after it was written, or cut short:")
        .hasMessageEndingWith("the archive is damaged or was tampered with; nothing was imported");
    assertThat(files(target)).isEmpty();
  }

  @Test
  void aManifestPathOutsideTheConfigRootIsRefused() throws Exception {
    byte[] bytes = "kind: Policy\nname: cors\ntype: cors\n".getBytes(StandardCharsets.UTF_8);
    Manifest manifest =
        new Manifest(
            "working-copy",
            null,
            null,
            "2026-12-03T12:00:00Z",
            List.of(
                new Manifest.Entry(
                    "policy/cors",
                    CORS_ID,
                    "policy",
                    "policies/../../outside/cors.yaml",
                    bytes.length,
                    java.util.HexFormat.of().formatHex(ArchiveHeader.sha256(bytes)))));
    Path archive = dir.resolve("evil.apistage");
    try (OutputStream out = Files.newOutputStream(archive);
        ArchiveWriter writer = ArchiveWriter.open(out, PASSWORD, manifest)) {
      writer.write(bytes);
    }
    Path target = repo("target", Map.of());

    assertThatThrownBy(() -> importInto(target, archive, Overwrite.ALL))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "evil.apistage names the path 'policies/../../outside/cors.yaml' for policy/cors,"
                + " which is outside the config root or not a plain relative path; refused,"
                + " nothing written; nothing was imported");
    assertThat(dir.resolve("outside")).doesNotExist();
    assertThat(files(target)).isEmpty();
  }

  @Test
  void aShortPasswordIsRefusedOnExport() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    assertThatThrownBy(
            () ->
                new ExportGoal(
                        context(source, new RecordingLog()),
                        new ExportRequest(
                            archive, null, List.of(), "short".toCharArray(), Map.of()))
                    .execute())
        .isInstanceOf(ApistageException.class)
        .hasMessageStartingWith("the archive password has 5 characters; export needs at least 12:");
    assertThat(archive).doesNotExist();
    assertThatThrownBy(() -> ArchivePassword.resolve(Map.of(), java.util.Optional.empty()))
        .hasMessageStartingWith(
            "no archive password: set the environment variable" + " APISTAGE_ARCHIVE_PASSWORD");
  }

  @Test
  void aMissingDependencyOrASelectorMatchingNothingExportsNothing() throws Exception {
    Path source =
        repo(
            "source",
            Map.of(
                "applications/mobile.yaml", "kind: Application\nname: mobile\napis: [orders@1]\n"));
    Path archive = dir.resolve("mobile.apistage");

    GoalResult failed = export(source, archive, null, "application/mobile");

    assertThat(failed.code()).isEqualTo("EXPORT_FAILED");
    assertThat(failed.problems().get(0).format())
        .isEqualTo(
            "applications/mobile.yaml:1:1: error [export] application/mobile requires"
                + " api/orders@1, which the working copy does not have; add it or leave"
                + " application/mobile out of apistage.select");
    assertThat(archive).doesNotExist();
    assertThatThrownBy(() -> export(source, archive, null, "api/orders@1"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apistage.select names api/orders@1, which matches no asset of the source; check the"
                + " name, or leave it out");
  }

  @Test
  void badSelectorsAndOverwritesNameTheAcceptedValues() {
    assertThatThrownBy(() -> Selection.parse("promotion/qa"))
        .hasMessage(
            "apistage.select item 'promotion/qa' is not a selector; pass"
                + " -Dapistage.select=<kind>[/<name>][@<major>],... with a kind among api, policy,"
                + " alias, application, plan, package, subscription, team, stage, e.g."
                + " -Dapistage.select=api/orders@1,application/*");
    assertThatThrownBy(() -> ImportRequest.overwrite("apis"))
        .hasMessageStartingWith(
            "apistage.overwrite entry 'apis' is unknown; pass -Dapistage.overwrite=none,"
                + " -Dapistage.overwrite=all or a comma list of: api,");
    assertThatThrownBy(() -> ImportRequest.overwrite("application.credentials"))
        .hasMessage(
            "apistage.overwrite entry application.credentials needs its parent application: pass"
                + " -Dapistage.overwrite=application,application.credentials");
  }

  /** The shop with a policy of 150,000 bytes, so its archive spans three chunks. */
  private static Map<String, String> bigShop() {
    Map<String, String> files = new TreeMap<>(SHOP);
    files.put(
        "policies/zz-large.yaml",
        "kind: Policy\nname: zz-large\ntype: cors\n" + "# padding\n".repeat(15_000));
    return files;
  }

  @Test
  void aTamperedLastChunkLeavesTheDestinationUntouched() throws Exception {
    Path source = repo("source", bigShop());
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    byte[] bytes = Files.readAllBytes(archive);
    int sealed = ArchiveHeader.CHUNK_SIZE + ChunkCipher.TAG;
    assertThat(bytes.length - ArchiveHeader.LENGTH).isGreaterThan(2 * sealed);
    bytes[bytes.length - 1] ^= 0x01; // the last chunk's tag: every file was staged before it
    Files.write(archive, bytes);
    Map<String, String> mine = new TreeMap<>();
    mine.put("policies/cors.yaml", "kind: Policy\nname: cors\nid: " + CORS_ID + "\ntype: x\n");
    mine.put("stages/dev.yaml", "kind: Stage\nname: dev\n");
    Path target = repo("target", mine);
    Map<String, String> before = files(target);

    assertThatThrownBy(() -> importInto(target, archive, Overwrite.ALL))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "all.apistage was changed after it was written, or cut short: chunk 2 (bytes "
                + (ArchiveHeader.LENGTH + 2L * sealed)
                + " to "
                + (bytes.length - 1)
                + ") does not authenticate; the archive is damaged or was tampered with;"
                + " nothing was imported");
    assertThat(files(target)).isEqualTo(before);
    try (Stream<Path> left = Files.list(target)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".git", "policies", "stages");
    }
  }

  @Test
  void aFailedMoveIntoPlaceUndoesEveryFileAlreadyMoved() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    Map<String, String> mine = new TreeMap<>();
    mine.put("stages/dev.yaml", "kind: Stage\nname: dev\ntrack: main\n# mine\n");
    // a folder where the archive's policies/cors.yaml goes: that move fails, after those before it
    mine.put("policies/cors.yaml/keep.txt", "not a policy\n");
    Path target = repo("target", mine);
    Map<String, String> before = files(target);

    assertThatThrownBy(() -> importInto(target, archive, Overwrite.ALL))
        .isInstanceOf(IOException.class);

    assertThat(files(target)).isEqualTo(before);
    assertThat(target.resolve("apis")).doesNotExist();
    assertThat(target.resolve("aliases")).doesNotExist();
    try (Stream<Path> left = Files.list(target)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".git", "policies", "stages");
    }
  }

  @Test
  void aDryRunChecksAndListsWhatItWouldWriteAndWritesNothing() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    Map<String, String> mine = new TreeMap<>();
    mine.put("stages/dev.yaml", SHOP.get("stages/dev.yaml"));
    mine.put(
        "policies/cors-old.yaml", "kind: Policy\nname: cors-old\nid: " + CORS_ID + "\ntype: x\n");
    Path target = repo("target", mine);
    Map<String, String> before = files(target);
    RecordingLog log = new RecordingLog();

    GoalResult dry =
        new ImportGoal(
                context(target, log), new ImportRequest(archive, Overwrite.ALL, PASSWORD, true))
            .execute();

    assertThat(dry.code()).isEqualTo("OK");
    assertThat(dry.message())
        .isEqualTo(
            "dry run: importing 7 assets from all.apistage would write 6 files and delete 1 file"
                + " (6 Success, 1 Replaced); the archive is intact; nothing was written");
    assertThat(report(dry))
        .contains(
            "stage/dev Success: already there with the same content",
            "api/orders@1 Success: would create apis/orders/v1.yaml",
            "policy/cors Replaced: renamed from policy/cors-old (same id "
                + CORS_ID
                + "): policies/cors-old.yaml would be removed, policies/cors.yaml written");
    assertThat(log.lines())
        .contains(
            "[INFO]   would write  apis/orders/v1.yaml",
            "[INFO]   would delete policies/cors-old.yaml");
    Map<String, Object> json = dry.body().toJson();
    assertThat(json.get("dryRun")).isEqualTo(true);
    assertThat(json.get("written"))
        .isEqualTo(
            List.of(
                "aliases/orders-backend.yaml",
                "apis/orders/v1.yaml",
                "apis/pets/v1.yaml",
                "applications/mobile.yaml",
                "policies/cors.yaml",
                "stages/qa.yaml"));
    assertThat(json.get("removed")).isEqualTo(List.of("policies/cors-old.yaml"));
    assertThat(files(target)).isEqualTo(before);

    GoalResult real = importInto(target, archive, Overwrite.ALL);
    assertThat(real.body().toJson().get("written")).isEqualTo(json.get("written"));
    assertThat(target.resolve("policies/cors-old.yaml")).doesNotExist();
  }

  @Test
  void aDryRunOfADamagedArchiveFailsAsAnImportWould() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("all.apistage");
    export(source, archive, null, null);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[ArchiveHeader.LENGTH + 3] ^= 0x10;
    Files.write(archive, bytes);
    Path target = repo("target", Map.of());

    assertThatThrownBy(
            () ->
                new ImportGoal(
                        context(target, new RecordingLog()),
                        new ImportRequest(archive, Overwrite.ALL, PASSWORD, true))
                    .execute())
        .isInstanceOf(ApistageException.class)
        .hasMessageStartingWith("all.apistage was changed after it was written, or cut short:");
    assertThat(files(target)).isEmpty();
  }

  @Test
  void aFolderThatLinksOutsideTheConfigRootIsNotWrittenThrough() throws Exception {
    Path source = repo("source", SHOP);
    Path archive = dir.resolve("orders.apistage");
    export(source, archive, null, "api/orders@1");
    Path target =
        repo(
            "target",
            Map.of(
                "stages/dev.yaml", SHOP.get("stages/dev.yaml"),
                "stages/qa.yaml", SHOP.get("stages/qa.yaml")));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(target.resolve("apis"), outside);
    Map<String, String> before = files(target);

    assertThatThrownBy(() -> importInto(target, archive, Overwrite.ALL))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "apis leads outside the config root through a symbolic link; nothing was written");

    try (Stream<Path> left = Files.list(outside)) {
      assertThat(left).isEmpty();
    }
    assertThat(files(target)).isEqualTo(before);
    assertThat(target.resolve("aliases")).doesNotExist();
  }
}
