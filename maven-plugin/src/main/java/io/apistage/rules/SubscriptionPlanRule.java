package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code subscription-plan}: a Subscription's plan is one of the plans of its package.
 *
 * @since 0.1.0
 */
public final class SubscriptionPlanRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    for (Asset subscription : config.all(Kind.SUBSCRIPTION)) {
      String packageName = subscription.str("package");
      YNode planNode = subscription.body().get("plan");
      String plan = RuleSupport.text(planNode);
      if (!RuleSupport.isName(packageName) || !RuleSupport.isName(plan)) {
        continue;
      }
      Optional<Asset> pkg = config.get(Kind.PACKAGE, packageName, 0);
      if (pkg.isEmpty()) {
        continue; // unknown-reference reports it
      }
      List<String> plans = new ArrayList<>();
      for (YNode node : pkg.get().body().list("plans")) {
        String name = RuleSupport.text(node);
        if (name != null) {
          plans.add(name);
        }
      }
      if (!plans.contains(plan)) {
        String offered =
            plans.isEmpty() ? "it offers none" : "it offers " + String.join(", ", plans);
        out.add(
            RuleSupport.error(
                subscription,
                planNode,
                "/plan",
                RuleId.SUBSCRIPTION_PLAN,
                "plan '"
                    + plan
                    + "' is not a plan of package '"
                    + packageName
                    + "' ("
                    + offered
                    + "); choose one of its plans or add "
                    + plan
                    + " to the plans of "
                    + pkg.get().file()));
      }
    }
    return out;
  }
}
