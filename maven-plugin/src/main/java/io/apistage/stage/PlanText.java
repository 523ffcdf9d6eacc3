package io.apistage.stage;

import io.apistage.log.Styler;
import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's diff as text: the console plan in the manner of {@code terraform plan}, and Markdown
 * for a pull-request comment.
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
  public static List<String> console(StageDiff diff, String header) {
    return console(diff, header, Styler.PLAIN);
  }

  /** The same, each {@code +}, {@code ~} and {@code -} line coloured by the styler. */
  public static List<String> console(StageDiff diff, String header, Styler styler) {
    List<String> out = new ArrayList<>();
    out.add(header);
    List<Row> rows = rows(diff);
    for (Row row : rows) {
      out.add(styler.planLine("  " + row.symbol() + " " + row.key()));
      for (Change change : row.changes()) {
        out.add(styler.planLine("      " + changeLine(change)));
      }
    }
    out.add("Plan for " + diff.stage() + ": " + diff.summary());
    return out;
  }

  /**
   * One field change: {@code ~ /description: "a" -> "b"}, {@code + /tags: ["x"]}, {@code - /x: 1}.
   */
  public static String changeLine(Change change) {
    String field = change.field().isEmpty() ? "/" : change.field();
    String label = change.path().contains("[") ? field + " (" + change.path() + ")" : field;
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

  /** The Markdown of every stage's plan, for a pull-request comment. */
  public static String markdown(List<StageDiff> diffs, List<String> notCompared) {
    StringBuilder out = new StringBuilder("## apistage diff\n\n");
    if (diffs.isEmpty() && notCompared.isEmpty()) {
      out.append("No stages declared.\n");
    }
    for (StageDiff diff : diffs) {
      out.append("### Stage `")
          .append(diff.stage())
          .append("`: ")
          .append(diff.summary())
          .append("\n\n");
      if (!diff.hasChanges()) {
        out.append("No changes.\n\n");
        continue;
      }
      out.append("| | asset | change |\n|---|---|---|\n");
      int rows = 0;
      int total = 0;
      for (Row row : rows(diff)) {
        List<String> cells = new ArrayList<>();
        if (row.changes().isEmpty()) {
          cells.add(row.symbol().equals("+") ? "create" : "delete");
        } else {
          row.changes().forEach(c -> cells.add(code(changeLine(c))));
        }
        for (int i = 0; i < cells.size(); i++) {
          total++;
          if (rows < MAX_MARKDOWN_ROWS) {
            rows++;
            out.append("| ")
                .append(i == 0 ? row.symbol() : "")
                .append(" | ")
                .append(i == 0 ? "`" + row.key() + "`" : "")
                .append(" | ")
                .append(cells.get(i))
                .append(" |\n");
          }
        }
      }
      if (total > rows) {
        out.append("\n… and ").append(total - rows).append(" more lines in diff.json\n");
      }
      out.append("\n");
    }
    for (String line : notCompared) {
      out.append("- ").append(line).append("\n");
    }
    return out.toString();
  }

  private static String code(String text) {
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`";
  }

  private record Row(String symbol, String key, List<Change> changes) {}

  private static List<Row> rows(StageDiff diff) {
    List<Row> rows = new ArrayList<>();
    diff.create().forEach(k -> rows.add(new Row("+", k, List.of())));
    diff.update().forEach(u -> rows.add(new Row("~", u.key(), u.changes())));
    diff.delete().forEach(k -> rows.add(new Row("-", k, List.of())));
    rows.sort((a, b) -> a.key().compareTo(b.key()));
    return rows;
  }
}
