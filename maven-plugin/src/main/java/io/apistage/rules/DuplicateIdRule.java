package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code duplicate-id}: no two assets share an id, declared or derived; the id is what identifies
 * an asset across renames, at every stage.
 *
 * @since 0.1.0
 */
public final class DuplicateIdRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    Map<UUID, Asset> owners = new HashMap<>();
    for (Asset asset : config.assets().values()) {
      Asset first = owners.putIfAbsent(asset.id(), asset);
      if (first != null) {
        boolean declared = asset.body().get("id") != null;
        out.add(
            RuleSupport.error(
                asset,
                declared ? "/id" : "/name",
                RuleId.DUPLICATE_ID,
                "id "
                    + asset.id()
                    + " is also the id of "
                    + first.key()
                    + " ("
                    + first.file()
                    + "); ids are unique: give "
                    + asset.key()
                    + " its own id"
                    + (declared ? "" : " or change the id of " + first.key())));
      }
    }
    return out;
  }
}
