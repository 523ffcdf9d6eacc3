package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code promotion-chain}: a Promotion follows the stage chain: each target's {@code promotesFrom}
 * is the promotion's {@code from}, and a promotion without {@code from} goes to the first stage
 * only.
 *
 * @since 0.1.0
 */
public final class PromotionChainRule implements Rule {

  /** The rule id. */
  public static final String ID = "promotion-chain";

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    for (Asset promotion : config.all(Kind.PROMOTION)) {
      String from = promotion.str("from");
      List<YNode> targets = promotion.body().list("to");
      for (int i = 0; i < targets.size(); i++) {
        String to = RuleSupport.text(targets.get(i));
        if (!RuleSupport.isName(to)) {
          continue;
        }
        Optional<Asset> stage = config.get(Kind.STAGE, to, 0);
        if (stage.isEmpty()) {
          continue; // unknown-reference reports it
        }
        String source = stage.get().str("promotesFrom");
        String pointer = "/to/" + i;
        if (to.equals(from)) {
          out.add(
              RuleSupport.error(
                  promotion,
                  targets.get(i),
                  pointer,
                  ID,
                  "stage '"
                      + to
                      + "' is both the source and a target; a promotion moves assets"
                      + " to the stage after from"));
        } else if (from == null && source != null) {
          out.add(
              RuleSupport.error(
                  promotion,
                  targets.get(i),
                  pointer,
                  ID,
                  "stage '"
                      + to
                      + "' promotes from '"
                      + source
                      + "'; set from: "
                      + source
                      + " (a promotion without from goes to the first stage only)"));
        } else if (from != null && source == null) {
          out.add(
              RuleSupport.error(
                  promotion,
                  "/from",
                  ID,
                  "stage '"
                      + to
                      + "' is the first stage, whose source is the main branch; remove"
                      + " from: "
                      + from));
        } else if (from != null && !from.equals(source)) {
          out.add(
              RuleSupport.error(
                  promotion,
                  targets.get(i),
                  pointer,
                  ID,
                  "stage '"
                      + to
                      + "' promotes from '"
                      + source
                      + "', not from '"
                      + from
                      + "'; set from: "
                      + source
                      + " or choose targets that promote from "
                      + from));
        }
      }
    }
    return out;
  }
}
