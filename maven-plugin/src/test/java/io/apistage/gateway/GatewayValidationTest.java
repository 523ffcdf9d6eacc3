package io.apistage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalContext;
import io.apistage.log.RecordingLog;
import io.apistage.problem.Problem;
import io.apistage.rules.ValidateGoal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code gateway} block of a Stage: its schema and the {@code gateway} rule. */
class GatewayValidationTest {

  @TempDir Path dir;

  private void stage(String name, String extra) throws Exception {
    Path file = dir.resolve("stages/" + name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "kind: Stage\nname: " + name + "\n" + extra, StandardCharsets.UTF_8);
  }

  private List<String> problems() throws Exception {
    GoalContext context = GoalContext.of(dir, dir.resolve("report"), new RecordingLog());
    return new ValidateGoal(context).execute().problems().stream().map(Problem::format).toList();
  }

  @Test
  void aValidGatewayBlockPasses() throws Exception {
    stage("dev", "gateway: { type: nginx, listen: 127.0.0.1:18081, deploy: auto }\n");
    stage("qa", "promotesFrom: dev\ngateway:\n  type: nginx\n  listen: 127.0.0.1:18082\n");
    assertThat(problems()).isEmpty();
  }

  @Test
  void twoStagesMayNotShareOneListen() throws Exception {
    stage("dev", "gateway: { type: nginx, listen: 127.0.0.1:18081 }\n");
    stage("qa", "promotesFrom: dev\ngateway: { type: nginx, listen: 127.0.0.1:18081 }\n");
    stage("prod", "promotesFrom: qa\ngateway: { type: nginx, listen: '0.0.0.0:18081' }\n");
    assertThat(problems())
        .containsExactly(
            "stages/prod.yaml:4:33: error [gateway] stage 'prod' listens on 0.0.0.0:18081, as"
                + " stage 'dev' does; two stages may not share one gateway.listen: give each its"
                + " own port",
            "stages/qa.yaml:4:33: error [gateway] stage 'qa' listens on 127.0.0.1:18081, as"
                + " stage 'dev' does; two stages may not share one gateway.listen: give each its"
                + " own port");
  }

  @Test
  void listenIsHostColonPortAndTheTypeAndDeployAreKnownValues() throws Exception {
    stage("dev", "gateway:\n  type: kong\n  listen: 18081\n  deploy: sometimes\n");
    stage("qa", "promotesFrom: dev\ngateway: { type: nginx, listen: 'localhost:70000' }\n");
    assertThat(problems())
        .containsExactly(
            "stages/dev.yaml:4:9: error [schema] type: kong is not one of nginx",
            "stages/dev.yaml:5:11: error [schema] listen: 18081 is an integer, not a string; it"
                + " must match the pattern ^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*|\\*):([1-9][0-9]{0,4})$",
            "stages/dev.yaml:6:11: error [schema] deploy: sometimes is not one of auto, manual",
            "stages/qa.yaml:4:33: error [gateway] gateway.listen 'localhost:70000' has port 70000;"
                + " a port is 1 to 65535");
  }
}
