package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a goal tells GitHub Actions when it runs there ({@code GITHUB_ACTIONS=true}): a workflow
 * command per problem ({@code ::error file=...,line=...,col=...,title=...::message}), which GitHub
 * shows as an annotation on the pull request's changed lines, and the Markdown report appended to
 * the job summary file {@code $GITHUB_STEP_SUMMARY}.
 *
 * @since 0.1.0
 */
public final class GithubActions {

  /** Bytes a step summary may hold: GitHub refuses more than 1 MiB. */
  static final int SUMMARY_LIMIT = 1024 * 1024 - 1024;

  private GithubActions() {}

  /** Whether the environment is a GitHub Actions job. */
  public static boolean active(Map<String, String> env) {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  /**
   * The workflow commands of a result's problems; paths get {@code prefix}, the config root's path
   * in the repository, because GitHub resolves them against the repository root.
   */
  public static List<String> annotations(GoalResult result, String prefix) {
    List<String> out = new ArrayList<>();
    for (Problem p : result.problems()) {
      StringBuilder line = new StringBuilder("::").append(p.isError() ? "error" : "warning");
      boolean project = p.file().equals(SarifReport.PROJECT);
      if (!project) {
        line.append(" file=").append(property(prefix + p.file())).append(',');
      } else {
        line.append(' ');
      }
      if (!project && p.line() > 0) {
        line.append("line=").append(p.line()).append(',');
        if (p.column() > 0) {
          line.append("col=").append(p.column()).append(',');
        }
      }
      line.append("title=").append(property("apistage " + result.goal() + " [" + p.rule() + "]"));
      line.append("::").append(data(p.message()));
      out.add(line.toString());
    }
    return out;
  }

  /**
   * Prints the annotations, each on its own line, where the runner reads them (standard output).
   */
  public static void annotate(GoalResult result, String prefix, Consumer<String> console) {
    annotations(result, prefix).forEach(console);
  }

  /** Appends Markdown to the job summary file, when the environment names one; returns it. */
  public static Path appendSummary(Map<String, String> env, String markdown) throws IOException {
    String file = env.get("GITHUB_STEP_SUMMARY");
    if (file == null || file.isBlank()) {
      return null;
    }
    Path path = Path.of(file);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        path,
        fitted(markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n"),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return path;
  }

  /**
   * The Markdown cut at a line to stay under GitHub's limit of 1 MiB per step summary, which
   * otherwise rejects the whole summary.
   */
  static String fitted(String markdown) {
    byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= SUMMARY_LIMIT) {
      return markdown;
    }
    String note =
        "\n… cut to fit GitHub's job summary limit; the whole report is in the report folder.\n\n";
    String head = new String(bytes, 0, SUMMARY_LIMIT - note.length() * 3, StandardCharsets.UTF_8);
    int line = head.lastIndexOf('\n');
    return (line > 0 ? head.substring(0, line + 1) : "") + note;
  }

  /** Escapes a command's message as the runner expects. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a command property value as the runner expects. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
