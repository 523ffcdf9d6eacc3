package io.apistage.report;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The reports of the checking goals for pull requests and CI, beside the JSON report: {@code
 * <goal>.md} (Markdown summary), {@code <goal>.sarif} (SARIF 2.1.0 for code scanning) and {@code
 * TEST-apistage-<goal>.xml} (JUnit XML for test views); on GitHub Actions also the problems as
 * annotations and the Markdown in the job summary.
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
   * Writes the reports, printing GitHub annotations on standard output; returns the files written.
   */
  public static List<Path> write(GoalResult result, GoalContext context) throws IOException {
    return write(result, context, System.out::println);
  }

  /**
   * Writes the reports, printing GitHub annotations on {@code console}; returns the files written.
   */
  public static List<Path> write(GoalResult result, GoalContext context, Consumer<String> console)
      throws IOException {
    Path configDir = context.configDir();
    Path reportDir = context.reportDir();
    SarifReport.Location location = location(configDir);
    Config stages = stagesOf(configDir);
    String markdown = MarkdownReport.render(result, PromotionPath.of(stages));

    List<Path> written = new ArrayList<>();
    Path md = reportDir.resolve(result.goal() + ".md");
    AtomicFiles.write(md, markdown);
    written.add(md);
    Path sarif = reportDir.resolve(result.goal() + ".sarif");
    Json.writeFile(sarif, SarifReport.render(result, toolVersion(), location));
    written.add(sarif);
    Path junit = reportDir.resolve(JUnitReport.fileName(result.goal()));
    AtomicFiles.write(
        junit,
        JUnitReport.render(
            result, filesChecked(result.goal(), configDir), context.failOnWarning()));
    written.add(junit);

    if (GithubActions.active(context.env())) {
      GithubActions.annotate(result, location.prefix(), console);
      Path summary = GithubActions.appendSummary(context.env(), markdown);
      if (summary != null) {
        written.add(summary);
      }
    }
    context.log().debug("apistage: wrote " + written);
    return written;
  }

  /** The files a goal checked: the Api files for {@code check-versions}, else every YAML file. */
  static List<String> filesChecked(String goal, Path configDir) throws IOException {
    Set<String> out = new TreeSet<>();
    if (Files.isDirectory(configDir)) {
      for (String path : new DirectorySource(configDir).paths()) {
        if (!ConfigLoader.isYaml(path)) {
          continue;
        }
        if (goal.equals("check-versions") && !path.startsWith(Kind.API.folder() + "/")) {
          continue;
        }
        out.add(path);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Where SARIF paths and annotations start: the Git work tree when the config root is inside one
   * (paths then carry the config root's prefix), else the config root.
   */
  static SarifReport.Location location(Path configDir) {
    try (GitRepo git = GitRepo.open(configDir)) {
      return new SarifReport.Location(git.workTree(), git.prefix());
    } catch (ApistageException e) {
      return new SarifReport.Location(configDir, "");
    }
  }

  /** Only the settings and Stage documents, which the promotion path needs. */
  private static Config stagesOf(Path configDir) throws IOException {
    if (!Files.isDirectory(configDir)) {
      return new ConfigLoader().load(new MemorySource(Map.of()));
    }
    DirectorySource all = new DirectorySource(configDir);
    List<String> paths = new ArrayList<>();
    for (String path : all.paths()) {
      if (path.startsWith(Kind.STAGE.folder() + "/") || path.startsWith("apistage.")) {
        paths.add(path);
      }
    }
    return new ConfigLoader().load(all.only(paths));
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
