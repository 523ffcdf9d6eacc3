package io.apistage.rules;

import java.util.List;

/**
 * The catalogue of validation rules, in the order they run. Each rule is a small class with its
 * rule id; {@code docs/validate.md} lists them with an example message each.
 *
 * @since 0.1.0
 */
public final class Rules {

  private Rules() {}

  /** Every rule. */
  public static List<Rule> all() {
    return List.of(
        new KindFolderRule(),
        new NameFileRule(),
        new ApiMajorRule(),
        new EndpointRule(),
        new ReferenceRule(),
        new OneMajorRule(),
        new SubscriptionPlanRule(),
        new ImplementationRule(),
        new LiteralSecretRule(),
        new AliasStageRule(),
        new StageChainRule(),
        new GatewayRule(),
        new PromotionChainRule(),
        new OverwriteRule(),
        new DuplicateIdRule(),
        new DependencyCycleRule());
  }
}
