package io.apistage.stage;

import io.apistage.goal.DiffReport;
import io.apistage.model.TreeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a {@link StageDiff}: compares the assets a stage should run with the ones it runs, asset
 * by asset and field by field with {@link TreeDiff}, so reformatting, key order, quoting, comments
 * and spelled-out defaults never show as changes. (What a promotion would do is {@code
 * promotion/Planner}'s.)
 *
 * @since 0.1.0
 */
public final class StageDiffer {

  private static final Pattern API_KEY = Pattern.compile("api/([^@]+)@(\\d+)");

  private StageDiffer() {}

  /**
   * The diff of one stage.
   *
   * @param stage the stage's name
   * @param commit the commit of the stage's state, or empty
   * @param desired the assets the stage should run, by key, plain (resolved for the stage)
   * @param current the assets it runs, by key, plain
   * @param gatewayUrl the stage's gateway URL, or null
   */
  public static StageDiff diff(
      String stage,
      Optional<String> commit,
      Map<String, Object> desired,
      Map<String, Object> current,
      String gatewayUrl) {
    Set<String> keys = new TreeSet<>(desired.keySet());
    keys.addAll(current.keySet());
    List<String> create = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    List<String> both = new ArrayList<>();
    for (String key : keys) {
      if (!current.containsKey(key)) {
        create.add(key);
      } else if (!desired.containsKey(key)) {
        delete.add(key);
      } else {
        both.add(key);
      }
    }
    List<DiffReport.Update> update =
        both.parallelStream()
            // equal normalized trees are the same document; only the others need the semantic diff
            .filter(key -> !current.get(key).equals(desired.get(key)))
            .map(
                key ->
                    new DiffReport.Update(key, TreeDiff.diff(current.get(key), desired.get(key))))
            .filter(u -> !u.changes().isEmpty())
            .toList();
    int unchanged = both.size() - update.size();
    return new StageDiff(
        stage,
        commit,
        new DiffReport.AssetChanges(create, update, delete),
        unchanged,
        new DiffReport.Gateway(gatewayUrl, endpoints(desired, gatewayUrl)));
  }

  /**
   * Every endpoint of the Apis among {@code assets} with its URL on a gateway; none without a URL.
   */
  public static List<DiffReport.Endpoint> endpoints(Map<String, Object> assets, String gatewayUrl) {
    List<DiffReport.Endpoint> out = new ArrayList<>();
    if (gatewayUrl == null) {
      return out;
    }
    String base =
        gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
    for (Map.Entry<String, Object> e : assets.entrySet()) {
      Matcher key = API_KEY.matcher(e.getKey());
      if (!key.matches() || !(e.getValue() instanceof Map<?, ?> api)) {
        continue;
      }
      if (!(api.get("endpoints") instanceof List<?> endpoints)) {
        continue;
      }
      for (Object item : endpoints) {
        if (item instanceof Map<?, ?> endpoint
            && endpoint.get("method") instanceof String method
            && endpoint.get("path") instanceof String path) {
          String slashed = path.startsWith("/") ? path : "/" + path;
          out.add(
              new DiffReport.Endpoint(
                  key.group(1) + "@" + key.group(2),
                  path,
                  method.toUpperCase(Locale.ROOT),
                  base + "/" + key.group(1) + "/v" + key.group(2) + slashed));
        }
      }
    }
    return out;
  }
}
