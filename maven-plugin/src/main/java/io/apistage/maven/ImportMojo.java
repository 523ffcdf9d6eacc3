package io.apistage.maven;

import io.apistage.archive.ArchivePassword;
import io.apistage.archive.ImportGoal;
import io.apistage.archive.ImportRequest;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports an archive's assets into the working copy, all or nothing: matched by id, then by key; a
 * per-asset report; the configuration with the import applied must validate before anything is
 * written; nothing is committed (docs/archive.md).
 *
 * @since 0.2.0
 */
@Mojo(name = "import", threadSafe = true, requiresProject = true)
public class ImportMojo extends AbstractApistageMojo {

  /**
   * The archive file to read.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.archive")
  private File archive;

  /**
   * Which assets the working copy already has that the import may replace: {@code none}, {@code
   * all}, or a comma list of kinds such as {@code api,application,application.credentials}.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.overwrite", defaultValue = "none")
  private String overwrite;

  /**
   * Verify the archive and report what would be written and deleted, writing nothing to the working
   * copy.
   *
   * @since 0.2.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  private boolean dryRun;

  @Override
  protected String goal() {
    return "import";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    ArchivePasswordGuard.refuseCommandLine(userProperties());
    if (archive == null) {
      throw new ApistageException(
          "import needs an archive: pass -Dapistage.archive=<the file export wrote>");
    }
    char[] password =
        ArchivePassword.resolve(context.env(), serverPassword(ArchivePassword.SERVER));
    ImportRequest request =
        new ImportRequest(archive.toPath(), ImportRequest.overwrite(overwrite), password, dryRun);
    Arrays.fill(password, '\0');
    return new ImportGoal(context, request).execute();
  }

  /** A password given as {@code -Dapistage.*password*} is refused by the goal, with advice. */
  @Override
  protected boolean ownsProperty(String name) {
    return ArchivePasswordGuard.isPassword(name);
  }
}
