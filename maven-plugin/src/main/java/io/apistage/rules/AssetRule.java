package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule whose problems about an asset depend on that asset's file alone (its path and content),
 * never on other files or {@code apistage.yaml}: what it finds in a file the validate cache holds
 * unchanged is read from the cache instead of found again (docs/validate.md, "The cache").
 *
 * @since 0.3.0
 */
public interface AssetRule extends Rule {

  /** The problems of one asset. */
  List<Problem> check(Asset asset);

  /** The problems of every asset, in key order. */
  @Override
  default List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    config.assets().values().forEach(asset -> out.addAll(check(asset)));
    return out;
  }
}
