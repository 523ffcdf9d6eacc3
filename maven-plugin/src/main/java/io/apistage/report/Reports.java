package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a goal's report files into the report folder: {@code <goal>.json} with the envelope of
 * DESIGN.md section 7 and the goal's body.
 *
 * @since 0.1.0
 */
public final class Reports {

  private Reports() {}

  /** The JSON report of a result, as plain maps. */
  public static Map<String, Object> envelope(GoalResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", result.status());
    out.put("code", result.code());
    out.put("message", result.message());
    List<Map<String, Object>> details = new ArrayList<>();
    for (Problem p : result.problems()) {
      details.add(detail(p));
    }
    out.put("details", details);
    out.putAll(result.body().toJson());
    return out;
  }

  /** One problem as a report detail. */
  public static Map<String, Object> detail(Problem p) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("file", p.file());
    d.put("line", p.line());
    d.put("column", p.column());
    d.put("field", p.field());
    d.put("rule", p.rule());
    d.put("severity", p.severity().label());
    d.put("message", p.message());
    return d;
  }

  /** Writes {@code <goal>.json}; returns the file written. */
  public static Path writeJson(GoalResult result, Path reportDir) throws IOException {
    Path file = reportDir.resolve(result.goal() + ".json");
    Json.writeFile(file, envelope(result));
    return file;
  }
}
