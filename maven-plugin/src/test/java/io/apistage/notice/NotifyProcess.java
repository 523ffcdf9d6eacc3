package io.apistage.notice;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * {@code notify} of one stage in a process of its own, so that a test can kill it with {@code kill
 * -9} while it delivers: {@code java -cp <test classpath> io.apistage.notice.NotifyProcess
 * <configDir> <stage>}. The webhook secret comes from the environment ({@code
 * APISTAGE_SECRET_<NAME>}), as in a CI job. Prints the log, then the goal's message; exits 0.
 */
public final class NotifyProcess {

  private NotifyProcess() {}

  /** Runs {@code notify} on {@code args[0]} for stage {@code args[1]}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Log log =
        new Log() {
          @Override
          public void info(String message) {
            System.out.println("[INFO] " + message);
          }

          @Override
          public void warn(String message) {
            System.out.println("[WARNING] " + message);
          }

          @Override
          public void error(String message) {
            System.out.println("[ERROR] " + message);
          }

          @Override
          public void debug(String message) {}
        };
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, System.getenv(), log);
    GoalResult result =
        new NotifyGoal(
                context, new NotifyGoal.Request(args[1], Map.of(), Map.of(), Clock.systemUTC()))
            .execute();
    System.out.println("[INFO] " + result.message());
    System.out.flush();
  }
}
