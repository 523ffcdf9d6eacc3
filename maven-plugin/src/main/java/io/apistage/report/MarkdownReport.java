package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.model.Change;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A goal's outcome as Markdown for a pull-request comment or a GitHub step summary: the problems,
 * then what the body of the goal holds in its documented shape (DESIGN.md section 7) — the goals a
 * {@code check} ran, the changes per API with their required bump and the consumers they affect,
 * what each stage would receive — and a Mermaid diagram of the promotion path with what is pending
 * on each edge.
 *
 * @since 0.1.0
 */
public final class MarkdownReport {

  private static final int MAX_ROWS = 200;

  private MarkdownReport() {}

  /** The Markdown of a result; {@code path} is the stage chain for the diagram. */
  public static String render(GoalResult result, PromotionPath path) {
    Map<String, Object> body = Plain.of(result.body());
    StringBuilder out = new StringBuilder();
    boolean failed = result.status().equals("error");
    out.append("## ")
        .append(failed ? "❌" : result.problems().isEmpty() ? "✅" : "⚠️")
        .append(" apistage ")
        .append(result.goal())
        .append(": ")
        .append(inline(result.message()))
        .append("\n\n");
    goals(body, out);
    problems(result.problems(), out);
    apis(body, out);
    stages(body, path, out);
    return out.toString();
  }

  private static void goals(Map<String, Object> body, StringBuilder out) {
    List<Map<String, Object>> goals = Plain.maps(body, "goals");
    if (goals.isEmpty()) {
      return;
    }
    out.append("| Goal | Result | |\n|---|---|---|\n");
    for (Map<String, Object> goal : goals) {
      String status = Plain.text(goal, "status");
      out.append("| ")
          .append(cell(Plain.text(goal, "goal")))
          .append(" | ")
          .append("error".equals(status) ? "❌ " : "✅ ")
          .append(cell(Plain.text(goal, "code")))
          .append(" | ")
          .append(cell(Plain.text(goal, "message")))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void problems(List<Problem> problems, StringBuilder out) {
    if (problems.isEmpty()) {
      return;
    }
    out.append("### Problems\n\n| | File | Line | Rule | Message |\n|---|---|---|---|---|\n");
    int rows = 0;
    for (Problem p : problems) {
      if (rows++ == MAX_ROWS) {
        out.append("| | … | | | ")
            .append(problems.size() - MAX_ROWS)
            .append(" more in the JSON report |\n");
        break;
      }
      out.append("| ")
          .append(p.isError() ? "❌ error" : "⚠️ warning")
          .append(" | ")
          .append(code(p.file()))
          .append(" | ")
          .append(p.line())
          .append(':')
          .append(p.column())
          .append(" | ")
          .append(code(p.rule()))
          .append(" | ")
          .append(cell(p.message()))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void apis(Map<String, Object> body, StringBuilder out) {
    List<Map<String, Object>> apis = Plain.maps(body, "apis");
    if (apis.isEmpty()) {
      return;
    }
    out.append("### API changes\n\n")
        .append("| API | Version | Required bump | Verdict | Changes | Consumers affected |\n")
        .append("|---|---|---|---|---|---|\n");
    int shown = 0;
    for (Map<String, Object> api : apis) {
      if (shown++ == MAX_ROWS) {
        out.append("| … | ")
            .append(apis.size() - MAX_ROWS)
            .append(" more in the JSON report | | | | |\n");
        break;
      }
      String base = Plain.text(api, "baseVersion");
      String version = Plain.text(api, "version");
      String bump = Plain.text(api, "requiredBump");
      Map<String, Object> changes = Plain.map(api, "changes");
      out.append("| ")
          .append(code(apiLabel(api)))
          .append("<br>")
          .append(cell(Plain.text(api, "file")))
          .append(" | ")
          .append(base == null ? "new" : cell(base))
          .append(" → ")
          .append(version == null ? "deleted" : cell(version))
          .append(" | ")
          .append(bump == null ? "" : "**" + cell(bump) + "**")
          .append(" | ")
          .append("error".equals(Plain.text(api, "verdict")) ? "❌ error" : "✅ ok")
          .append(" | ")
          .append(changes == null ? "" : changeCounts(changes))
          .append(" | ")
          .append(labels(Plain.list(api, "consumers")))
          .append(" |\n");
    }
    out.append('\n');
    int detailed = 0;
    for (Map<String, Object> api : apis) {
      List<Map<String, Object>> findings = Plain.maps(api, "findings");
      if (findings.isEmpty()) {
        continue;
      }
      if (detailed++ == MAX_ROWS) {
        break;
      }
      out.append("<details><summary>")
          .append(html(apiLabel(api)))
          .append(": ")
          .append(findings.size())
          .append(findings.size() == 1 ? " finding" : " findings")
          .append("</summary>\n\n| Bump | Rule | Field | Message |\n|---|---|---|---|\n");
      for (Map<String, Object> finding : findings) {
        out.append("| ")
            .append(cell(Plain.text(finding, "bump")))
            .append(" | ")
            .append(code(Plain.text(finding, "rule")))
            .append(" | ")
            .append(code(Plain.text(finding, "field")))
            .append(" | ")
            .append(cell(Plain.text(finding, "message")))
            .append(" |\n");
      }
      out.append("\n</details>\n\n");
    }
  }

  /** The API with its major line, {@code orders@1}, from its name and its file. */
  private static String apiLabel(Map<String, Object> api) {
    String name = Plain.text(api, "api");
    String file = Plain.text(api, "file");
    if (name == null || name.contains("@") || file == null) {
      return name;
    }
    return ConfigLoader.place(file)
        .filter(p -> p.kind() == Kind.API && p.name().equals(name))
        .map(p -> name + "@" + p.major())
        .orElse(name);
  }

  private static String changeCounts(Map<String, Object> changes) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("modified", "added", "removed")) {
      long n = Plain.number(changes, key);
      if (n < 0) {
        n = Plain.list(changes, key).size();
      }
      if (n > 0) {
        parts.add(n + " " + key);
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static void stages(Map<String, Object> body, PromotionPath path, StringBuilder out) {
    Map<String, Map<String, Object>> byStage = new LinkedHashMap<>();
    for (Map<String, Object> stage : Plain.maps(body, "stages")) {
      String name = Plain.text(stage, "stage");
      if (name != null) {
        byStage.put(name, stage);
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : byStage.entrySet()) {
      stage(e.getKey(), e.getValue(), out);
    }
    if (path.edges().isEmpty()) {
      return;
    }
    out.append("### Promotion path\n\n```mermaid\nflowchart LR\n");
    out.append("  ")
        .append(node("branch", path.source()))
        .append("[(\"")
        .append(mermaid(path.source()))
        .append("\")]\n");
    for (PromotionPath.Edge edge : path.edges()) {
      out.append("  ")
          .append(node("stage", edge.to()))
          .append("[\"")
          .append(mermaid(edge.to()))
          .append("\"]\n");
    }
    for (PromotionPath.Edge edge : path.edges()) {
      String from =
          edge.from() == null ? node("branch", path.source()) : node("stage", edge.from());
      String label = pending(byStage.get(edge.to()));
      out.append("  ").append(from).append(" -->");
      if (label != null) {
        out.append("|\"").append(mermaid(label)).append("\"|");
      }
      out.append(' ').append(node("stage", edge.to())).append('\n');
    }
    out.append("```\n");
    if (byStage.isEmpty()) {
      out.append("\nRun `diff` (or `check`) to see what is pending on each edge.\n");
    }
  }

  /**
   * What a promotion would bring to one stage, asset by asset and field by field, in the form of
   * the diff goal's own plan ({@code ### Stage `qa`: 1 to create, ...}).
   */
  private static void stage(String name, Map<String, Object> stage, StringBuilder out) {
    List<?> create = Plain.list(stage, "create");
    List<Map<String, Object>> update = Plain.maps(stage, "update");
    List<?> delete = Plain.list(stage, "delete");
    long unchanged = Math.max(0, Plain.number(stage, "unchanged"));
    out.append("### Stage ")
        .append(code(name))
        .append(": ")
        .append(create.size())
        .append(" to create, ")
        .append(update.size())
        .append(" to update, ")
        .append(delete.size())
        .append(" to delete, ")
        .append(unchanged)
        .append(" unchanged\n\n");
    if (create.isEmpty() && update.isEmpty() && delete.isEmpty()) {
      out.append("No changes.\n\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    create.forEach(k -> rows.add(new String[] {"+", Plain.label(k), "create"}));
    for (Map<String, Object> u : update) {
      List<Map<String, Object>> changes = Plain.maps(u, "changes");
      if (changes.isEmpty()) {
        rows.add(new String[] {"~", Plain.label(u), "update"});
      }
      for (int i = 0; i < changes.size(); i++) {
        rows.add(
            new String[] {
              i == 0 ? "~" : "", i == 0 ? Plain.label(u) : "", code(changeLine(changes.get(i)))
            });
      }
    }
    delete.forEach(k -> rows.add(new String[] {"-", Plain.label(k), "delete"}));
    out.append("| | asset | change |\n|---|---|---|\n");
    int shown = 0;
    for (String[] row : rows) {
      if (shown++ == MAX_ROWS) {
        out.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more lines in diff.json\n");
        break;
      }
      out.append("| ")
          .append(row[0])
          .append(" | ")
          .append(row[1].isEmpty() ? "" : code(row[1]))
          .append(" | ")
          .append(row[2])
          .append(" |\n");
    }
    out.append('\n');
  }

  /**
   * One field change: {@code ~ /description: "a" -> "b"}, {@code + /tags: ["x"]}, {@code - /x: 1}.
   */
  private static String changeLine(Map<String, Object> change) {
    String field = Plain.text(change, "field");
    field = field == null || field.isEmpty() ? "/" : field;
    String path = Plain.text(change, "path");
    String label = path != null && path.contains("[") ? field + " (" + path + ")" : field;
    Object from = change.get("from");
    Object to = change.get("to");
    if (from == null) {
      return "+ " + label + ": " + Change.compact(to);
    }
    if (to == null) {
      return "- " + label + ": " + Change.compact(from);
    }
    return "~ " + label + ": " + Change.compact(from) + " -> " + Change.compact(to);
  }

  /** What is pending on the edge into a stage, from that stage's diff; null when unknown. */
  private static String pending(Map<String, Object> stage) {
    if (stage == null) {
      return null;
    }
    int create = Plain.list(stage, "create").size();
    int update = Plain.list(stage, "update").size();
    int delete = Plain.list(stage, "delete").size();
    if (create + update + delete == 0) {
      return "up to date";
    }
    List<String> parts = new ArrayList<>();
    if (create > 0) {
      parts.add(create + " to create");
    }
    if (update > 0) {
      parts.add(update + " to update");
    }
    if (delete > 0) {
      parts.add(delete + " to delete");
    }
    return String.join(", ", parts);
  }

  private static String node(String prefix, String name) {
    return prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String mermaid(String text) {
    return text.replace("\"", "#quot;").replace("\n", " ");
  }

  private static String labels(List<?> items) {
    if (items.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Object item : items) {
      parts.add(code(Plain.label(item)));
    }
    return String.join(", ", parts);
  }

  /** Text for a table cell: no line breaks, no column separators, no HTML. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    return html(text)
        .replace("|", "\\|")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>");
  }

  /** Text outside tables: on one line, without HTML. */
  static String inline(String text) {
    return html(text == null ? "" : text).replace('\n', ' ').replace('\r', ' ');
  }

  private static String html(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A code span that survives any backticks inside and the table's separator. */
  static String code(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String fence = text.contains("`") ? "`` " : "`";
    String end = text.contains("`") ? " ``" : "`";
    return fence + text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ') + end;
  }
}
