package io.apistage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in a config root are not followed, and each is named in a warning. */
class DirectorySourceTest {

  @TempDir Path dir;

  private static final String NOTE = "; apistage reads only regular files inside the config root";

  private static boolean link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  @Test
  void linksInTheConfigRootAreWarnedAtTheirPathAndNeverRead() throws IOException {
    Path root = dir.resolve("config");
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside.resolve("orders"));
    Files.writeString(outside.resolve("secret.yaml"), "kind: Policy\nname: evil\n");
    Files.writeString(outside.resolve("orders/v1.yaml"), "kind: Api\nname: x\n");
    Files.createDirectories(root.resolve("policies"));
    Files.createDirectories(root.resolve("apis/pets"));
    Files.writeString(root.resolve("policies/cors.yaml"), "kind: Policy\nname: cors\ntype: cors\n");
    assumeTrue(link(root.resolve("policies/evil.yaml"), outside.resolve("secret.yaml")));
    link(root.resolve("apis/x"), outside);
    link(root.resolve("apis/pets/v1.yaml"), outside.resolve("orders/v1.yaml"));
    link(root.resolve("plans"), outside);
    link(root.resolve("apistage.yaml"), outside.resolve("secret.yaml"));

    Config config = new ConfigLoader().load(new DirectorySource(root));

    assertThat(config.filesRead()).containsExactly("policies/cors.yaml");
    assertThat(config.problems().stream().map(Problem::format))
        .containsExactly(
            "apis/pets/v1.yaml:1:1: warning [layout] symbolic link not followed: apis/pets/v1.yaml -> "
                + outside.resolve("orders/v1.yaml")
                + NOTE,
            "apis/x:1:1: warning [layout] symbolic link not followed: apis/x -> " + outside + NOTE,
            "apistage.yaml:1:1: warning [layout] symbolic link not followed: apistage.yaml -> "
                + outside.resolve("secret.yaml")
                + NOTE,
            "plans:1:1: warning [layout] symbolic link not followed: plans -> " + outside + NOTE,
            "policies/evil.yaml:1:1: warning [layout] symbolic link not followed:"
                + " policies/evil.yaml -> "
                + outside.resolve("secret.yaml")
                + NOTE);
  }

  @Test
  void aRootWithoutLinksHasNothingSkipped() throws IOException {
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/cors.yaml"), "kind: Policy\nname: cors\n");
    assertThat(new DirectorySource(dir).skipped()).isEmpty();
    assertThat(new DirectorySource(dir).paths()).containsExactly("policies/cors.yaml");
  }

  @Test
  void aSourceOfSomeKindsListsTheSettingsAndTheirFoldersOnly() throws IOException {
    Files.createDirectories(dir.resolve("policies"));
    Files.createDirectories(dir.resolve("stages"));
    Files.writeString(dir.resolve("apistage.yaml"), "kind: Settings\n");
    Files.writeString(dir.resolve("policies/cors.yaml"), "kind: Policy\nname: cors\n");
    Files.writeString(dir.resolve("stages/dev.yaml"), "kind: Stage\nname: dev\n");

    assertThat(new DirectorySource(dir, EnumSet.of(Kind.STAGE)).paths())
        .containsExactly("apistage.yaml", "stages/dev.yaml");
  }
}
