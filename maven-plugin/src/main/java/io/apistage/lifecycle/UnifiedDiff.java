package io.apistage.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * The unified diff ({@code diff -u}, three lines of context) of one file, for {@code
 * -Dapistage.dryRun=true}. The lines in common at both ends are set aside first, so an edit of a
 * few values in a long file compares only the lines between the first and the last change.
 *
 * @since 0.1.0
 */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  private UnifiedDiff() {}

  /** One line of a file: its text without the line break, and whether a break ends it. */
  private record Line(String text, boolean broken) {}

  /** One line of the diff script: {@code ' '}, {@code '-'} or {@code '+'}, and the line. */
  private record Op(char kind, Line line) {}

  /**
   * The diff of a file.
   *
   * @param path the path relative to the config root
   * @param before the text before, null for a new file
   * @param after the text after
   * @return the diff lines, none when the texts are equal
   */
  public static List<String> of(String path, String before, String after) {
    List<Line> a = before == null ? List.of() : lines(before);
    List<Line> b = lines(after);
    List<Op> ops = script(a, b);
    List<String> out = new ArrayList<>();
    if (ops.stream().allMatch(o -> o.kind() == ' ')) {
      return out;
    }
    out.add("--- " + (before == null ? "/dev/null" : "a/" + path));
    out.add("+++ b/" + path);
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind() == ' ') {
        i++;
        continue;
      }
      int from = Math.max(0, i - CONTEXT);
      int to = i;
      while (to < ops.size()) {
        int nextChange = to;
        while (nextChange < ops.size() && ops.get(nextChange).kind() == ' ') {
          nextChange++;
        }
        if (nextChange == ops.size() || nextChange - to > 2 * CONTEXT) {
          to = Math.min(ops.size(), to + CONTEXT);
          break;
        }
        to = nextChange + 1;
      }
      hunk(ops, from, to, out);
      i = to;
    }
    return out;
  }

  private static void hunk(List<Op> ops, int from, int to, List<String> out) {
    int oldStart = 1;
    int newStart = 1;
    for (int k = 0; k < from; k++) {
      oldStart += ops.get(k).kind() != '+' ? 1 : 0;
      newStart += ops.get(k).kind() != '-' ? 1 : 0;
    }
    int oldCount = 0;
    int newCount = 0;
    List<String> body = new ArrayList<>();
    for (int k = from; k < to; k++) {
      Op op = ops.get(k);
      oldCount += op.kind() != '+' ? 1 : 0;
      newCount += op.kind() != '-' ? 1 : 0;
      body.add(op.kind() + op.line().text());
      if (!op.line().broken()) {
        body.add(NO_NEWLINE);
      }
    }
    out.add(
        "@@ -"
            + range(oldCount == 0 ? oldStart - 1 : oldStart, oldCount)
            + " +"
            + range(newCount == 0 ? newStart - 1 : newStart, newCount)
            + " @@");
    out.addAll(body);
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /** The edit script: common ends as context, the middle by longest common subsequence. */
  private static List<Op> script(List<Line> a, List<Line> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Op> ops = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      ops.add(new Op(' ', a.get(k)));
    }
    ops.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail)));
    for (int k = a.size() - tail; k < a.size(); k++) {
      ops.add(new Op(' ', a.get(k)));
    }
    return ops;
  }

  private static List<Op> middle(List<Line> a, List<Line> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i++)));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', a.get(i++)));
      } else {
        ops.add(new Op('+', b.get(j++)));
      }
    }
    return ops;
  }

  private static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Line(text.substring(start, i), true));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(new Line(text.substring(start), false));
    }
    return out;
  }
}
