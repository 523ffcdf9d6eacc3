package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code unknown-reference}: every policy, alias, API major, plan, package, application,
 * subscription, team and stage an asset names exists. The problem points at the name and says which
 * file would define it.
 *
 * @since 0.1.0
 */
public final class ReferenceRule implements Rule {

  /** The rule id. */
  public static final String ID = "unknown-reference";

  @Override
  public List<Problem> check(Config config) {
    Set<String> keys = RuleSupport.keysOfFilesRead(config);
    List<Problem> out = new ArrayList<>();
    for (Asset asset : config.assets().values()) {
      for (Reference ref : References.of(asset)) {
        if (ref.kind() == Kind.ALIAS && !RuleSupport.isName(ref.name())) {
          out.add(
              RuleSupport.error(
                  asset,
                  ref.node(),
                  ref.pointer(),
                  ID,
                  "'${alias:"
                      + ref.name()
                      + "}' does not name an alias: alias names match "
                      + RuleSupport.NAME.pattern()
                      + ", e.g. ${alias:orders-backend}"));
          continue;
        }
        boolean exists =
            ref.major() < 0
                ? RuleSupport.existsAnyMajor(keys, ref.kind(), ref.name())
                : keys.contains(ref.targetKey());
        if (!exists) {
          out.add(
              RuleSupport.error(
                  asset,
                  ref.node(),
                  ref.pointer(),
                  ID,
                  ref.describe() + " does not exist; expected " + ref.expectedFile()));
        }
      }
    }
    return out;
  }
}
