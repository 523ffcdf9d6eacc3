package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.problem.BasePlace;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A goal's problems as SARIF 2.1.0, the format GitHub code scanning reads to annotate a pull
 * request: one run of the tool {@code apistage} with a rule per rule id, and one result per problem
 * with its rule, level, message and the file and region it points at.
 *
 * <p>GitHub resolves artifact URIs against the root of the repository, while problems name files
 * relative to the config root, which may be a sub-folder of the work tree. Every URI is therefore
 * the repository-relative path (the config root's prefix in the work tree, then the file), with
 * {@code uriBaseId} {@code %SRCROOT%}, and {@code originalUriBaseIds} says where {@code %SRCROOT%}
 * is on the machine that ran the goal.
 *
 * @since 0.1.0
 */
public final class SarifReport {

  /** The URI base id of every artifact location. */
  public static final String SRCROOT = "%SRCROOT%";

  /** The JSON Schema the output claims to follow. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The file name of problems about the project as a whole; their results have no location. */
  static final String PROJECT = ".";

  private SarifReport() {}

  /**
   * Where the report's paths start.
   *
   * @param root the folder {@code %SRCROOT%} stands for: the Git work tree, else the config root
   * @param prefix the config root's path inside {@code root}, "" or ending in "/"
   */
  public record Location(Path root, String prefix) {}

  /** The SARIF log of a result, as plain maps for {@link Json}. */
  public static Map<String, Object> render(
      GoalResult result, String toolVersion, Location location) {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    List<Map<String, Object>> rules = new ArrayList<>();
    List<Map<String, Object>> results = new ArrayList<>();
    for (Problem p : result.problems()) {
      Integer index = ruleIndex.get(p.rule());
      if (index == null) {
        index = rules.size();
        ruleIndex.put(p.rule(), index);
        rules.add(rule(p.rule()));
      }
      results.add(result(p, index, location.prefix()));
    }

    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "apistage");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://apistage.io");
    driver.put("rules", rules);

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    // One category per goal, so code scanning keeps the alerts of each goal apart.
    run.put("automationDetails", Map.of("id", "apistage/" + result.goal() + "/"));
    run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("uri", directoryUri(location.root()))));
    run.put("columnKind", "unicodeCodePoints");
    run.put("results", results);

    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  /** The short description of a rule id: its catalogue entry's, else a generic sentence. */
  public static String describe(String rule) {
    return RuleId.find(rule)
        .map(RuleId::description)
        .orElse("Problems found by the apistage rule " + rule + ".");
  }

  private static Map<String, Object> rule(String id) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", id);
    rule.put("name", camel(id));
    rule.put("shortDescription", Map.of("text", describe(id)));
    return rule;
  }

  private static Map<String, Object> result(Problem p, int ruleIndex, String prefix) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", uri(prefix + p.file()));
    artifact.put("uriBaseId", SRCROOT);
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", artifact);
    if (p.line() > 0) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", p.line());
      if (p.column() > 0) {
        region.put("startColumn", p.column());
      }
      physical.put("region", region);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ruleId", p.rule());
    out.put("ruleIndex", ruleIndex);
    out.put("level", p.isError() ? "error" : "warning");
    out.put("message", Map.of("text", p.message()));
    if (!p.file().equals(PROJECT)) {
      out.put("locations", List.of(Map.of("physicalLocation", physical)));
    }
    if (p.basePlace() != null) {
      out.put("relatedLocations", List.of(related(p.basePlace(), prefix)));
    }
    if (!p.field().isEmpty()) {
      out.put("properties", Map.of("field", p.field()));
    }
    return out;
  }

  /** The place a finding's element had at the base commit, as a related location. */
  private static Map<String, Object> related(BasePlace base, String prefix) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", uri(prefix + base.file()));
    artifact.put("uriBaseId", SRCROOT);
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", base.at().line());
    region.put("startColumn", base.at().column());
    Map<String, Object> physical = new LinkedHashMap<>();
    physical.put("artifactLocation", artifact);
    physical.put("region", region);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", 0);
    out.put("physicalLocation", physical);
    out.put("message", Map.of("text", base.format()));
    return out;
  }

  /**
   * A relative path as a relative URI reference: unreserved characters and the sub-delimiters a
   * path may hold stay, everything else (a colon too, which would read as a scheme) is
   * percent-encoded as UTF-8.
   */
  static String uri(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
      if (keep) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static String directoryUri(Path folder) {
    String uri = folder.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String camel(String id) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
  }
}
