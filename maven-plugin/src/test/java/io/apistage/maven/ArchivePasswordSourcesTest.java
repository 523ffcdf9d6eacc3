package io.apistage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.archive.ArchivePassword;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Where export and import take the archive password from, and where they refuse it. */
class ArchivePasswordSourcesTest {

  @Test
  void theSettingsServerGivesThePasswordWithoutAUserName() throws Exception {
    Server server = new Server();
    server.setId("apistage-archive");
    server.setPassword("from settings.xml, long");
    Settings settings = new Settings();
    settings.addServer(server);

    Optional<String> password =
        AbstractApistageMojo.serverPassword(settings, null, ArchivePassword.SERVER);

    assertThat(password).contains("from settings.xml, long");
    assertThat(ArchivePassword.resolve(Map.of(), password))
        .isEqualTo("from settings.xml, long".toCharArray());
    assertThat(
            ArchivePassword.resolve(
                Map.of("APISTAGE_ARCHIVE_PASSWORD", "from the environment"), password))
        .isEqualTo("from the environment".toCharArray());
    assertThat(AbstractApistageMojo.serverPassword(new Settings(), null, "apistage-archive"))
        .isEmpty();
  }

  @Test
  void aPasswordPropertyIsRefusedWithAdvice() {
    Properties properties = new Properties();
    properties.setProperty("apistage.archive", "qa.apistage");
    properties.setProperty("apistage.archivePassword", "hunter2");
    assertThatThrownBy(() -> ArchivePasswordGuard.refuseCommandLine(properties))
        .hasMessage(
            "-Dapistage.archivePassword is refused: a password on the command line is visible to"
                + " every process on this machine; set the environment variable"
                + " APISTAGE_ARCHIVE_PASSWORD, or put the password in a settings.xml server with id"
                + " apistage-archive (encrypted with mvn --encrypt-password if you like)");
  }
}
