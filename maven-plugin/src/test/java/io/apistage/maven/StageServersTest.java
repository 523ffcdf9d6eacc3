package io.apistage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.git.GitCredentials;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class StageServersTest {

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }

  @Test
  void settingsServersWithAUserNameBecomeCredentialsById() throws Exception {
    Settings settings = new Settings();
    settings.addServer(server("stage-git", "ci-bot", "token-1"));
    settings.addServer(server("nexus", null, null));
    Map<String, GitCredentials> servers = AbstractApistageMojo.servers(settings, null);
    assertThat(servers).containsOnlyKeys("stage-git");
    assertThat(servers.get("stage-git")).isEqualTo(new GitCredentials("ci-bot", "token-1"));
    assertThat(servers.get("stage-git").toString()).doesNotContain("token-1");
  }

  @Test
  void noSettingsMeansNoCredentials() throws Exception {
    assertThat(AbstractApistageMojo.servers(null, null)).isEmpty();
  }
}
