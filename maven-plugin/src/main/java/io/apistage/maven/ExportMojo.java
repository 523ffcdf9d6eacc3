package io.apistage.maven;

import io.apistage.archive.ArchivePassword;
import io.apistage.archive.ExportGoal;
import io.apistage.archive.ExportRequest;
import io.apistage.archive.Selection;
import io.apistage.git.GitCredentials;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Exports chosen assets of the working copy or of a stage's state, with their required
 * dependencies, into one password-encrypted, tamper-evident archive (docs/archive.md). The password
 * comes from {@code APISTAGE_ARCHIVE_PASSWORD} or the settings.xml server {@code apistage-archive}.
 *
 * @since 0.2.0
 */
@Mojo(name = "export", threadSafe = true, requiresProject = true)
public class ExportMojo extends AbstractApistageMojo {

  /**
   * The archive file to write.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.archive")
  private File archive;

  /**
   * The stage whose state is exported; the working copy when not set.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.stage")
  private String stage;

  /**
   * What to export, comma-separated: {@code <kind>}, {@code <kind>/<name>} or {@code
   * api/<name>@<major>}, names allowing {@code *}; every asset when not set. Required dependencies
   * always travel along.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.select")
  private String select;

  @Override
  protected String goal() {
    return "export";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    ArchivePasswordGuard.refuseCommandLine(userProperties());
    if (archive == null) {
      throw new ApistageException(
          "export needs a file to write: pass -Dapistage.archive=<file>, e.g. qa.apistage");
    }
    char[] password =
        ArchivePassword.resolve(context.env(), serverPassword(ArchivePassword.SERVER));
    Map<String, GitCredentials> servers =
        stage == null || stage.isBlank() ? Map.of() : stageServers();
    ExportRequest request =
        new ExportRequest(archive.toPath(), stage, Selection.parse(select), password, servers);
    Arrays.fill(password, '\0');
    return new ExportGoal(context, request).execute();
  }

  /** A password given as {@code -Dapistage.*password*} is refused by the goal, with advice. */
  @Override
  protected boolean ownsProperty(String name) {
    return ArchivePasswordGuard.isPassword(name);
  }
}
