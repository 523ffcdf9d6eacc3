package io.apistage.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of docs/validate.md ("Layout and names"): where each kind lives, paths relative to the
 * config root.
 */
class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void pathsMapToKindNameAndMajor() {
    assertThat(ConfigLoader.place("apis/orders/v12.yaml"))
        .contains(new ConfigLoader.Placement(Kind.API, "orders", 12));
    assertThat(ConfigLoader.place("policies/cors.yml"))
        .contains(new ConfigLoader.Placement(Kind.POLICY, "cors", 0));
    assertThat(ConfigLoader.place("apis/orders.yaml")).isEmpty();
    assertThat(ConfigLoader.place("docs/readme.yaml")).isEmpty();
    assertThat(ConfigLoader.place("policies/nested/cors.yaml")).isEmpty();
  }

  @Test
  void aConfigRootInASubFolderGivesPathsRelativeToIt() throws IOException {
    Path root = dir.resolve("platform/config");
    Files.createDirectories(root.resolve("policies"));
    Files.writeString(
        root.resolve("policies/cors.yaml"),
        "kind: Policy\nname: cors\nduplicate: 1\nduplicate: 2\n");
    Files.writeString(dir.resolve("platform/pom.xml"), "<project/>");
    Config config = new ConfigLoader().load(new DirectorySource(root));
    assertThat(config.filesRead()).containsExactly("policies/cors.yaml");
    assertThat(config.problems().stream().map(Problem::format))
        .containsExactly(
            "policies/cors.yaml:4:1: error [yaml] duplicate key 'duplicate'; each key may appear once in a mapping");
  }

  @Test
  void filesFromMemoryLoadLikeFilesOnDisk() throws IOException {
    Path root = dir.resolve("config");
    Files.createDirectories(root.resolve("apis/orders"));
    String api = "kind: Api\nname: orders\nversion: 1.0.0\nstate: draft\n";
    Files.writeString(root.resolve("apis/orders/v1.yaml"), api);
    Config disk = new ConfigLoader().load(new DirectorySource(root));
    Config memory =
        new ConfigLoader()
            .load(
                new MemorySource(
                    Map.of("apis/orders/v1.yaml", api.getBytes(StandardCharsets.UTF_8))));
    assertThat(memory.assets().keySet())
        .isEqualTo(disk.assets().keySet())
        .containsExactly("api/orders@1");
    Optional<Asset> orders = memory.get(Kind.API, "orders", 1);
    assertThat(orders).isPresent();
    assertThat(orders.get().id()).isEqualTo(Asset.derivedId(Kind.API, "orders", 1));
  }

  @Test
  void settingsAloneAreReadWithoutTheAssetsAndWithTheSameLimits() throws IOException {
    Files.createDirectories(dir.resolve("apis/orders"));
    Files.writeString(dir.resolve("apis/orders/v1.yaml"), "not: [valid");
    assertThat(new ConfigLoader().loadSettings(dir).settings()).isEqualTo(Settings.DEFAULTS);
    Files.writeString(dir.resolve("apistage.yaml"), "mainBranch: trunk\n");
    Config config = new ConfigLoader().loadSettings(dir);
    assertThat(config.problems()).isEmpty();
    assertThat(config.settings().mainBranch()).isEqualTo("trunk");
    assertThat(config.filesRead()).containsExactly("apistage.yaml");
    // an oversized settings file is a problem at its path, not read into memory
    Files.writeString(dir.resolve("apistage.yaml"), "description: " + "x".repeat(5 << 20) + "\n");
    assertThat(new ConfigLoader().loadSettings(dir).problems())
        .extracting(Problem::format)
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("apistage.yaml:1:1: error [yaml] the file has ")
        .contains("more than the limit of 4194304");
  }

  @Test
  void stagesAreReadWithTheSettingsAndWithoutTheOtherAssets() throws IOException {
    Files.createDirectories(dir.resolve("apis/orders"));
    Files.writeString(dir.resolve("apis/orders/v1.yaml"), "not: [valid");
    Files.createDirectories(dir.resolve("stages"));
    Files.writeString(dir.resolve("stages/dev.yaml"), "kind: Stage\nname: dev\n");
    Files.writeString(dir.resolve("apistage.yaml"), "mainBranch: trunk\n");
    Config config = new ConfigLoader().loadStages(dir);
    assertThat(config.problems()).isEmpty();
    assertThat(config.filesRead()).containsExactlyInAnyOrder("apistage.yaml", "stages/dev.yaml");
    assertThat(config.assets()).containsOnlyKeys("stage/dev");
    assertThat(config.settings().mainBranch()).isEqualTo("trunk");
  }
}
