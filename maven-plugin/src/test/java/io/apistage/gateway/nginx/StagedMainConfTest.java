package io.apistage.gateway.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main file nginx -t tests a new stage file with, before the file goes live. */
class StagedMainConfTest {

  @TempDir Path dir;

  @Test
  void theIncludeGlobBecomesTheFilesItTakesTodayWithTheNewFileInPlaceOfTheLiveOne()
      throws Exception {
    Path apistage = Files.createDirectories(dir.resolve("apistage"));
    for (String name : new String[] {"dev.conf", "qa.conf", ".qa.conf.prev", "notes.txt"}) {
      Files.writeString(apistage.resolve(name), "# " + name + "\n");
    }
    Path next = apistage.resolve(".qa.conf.next");
    String main =
        "pid /run/nginx.pid;\nhttp {\n    include mime.types;\n    include apistage/*.conf;\n}\n";
    assertThat(StagedMainConf.text(main, apistage.resolve("qa.conf"), next))
        .isEqualTo(
            "pid /run/nginx.pid;\nhttp {\n    include mime.types;\n    include \""
                + apistage.resolve("dev.conf")
                + "\"; include \""
                + next
                + "\";\n}\n");
  }

  @Test
  void aStageDeployedForTheFirstTimeIsIncludedInItsPlaceAmongTheOthers() throws Exception {
    Path apistage = Files.createDirectories(dir.resolve("apistage"));
    Files.writeString(apistage.resolve("prod.conf"), "# prod\n");
    Path next = apistage.resolve(".dev.conf.next");
    assertThat(
            StagedMainConf.text(
                "http {\n\tinclude '/etc/nginx/apistage/*.conf' ;\n}\n",
                apistage.resolve("dev.conf"),
                next))
        .isEqualTo(
            "http {\n\tinclude \""
                + next
                + "\"; include \""
                + apistage.resolve("prod.conf")
                + "\";\n}\n");
  }
}
