package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A goal's problems as JUnit XML in the form Surefire writes ({@code TEST-*.xml}), so the test
 * views of CI servers list them: one test suite per goal, one test case per file checked, named by
 * its path, with the goal as class name. A file with errors (or, when warnings fail the build,
 * warnings) is a failed test case whose failure lists its problems; other warnings go to the test
 * case's output.
 *
 * @since 0.1.0
 */
public final class JUnitReport {

  private JUnitReport() {}

  /** The file name of a goal's report: {@code TEST-apistage-<goal>.xml}. */
  public static String fileName(String goal) {
    return "TEST-apistage-" + goal + ".xml";
  }

  /**
   * The XML of a result.
   *
   * @param result the goal's result
   * @param filesChecked the files the goal checked; files named by problems are added
   * @param failOnWarning whether warnings fail the build, and so their test case
   */
  public static String render(GoalResult result, List<String> filesChecked, boolean failOnWarning) {
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (String file : new TreeSet<>(filesChecked)) {
      byFile.put(file, new ArrayList<>());
    }
    for (Problem p : result.problems()) {
      byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
    }
    int failures = 0;
    for (List<Problem> problems : byFile.values()) {
      if (fails(problems, failOnWarning)) {
        failures++;
      }
    }
    String suite = "apistage." + result.goal();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuite name=\"")
        .append(attr(suite))
        .append("\" tests=\"")
        .append(byFile.size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
      List<Problem> problems = e.getValue();
      out.append("  <testcase name=\"")
          .append(attr(e.getKey()))
          .append("\" classname=\"")
          .append(attr(result.goal()))
          .append("\" time=\"0\"");
      if (problems.isEmpty()) {
        out.append("/>\n");
        continue;
      }
      out.append(">\n");
      StringBuilder lines = new StringBuilder();
      for (Problem p : problems) {
        lines.append(p.format()).append('\n');
      }
      if (fails(problems, failOnWarning)) {
        Problem first =
            problems.stream().filter(Problem::isError).findFirst().orElse(problems.get(0));
        out.append("    <failure message=\"")
            .append(attr(Problems.summary(problems) + ": " + first.message()))
            .append("\" type=\"")
            .append(attr(first.rule()))
            .append("\">")
            .append(text(lines.toString()))
            .append("</failure>\n");
      } else {
        out.append("    <system-out>").append(text(lines.toString())).append("</system-out>\n");
      }
      out.append("  </testcase>\n");
    }
    out.append("</testsuite>\n");
    return out.toString();
  }

  private static boolean fails(List<Problem> problems, boolean failOnWarning) {
    return Problems.hasErrors(problems) || (failOnWarning && !problems.isEmpty());
  }

  /** Text content: markup escaped, characters XML 1.0 cannot hold replaced. */
  static String text(String s) {
    return legal(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** An attribute value in double quotes; line breaks kept as character references. */
  static String attr(String s) {
    return text(s)
        .replace("\"", "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;");
  }

  private static String legal(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              out.appendCodePoint(ok ? c : 0xFFFD);
            });
    return out.toString();
  }
}
