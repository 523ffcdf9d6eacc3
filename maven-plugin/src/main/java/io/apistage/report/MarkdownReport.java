package io.apistage.report;

import io.apistage.goal.CheckReport;
import io.apistage.goal.CheckVersionsReport;
import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalResult;
import io.apistage.goal.PromotionPlan;
import io.apistage.goal.ReportBody;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A goal's outcome as Markdown for a pull-request comment or a GitHub step summary: the problems,
 * then what the goal's report holds — the goals a {@code check} ran ({@link CheckReport}), the
 * changes per API with their required bump and the consumers they affect ({@link
 * CheckVersionsReport}), what each stage would receive ({@link DiffReport}) — and a Mermaid diagram
 * of the promotion path with what is pending on each edge.
 *
 * @since 0.1.0
 */
public final class MarkdownReport {

  private static final int MAX_ROWS = 200;

  private MarkdownReport() {}

  /** The Markdown of a result; {@code path} is the stage chain for the diagram. */
  public static String render(GoalResult result, PromotionPath path) {
    StringBuilder out = new StringBuilder();
    out.append(heading(result)).append("\n\n");
    if (result.body() instanceof CheckReport check) {
      goals(check.goals(), out);
    } else {
      out.append(inline(result.message())).append("\n\n");
    }
    problems(result.problems(), out);
    report(result.body(), CheckVersionsReport.class).ifPresent(r -> apis(r.apis(), out));
    report(result.body(), PromotionPlan.class).ifPresent(r -> mergePlan(r, out));
    Optional<DiffReport> diff = report(result.body(), DiffReport.class);
    stages(diff.map(DiffReport::stages).orElse(List.of()), path, out);
    diff.ifPresent(d -> behind("Behind the checked-out commit", d.behind(), out));
    return out.toString();
  }

  /**
   * The short heading: the goal and its verdict with the problem counts; the goal's message (or a
   * check's table of goals) follows it.
   */
  static String heading(GoalResult result) {
    long errors = result.problems().stream().filter(Problem::isError).count();
    long warnings = result.problems().size() - errors;
    String counts = Problems.plural(errors, "error") + ", " + Problems.plural(warnings, "warning");
    if (result.status().equals("error")) {
      return "## ❌ apistage " + result.goal() + " failed (" + counts + ")";
    }
    return warnings == 0
        ? "## ✅ apistage " + result.goal() + " passed"
        : "## ⚠️ apistage "
            + result.goal()
            + " passed ("
            + Problems.plural(warnings, "warning")
            + ")";
  }

  /** The report of a type: the body itself, or for a check the report of the goal it ran. */
  private static <T extends ReportBody> Optional<T> report(ReportBody body, Class<T> type) {
    if (body instanceof CheckReport check) {
      return check.report(type);
    }
    return type.isInstance(body) ? Optional.of(type.cast(body)) : Optional.empty();
  }

  private static void goals(List<CheckReport.GoalRun> goals, StringBuilder out) {
    if (goals.isEmpty()) {
      return;
    }
    out.append("| Goal | Result | |\n|---|---|---|\n");
    for (CheckReport.GoalRun goal : goals) {
      out.append("| ")
          .append(cell(goal.goal()))
          .append(" | ")
          .append("error".equals(goal.status()) ? "❌ " : "✅ ")
          .append(cell(goal.code()))
          .append(" | ")
          .append(cell(goal.message()))
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

  private static void apis(List<CheckVersionsReport.ApiVerdict> apis, StringBuilder out) {
    if (apis.isEmpty()) {
      return;
    }
    out.append("### API changes\n\n")
        .append("| API | Version | Required bump | Verdict | Changes | Consumers affected |\n")
        .append("|---|---|---|---|---|---|\n");
    int shown = 0;
    for (CheckVersionsReport.ApiVerdict api : apis) {
      if (shown++ == MAX_ROWS) {
        out.append("| … | ")
            .append(apis.size() - MAX_ROWS)
            .append(" more in the JSON report | | | | |\n");
        break;
      }
      String base = api.step().baseVersion();
      String version = api.step().version();
      out.append("| ")
          .append(code(api.label()))
          .append("<br>")
          .append(cell(api.line().file()))
          .append(" | ")
          .append(base == null ? "new" : cell(base))
          .append(" → ")
          .append(version == null ? "deleted" : cell(version))
          .append(" | ")
          .append("**" + cell(api.step().requiredBump()) + "**")
          .append(" | ")
          .append("error".equals(api.verdict()) ? "❌ error" : "✅ ok")
          .append(" | ")
          .append(changeCounts(api.changes()))
          .append(" | ")
          .append(labels(api.consumers()))
          .append(" |\n");
    }
    out.append('\n');
    int detailed = 0;
    for (CheckVersionsReport.ApiVerdict api : apis) {
      if (api.findings().isEmpty()) {
        continue;
      }
      if (detailed++ == MAX_ROWS) {
        break;
      }
      findings(api, out);
    }
  }

  private static void findings(CheckVersionsReport.ApiVerdict api, StringBuilder out) {
    List<CheckVersionsReport.Finding> findings = api.findings();
    out.append("<details><summary>")
        .append(html(api.label()))
        .append(": ")
        .append(findings.size())
        .append(findings.size() == 1 ? " finding" : " findings")
        .append("</summary>\n\n| Bump | Rule | Field | Message |\n|---|---|---|---|\n");
    for (CheckVersionsReport.Finding finding : findings) {
      out.append("| ")
          .append(cell(finding.bump()))
          .append(" | ")
          .append(code(finding.rule()))
          .append(" | ")
          .append(code(finding.field()))
          .append(" | ")
          .append(cell(finding.message()))
          .append(" |\n");
    }
    out.append("\n</details>\n\n");
  }

  private static String changeCounts(CheckVersionsReport.Changes changes) {
    List<String> parts = new ArrayList<>();
    count(parts, changes.modified().size(), "modified");
    count(parts, changes.added().size(), "added");
    count(parts, changes.removed().size(), "removed");
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static void count(List<String> parts, int n, String what) {
    if (n > 0) {
      parts.add(n + " " + what);
    }
  }

  /**
   * What merging does, like a {@code terraform plan} comment: the promotions the commit makes
   * pending and their outcome per stage, what each stage receives field by field, and what stays
   * behind main and why.
   */
  private static void mergePlan(PromotionPlan plan, StringBuilder out) {
    out.append("### What merging does\n\n");
    if (plan.outcomeLines().isEmpty()) {
      out.append("No promotion is pending.\n\n");
    }
    for (String line : plan.outcomeLines()) {
      out.append("- ").append(code(line)).append('\n');
    }
    if (!plan.outcomeLines().isEmpty()) {
      out.append('\n');
    }
    for (DiffReport.StagePlan change : plan.changes()) {
      PlanText.markdown(change, "Promote to " + change.stage(), out);
    }
    behind("Behind main after merging", plan.behind(), out);
  }

  /** Lines of assets behind main, folded under their count. */
  private static void behind(String title, List<String> lines, StringBuilder out) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("<details><summary>")
        .append(title)
        .append(": ")
        .append(Problems.plural(lines.size(), "asset"))
        .append("</summary>\n\n");
    int shown = 0;
    for (String line : lines) {
      if (shown++ == MAX_ROWS) {
        out.append("- … ").append(lines.size() - MAX_ROWS).append(" more in the JSON report\n");
        break;
      }
      out.append("- ").append(inline(line)).append('\n');
    }
    out.append("\n</details>\n\n");
  }

  private static void stages(
      List<DiffReport.StagePlan> plans, PromotionPath path, StringBuilder out) {
    Map<String, DiffReport.StagePlan> byStage = new LinkedHashMap<>();
    for (DiffReport.StagePlan plan : plans) {
      byStage.put(plan.stage(), plan);
    }
    if (!byStage.isEmpty()) {
      out.append("### Stages compared with this commit\n\n");
      byStage.values().forEach(plan -> PlanText.markdown(plan, "Stage " + plan.stage(), out));
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

  /** What is pending on the edge into a stage, from that stage's diff; null when unknown. */
  private static String pending(DiffReport.StagePlan plan) {
    if (plan == null) {
      return null;
    }
    DiffReport.AssetChanges assets = plan.assets();
    if (!plan.hasChanges()) {
      return "up to date";
    }
    List<String> parts = new ArrayList<>();
    count(parts, assets.create().size(), "to create");
    count(parts, assets.update().size(), "to update");
    count(parts, assets.delete().size(), "to delete");
    return String.join(", ", parts);
  }

  private static String node(String prefix, String name) {
    return prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String mermaid(String text) {
    return text.replace("\"", "#quot;").replace("\n", " ");
  }

  private static String labels(List<String> items) {
    List<String> parts = new ArrayList<>();
    for (String item : items) {
      parts.add(code(item));
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

  static String html(String text) {
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
