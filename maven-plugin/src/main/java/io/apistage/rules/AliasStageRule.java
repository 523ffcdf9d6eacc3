package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alias-stage} (warning): an Alias without a default {@code value} has a value for every
 * stage; otherwise promoting an asset that uses it to such a stage fails when the alias is resolved
 * (DESIGN.md section 3: the stage's value, else {@code value}, else an error).
 *
 * @since 0.1.0
 */
public final class AliasStageRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    List<Asset> stages = config.all(Kind.STAGE);
    for (Asset alias : config.all(Kind.ALIAS)) {
      YMap values = alias.body().map("stages");
      if (alias.body().has("value") || values == null) {
        continue; // neither value nor stages is the schema's to report
      }
      List<String> missing = new ArrayList<>();
      for (Asset stage : stages) {
        if (!values.has(stage.name())) {
          missing.add(stage.name());
        }
      }
      if (!missing.isEmpty()) {
        out.add(
            RuleSupport.warning(
                alias,
                "/stages",
                RuleId.ALIAS_STAGE,
                "alias '"
                    + alias.name()
                    + "' has no value for stage"
                    + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing)
                    + " and no default value; add value: or a value"
                    + " under stages:, or promoting an asset that uses it there fails"));
      }
    }
    return out;
  }
}
