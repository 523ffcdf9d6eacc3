package io.apistage.gateway;

import io.apistage.deploy.DeployGoal;
import io.apistage.deploy.DeployRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A deploy in a process of its own, for the kill -9 test: {@code java -cp <test classpath>
 * io.apistage.gateway.DeployProcess <configDir> <nginx.conf>}. Exits 0 when the deploy succeeded, 2
 * when it reported problems, 3 when it failed.
 */
public final class DeployProcess {

  private DeployProcess() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    try {
      GoalContext context =
          new GoalContext(
              dir,
              dir.resolve("target/apistage"),
              false,
              Map.of(
                  "APISTAGE_SECRET_SHOP_KEY",
                  "shop-key-0001",
                  "APISTAGE_SECRET_PARTNER_KEY",
                  "partner-key-0002"),
              new RecordingLog());
      GoalResult result =
          new DeployGoal(
                  context,
                  new DeployRequest(
                      "qa",
                      Path.of(args[1]),
                      Nginx.BIN,
                      Map.of(),
                      Map.of(),
                      Duration.ofSeconds(20)))
              .execute();
      System.out.println(result.message());
      System.exit(result.fails(false) ? 2 : 0);
    } catch (Exception e) {
      System.out.println("deploy failed: " + e.getMessage());
      System.exit(3);
    }
  }
}
