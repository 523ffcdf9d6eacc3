package io.apistage.report;

import io.apistage.goal.DiffReport;
import io.apistage.log.Styler;
import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one rendering of a stage's plan ({@link DiffReport.StagePlan}): the console lines in the
 * manner of {@code terraform plan}, and the folded Markdown section of a pull-request comment.
 * {@code diff}, {@code check} and {@code promote} print a change with it, so the same change reads
 * with the same words and numbers everywhere.
 *
 * <pre>
 *   + api/orders@1
 *   ~ application/mobile-app
 *       ~ /description: "a" -&gt; "b"
 *   - plan/old
 * Plan for qa: 1 to create, 1 to update, 1 to delete, 14 unchanged
 * </pre>
 *
 * @since 0.1.0
 */
public final class PlanText {

  /** Most rows of one stage's Markdown table; a pull-request comment has a size limit. */
  static final int MAX_MARKDOWN_ROWS = 200;

  private PlanText() {}

  /** The console lines of one stage's plan, the header first and the summary last. */
  public static List<String> console(DiffReport.StagePlan plan, String header, Styler styler) {
    List<String> out = new ArrayList<>();
    out.add(header);
    for (Row row : rows(plan.assets())) {
      out.add(styler.planLine("  " + row.symbol() + " " + row.key()));
      for (Change change : row.changes()) {
        out.add(styler.planLine("      " + changeLine(change)));
      }
    }
    out.add("Plan for " + plan.stage() + ": " + plan.summary());
    return out;
  }

  /**
   * One field change: {@code ~ /description: "a" -> "b"}, {@code + /tags: ["x"]}, {@code - /x: 1}.
   */
  public static String changeLine(Change change) {
    String field = change.field() == null || change.field().isEmpty() ? "/" : change.field();
    String path = change.path();
    String label = path != null && path.contains("[") ? field + " (" + path + ")" : field;
    return switch (change.type()) {
      case ADDED -> "+ " + label + ": " + Change.compact(change.to());
      case REMOVED -> "- " + label + ": " + Change.compact(change.from());
      case CHANGED ->
          "~ "
              + label
              + ": "
              + Change.compact(change.from())
              + " -> "
              + Change.compact(change.to());
    };
  }

  /**
   * One stage's plan as Markdown: a stage without changes is one line, a stage with changes a table
   * folded in {@code <details>} under its summary, so a comment about three stages stays short.
   */
  static void markdown(DiffReport.StagePlan plan, String title, StringBuilder out) {
    String summary = MarkdownReport.html(title) + ": " + plan.summary();
    if (!plan.hasChanges()) {
      out.append("- ").append(summary).append(": no changes\n\n");
      return;
    }
    out.append("<details><summary>")
        .append(summary)
        .append("</summary>\n\n| | asset | change |\n|---|---|---|\n");
    List<String[]> rows = new ArrayList<>();
    for (Row row : rows(plan.assets())) {
      if (row.changes().isEmpty()) {
        rows.add(new String[] {row.symbol(), row.key(), row.word()});
      }
      for (int i = 0; i < row.changes().size(); i++) {
        String cell = MarkdownReport.code(changeLine(row.changes().get(i)));
        rows.add(new String[] {i == 0 ? row.symbol() : "", i == 0 ? row.key() : "", cell});
      }
    }
    for (int i = 0; i < rows.size() && i < MAX_MARKDOWN_ROWS; i++) {
      String[] row = rows.get(i);
      out.append("| ")
          .append(row[0])
          .append(" | ")
          .append(MarkdownReport.code(row[1]))
          .append(" | ")
          .append(row[2])
          .append(" |\n");
    }
    if (rows.size() > MAX_MARKDOWN_ROWS) {
      out.append("\n… and ")
          .append(rows.size() - MAX_MARKDOWN_ROWS)
          .append(" more lines in the JSON report\n");
    }
    out.append("\n</details>\n\n");
  }

  /** One asset of a plan: its sign, key and field changes. */
  private record Row(String symbol, String key, List<Change> changes) {
    String word() {
      return switch (symbol) {
        case "+" -> "create";
        case "-" -> "delete";
        default -> "update";
      };
    }
  }

  private static List<Row> rows(DiffReport.AssetChanges assets) {
    List<Row> rows = new ArrayList<>();
    assets.create().forEach(k -> rows.add(new Row("+", k, List.of())));
    assets.update().forEach(u -> rows.add(new Row("~", u.key(), u.changes())));
    assets.delete().forEach(k -> rows.add(new Row("-", k, List.of())));
    rows.sort(Comparator.comparing(Row::key));
    return rows;
  }
}
