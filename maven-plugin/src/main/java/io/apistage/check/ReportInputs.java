package io.apistage.check;

import io.apistage.git.GitRepo;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.report.CheckReports;
import io.apistage.report.PromotionPath;
import io.apistage.report.SarifReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reports of a checking goal need to know of the repository, read here so that the report
 * package only renders: where SARIF paths start, the stage chain and the files checked.
 *
 * @since 0.1.0
 */
public final class ReportInputs {

  private ReportInputs() {}

  /** The inputs of a goal's reports for the config root {@code configDir}. */
  public static CheckReports.Inputs of(String goal, Path configDir) throws IOException {
    return new CheckReports.Inputs(
        location(configDir), PromotionPath.of(stagesOf(configDir)), filesChecked(goal, configDir));
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
   * (paths then carry the config root's prefix), else the config root: a configuration outside Git
   * can be validated, and its reports then name files relative to the config root.
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
    return new ConfigLoader().loadStages(configDir);
  }
}
