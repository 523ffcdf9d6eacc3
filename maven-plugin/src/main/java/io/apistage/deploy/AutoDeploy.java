package io.apistage.deploy;

import io.apistage.gateway.GatewaySpec;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.ConfigLoader;
import io.apistage.problem.ApistageException;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code deploy: auto}: after promote or rollback changed stages, deploys each changed stage whose
 * gateway says {@code deploy: auto}, and adds what happened to the goal's message. A failed deploy
 * fails the build with its reason; the stage's state stays as promote or rollback wrote it, and
 * {@code apistage:deploy} can be run again.
 *
 * @since 0.1.0
 */
public final class AutoDeploy {

  private AutoDeploy() {}

  /**
   * Deploys the stages a promote or rollback result changed, when their gateway is {@code auto}.
   *
   * @param template the deploy request of every stage (its stage is replaced)
   */
  public static GoalResult after(GoalContext context, GoalResult result, DeployRequest template)
      throws ApistageException, IOException {
    Set<String> changed = changedStages(result);
    if (changed.isEmpty() || result.fails(false)) {
      return result;
    }
    StageChain chain = StageChain.of(new ConfigLoader().loadStages(context.configDir()));
    List<String> done = new ArrayList<>();
    for (String name : changed) {
      Stage stage = chain.find(name).orElse(null);
      if (stage == null || GatewaySpec.of(stage).filter(GatewaySpec::auto).isEmpty()) {
        continue;
      }
      DeployRequest request =
          new DeployRequest(
              name,
              template.nginxConf(),
              template.nginxBin(),
              template.servers(),
              template.secretServers(),
              template.readyWithin());
      GoalResult deployed = new DeployGoal(context, request).execute();
      if (deployed.fails(false)) {
        deployed.problems().forEach(p -> context.log().error(p.format()));
        throw new ApistageException(
            "deploy: auto of stage "
                + name
                + " after "
                + result.goal()
                + " failed: "
                + deployed.message());
      }
      done.add(deployed.message());
    }
    if (done.isEmpty()) {
      return result;
    }
    return new GoalResult(
        result.goal(),
        result.code(),
        result.message() + "; " + String.join("; ", done),
        result.problems(),
        result.body());
  }

  /** The stages a promote (successful promotions, not a dry run) or rollback result changed. */
  static Set<String> changedStages(GoalResult result) {
    Set<String> out = new TreeSet<>();
    Map<String, Object> body = result.body().toJson();
    if (Boolean.TRUE.equals(body.get("dryRun"))) {
      return out;
    }
    if (body.get("stage") instanceof String stage && body.get("commit") != null) {
      out.add(stage);
    }
    if (body.get("promotions") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> p
            && "success".equals(p.get("status"))
            && p.get("stage") instanceof String stage) {
          out.add(stage);
        }
      }
    }
    return out;
  }
}
