package io.apistage.promotion;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A promote run in a process of its own, for the concurrency and crash tests: {@code java -cp <test
 * classpath> io.apistage.promotion.PromoteProcess <configDir> <promotion|-> [repromote]}. Exits 0
 * when the run succeeded, 2 when it reported failures, 3 when it could not run.
 */
public final class PromoteProcess {

  private PromoteProcess() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String promotion = "-".equals(args[1]) ? null : args[1];
    boolean repromote = args.length > 2 && Boolean.parseBoolean(args[2]);
    Log out =
        new Log() {
          @Override
          public void info(String message) {
            System.out.println(message);
          }

          @Override
          public void warn(String message) {
            System.out.println(message);
          }

          @Override
          public void error(String message) {
            System.out.println(message);
          }

          @Override
          public void debug(String message) {}
        };
    try {
      GoalContext context =
          new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), out);
      GoalResult result =
          new PromoteGoal(
                  context, new PromoteRequest(promotion, false, repromote, Clock.systemUTC()))
              .execute();
      System.out.println(result.message());
      System.exit(result.fails(false) ? 2 : 0);
    } catch (Exception e) {
      System.out.println("cannot promote: " + e.getMessage());
      System.exit(3);
    }
  }
}
