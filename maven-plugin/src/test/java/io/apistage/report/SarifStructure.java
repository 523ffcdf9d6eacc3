package io.apistage.report;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's own structural assertions of a SARIF 2.1.0 log, run in every build: the required
 * properties and their types (log version and runs, tool.driver.name, result messages), levels,
 * regions, URIs and their base ids, and the rule index of every result naming the rule of its id.
 * The conformance tests against the published SARIF schema check the same output when the schema is
 * present beside the repository.
 */
final class SarifStructure {

  private static final List<String> LEVELS = List.of("none", "note", "warning", "error");

  private SarifStructure() {}

  /** What is wrong with a SARIF log, one line each; empty when it is well-formed. */
  static List<String> violations(String json) throws IOException {
    List<String> out = new ArrayList<>();
    if (!(Json.read(json) instanceof Map<?, ?> log)) {
      return List.of("the log is not an object");
    }
    if (!"2.1.0".equals(log.get("version"))) {
      out.add("version must be \"2.1.0\", is " + log.get("version"));
    }
    optionalString(log, "$schema", "log", out);
    if (!(log.get("runs") instanceof List<?> runs)) {
      out.add("runs must be an array");
      return out;
    }
    for (int i = 0; i < runs.size(); i++) {
      run(runs.get(i), "runs[" + i + "]", out);
    }
    return out;
  }

  private static void run(Object value, String where, List<String> out) {
    if (!(value instanceof Map<?, ?> run)) {
      out.add(where + " must be an object");
      return;
    }
    Map<?, ?> driver =
        run.get("tool") instanceof Map<?, ?> tool && tool.get("driver") instanceof Map<?, ?> d
            ? d
            : null;
    if (driver == null) {
      out.add(where + ".tool.driver must be an object");
      return;
    }
    requiredString(driver, "name", where + ".tool.driver", out);
    optionalString(driver, "version", where + ".tool.driver", out);
    List<String> ruleIds = rules(driver, where + ".tool.driver", out);
    Set<String> baseIds = new HashSet<>();
    if (run.get("originalUriBaseIds") instanceof Map<?, ?> bases) {
      bases.forEach(
          (id, base) -> {
            baseIds.add(String.valueOf(id));
            if (!(base instanceof Map<?, ?> b) || !(b.get("uri") instanceof String uri)) {
              out.add(where + ".originalUriBaseIds." + id + ".uri must be a string");
            } else if (!uri.endsWith("/")) {
              out.add(where + ".originalUriBaseIds." + id + ".uri must end with '/'");
            }
          });
    }
    if (run.get("automationDetails") instanceof Map<?, ?> details) {
      optionalString(details, "id", where + ".automationDetails", out);
    }
    Object results = run.get("results");
    if (results != null && !(results instanceof List<?>)) {
      out.add(where + ".results must be an array");
    } else if (results instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        result(list.get(i), where + ".results[" + i + "]", ruleIds, baseIds, out);
      }
    }
  }

  private static List<String> rules(Map<?, ?> driver, String where, List<String> out) {
    List<String> ids = new ArrayList<>();
    Object rules = driver.get("rules");
    if (rules == null) {
      return ids;
    }
    if (!(rules instanceof List<?> list)) {
      out.add(where + ".rules must be an array");
      return ids;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = where + ".rules[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> rule) || !(rule.get("id") instanceof String id)) {
        out.add(at + ".id must be a string");
        ids.add(null);
        continue;
      }
      if (ids.contains(id)) {
        out.add(at + ".id " + id + " is listed twice");
      }
      ids.add(id);
      for (String text : List.of("shortDescription", "fullDescription")) {
        if (rule.containsKey(text)
            && !(rule.get(text) instanceof Map<?, ?> m && m.get("text") instanceof String)) {
          out.add(at + "." + text + ".text must be a string");
        }
      }
    }
    return ids;
  }

  private static void result(
      Object value, String where, List<String> ruleIds, Set<String> baseIds, List<String> out) {
    if (!(value instanceof Map<?, ?> result)) {
      out.add(where + " must be an object");
      return;
    }
    if (!(result.get("message") instanceof Map<?, ?> message
        && message.get("text") instanceof String)) {
      out.add(where + ".message.text must be a string");
    }
    optionalString(result, "ruleId", where, out);
    if (result.containsKey("level") && !LEVELS.contains(result.get("level"))) {
      out.add(
          where
              + ".level must be one of "
              + String.join(", ", LEVELS)
              + ", is "
              + result.get("level"));
    }
    if (result.containsKey("ruleIndex")) {
      int index = integer(result.get("ruleIndex"));
      if (index < -1 || index >= ruleIds.size()) {
        out.add(where + ".ruleIndex " + result.get("ruleIndex") + " is not an index of the rules");
      } else if (index >= 0 && !ruleIds.get(index).equals(result.get("ruleId"))) {
        out.add(where + ".ruleIndex names rule " + ruleIds.get(index) + ", not its ruleId");
      }
    }
    if (result.get("locations") instanceof List<?> locations) {
      for (int i = 0; i < locations.size(); i++) {
        location(locations.get(i), where + ".locations[" + i + "]", baseIds, out);
      }
    } else if (result.containsKey("locations")) {
      out.add(where + ".locations must be an array");
    }
  }

  private static void location(Object value, String where, Set<String> baseIds, List<String> out) {
    if (!(value instanceof Map<?, ?> location
        && location.get("physicalLocation") instanceof Map<?, ?> physical
        && physical.get("artifactLocation") instanceof Map<?, ?> artifact)) {
      out.add(where + ".physicalLocation.artifactLocation must be an object");
      return;
    }
    if (!(artifact.get("uri") instanceof String uri) || uri.matches(".*[\\s\\\\].*")) {
      out.add(where + " uri must be a string without spaces or backslashes");
    } else if (uri.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && artifact.containsKey("uriBaseId")) {
      out.add(where + " uri " + uri + " must be relative to its uriBaseId");
    }
    if (artifact.containsKey("uriBaseId") && !baseIds.contains(artifact.get("uriBaseId"))) {
      out.add(where + " uriBaseId " + artifact.get("uriBaseId") + " is not in originalUriBaseIds");
    }
    if (physical.get("region") instanceof Map<?, ?> region) {
      for (String key : List.of("startLine", "startColumn")) {
        if (region.containsKey(key) && integer(region.get(key)) < 1) {
          out.add(where + ".region." + key + " must be an integer of at least 1");
        }
      }
    }
  }

  private static int integer(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return ((Number) value).intValue();
    }
    return Integer.MIN_VALUE;
  }

  private static void requiredString(Map<?, ?> map, String key, String where, List<String> out) {
    if (!(map.get(key) instanceof String)) {
      out.add(where + "." + key + " must be a string");
    }
  }

  private static void optionalString(Map<?, ?> map, String key, String where, List<String> out) {
    if (map.containsKey(key) && !(map.get(key) instanceof String)) {
      out.add(where + "." + key + " must be a string");
    }
  }
}
