package io.apistage.report;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reports of the checking goals for pull requests and CI, beside the JSON report: {@code
 * <goal>.md} (Markdown summary), {@code <goal>.sarif} (SARIF 2.1.0 for code scanning) and {@code
 * TEST-apistage-<goal>.xml} (JUnit XML for test views); on GitHub Actions also the problems as
 * annotations and the Markdown in the job summary. They only render: what they need of the
 * repository comes in as {@link Inputs}.
 *
 * @since 0.1.0
 */
public final class CheckReports {

  /** The goals that write these reports. */
  public static final Set<String> CHECKING_GOALS =
      Set.of("validate", "check-versions", "diff", "check");

  private CheckReports() {}

  /** Whether a goal writes these reports. */
  public static boolean isCheckingGoal(String goal) {
    return CHECKING_GOALS.contains(goal);
  }

  /**
   * What the reports need to know of the repository, which the goal gathers.
   *
   * @param location where SARIF paths and annotations start
   * @param path the stage chain, for the Markdown diagram
   * @param filesChecked the files the goal checked, one JUnit test case each
   */
  public record Inputs(
      SarifReport.Location location, PromotionPath path, List<String> filesChecked) {
    public Inputs {
      filesChecked = List.copyOf(filesChecked);
    }
  }

  /**
   * Writes the reports into the context's report folder, and on GitHub Actions prints the
   * annotations on {@code console} and appends the Markdown to the job summary; returns the files
   * written.
   */
  public static List<Path> write(
      GoalResult result, Inputs inputs, GoalContext context, Consumer<String> console)
      throws IOException {
    Path reportDir = context.reportDir();
    String markdown = MarkdownReport.render(result, inputs.path());
    List<Path> written = new ArrayList<>();
    Path md = reportDir.resolve(result.goal() + ".md");
    AtomicFiles.write(md, markdown);
    written.add(md);
    Path sarif = reportDir.resolve(result.goal() + ".sarif");
    Json.writeFile(sarif, SarifReport.render(result, toolVersion(), inputs.location()));
    written.add(sarif);
    Path junit = reportDir.resolve(JUnitReport.fileName(result.goal()));
    AtomicFiles.write(
        junit, JUnitReport.render(result, inputs.filesChecked(), context.failOnWarning()));
    written.add(junit);

    if (GithubActions.active(context.env())) {
      GithubActions.annotate(result, inputs.location().prefix(), console);
      Path summary = GithubActions.appendSummary(context.env(), markdown);
      if (summary != null) {
        written.add(summary);
      }
    }
    return written;
  }

  /** The plugin's version from its Maven metadata, or {@code development} when run from classes. */
  public static String toolVersion() {
    String resource = "/META-INF/maven/io.apistage/apistage-maven-plugin/pom.properties";
    try (InputStream in = CheckReports.class.getResourceAsStream(resource)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "development");
      }
    } catch (IOException e) {
      // the version is informative only
    }
    return "development";
  }
}
