package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code implementation}: a published or deprecated Api names its implementation in {@code
 * baseUrl}; only a draft (or a retired Api, which no longer serves) may go without.
 *
 * @since 0.1.0
 */
public final class ImplementationRule implements AssetRule {

  @Override
  public List<Problem> check(Asset api) {
    List<Problem> out = new ArrayList<>();
    if (api.kind() != Kind.API) {
      return out;
    }
    String state = api.str("state");
    if (!"published".equals(state) && !"deprecated".equals(state)) {
      return out;
    }
    if (!api.body().has("baseUrl")) { // an empty or mistyped baseUrl is the schema's to report
      out.add(
          RuleSupport.error(
              api,
              "/state",
              RuleId.IMPLEMENTATION,
              "a "
                  + state
                  + " Api needs baseUrl, the URL of its implementation (often"
                  + " ${alias:NAME}); add baseUrl or set state: draft"));
    }
    return out;
  }
}
