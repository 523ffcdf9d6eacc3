package io.apistage.rules;

import java.util.List;

/**
 * The validation rules between assets, in the order they run. Each rule is a small class; its ids,
 * descriptions and examples are entries of the {@link io.apistage.problem.RuleId} catalogue.
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
        new WebhookRule(),
        new AliasStageRule(),
        new StageChainRule(),
        new GatewayRule(),
        new PromotionChainRule(),
        new OverwriteRule(),
        new DuplicateIdRule(),
        new DependencyCycleRule());
  }
}
