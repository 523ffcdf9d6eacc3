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
 * {@code promotion-chain}: a Promotion follows the stage chain: each target's {@code promotesFrom}
 * is the promotion's {@code from}, and a promotion without {@code from} goes to the first stage
 * only.
 *
 * @since 0.1.0
 */
public final class PromotionChainRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    for (Asset promotion : config.all(Kind.PROMOTION)) {
      out.addAll(check(config, promotion));
    }
    return out;
  }

  /**
   * The problems of one promotion against the stages of a config; promote runs it on each promotion
   * it applies. A target that names no stage is left to {@link ReferenceRule}.
   */
  public static List<Problem> check(Config config, Asset promotion) {
    List<Problem> out = new ArrayList<>();
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
      String wrong = mismatch(from, to, source);
      if (wrong == null) {
        continue;
      }
      // a first stage named as a target is fixed at from; any other mismatch at the target
      boolean atFrom = from != null && source == null && !to.equals(from);
      out.add(
          atFrom
              ? RuleSupport.error(promotion, "/from", RuleId.PROMOTION_CHAIN, wrong)
              : RuleSupport.error(
                  promotion, targets.get(i), "/to/" + i, RuleId.PROMOTION_CHAIN, wrong));
    }
    return out;
  }

  /** What is wrong with a promotion from {@code from} to {@code to}, or null when nothing is. */
  private static String mismatch(String from, String to, String source) {
    if (to.equals(from)) {
      return "stage '"
          + to
          + "' is both the source and a target; a promotion moves assets to the stage after from";
    }
    if (from == null && source != null) {
      return "stage '"
          + to
          + "' promotes from '"
          + source
          + "'; set from: "
          + source
          + " (a promotion without from goes to the first stage only)";
    }
    if (from != null && source == null) {
      return "stage '"
          + to
          + "' is the first stage, whose source is the main branch; remove from: "
          + from;
    }
    if (from != null && !from.equals(source)) {
      return "stage '"
          + to
          + "' promotes from '"
          + source
          + "', not from '"
          + from
          + "'; set from: "
          + source
          + " or choose targets that promote from "
          + from;
    }
    return null;
  }
}
