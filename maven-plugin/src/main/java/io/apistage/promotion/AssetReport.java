package io.apistage.promotion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a promotion's status report: which asset, what happened, and why.
 *
 * @param key the asset key, e.g. {@code api/orders@1}
 * @param status what happened
 * @param explanation a sentence for the operator
 * @since 0.1.0
 */
public record AssetReport(String key, AssetStatus status, String explanation) {

  /** The report line as plain JSON values. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", key);
    out.put("status", status.label());
    out.put("explanation", explanation);
    return out;
  }

  /** A report line read back from its plain JSON form. */
  public static AssetReport fromMap(Map<?, ?> map) {
    return new AssetReport(
        String.valueOf(map.get("key")),
        AssetStatus.byLabel(String.valueOf(map.get("status"))),
        String.valueOf(map.get("explanation")));
  }

  /** The line as printed on the console. */
  public String format() {
    return String.format("  %-8s %s: %s", status.label(), key, explanation);
  }
}
