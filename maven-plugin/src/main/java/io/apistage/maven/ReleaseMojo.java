package io.apistage.maven;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.release.ReleaseGoal;
import io.apistage.release.ReleaseRequest;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks a release tag {@code <api>@<version>} (the tagged commit holds that API at that version,
 * published, valid and newer than the previous release) and writes its release notes.
 *
 * @since 0.1.0
 */
@Mojo(name = "release", threadSafe = true, requiresProject = true)
public class ReleaseMojo extends AbstractApistageMojo {

  /**
   * The release tag to check, e.g. {@code orders@1.5.0}; when empty, the release tag on {@code
   * HEAD}, else the CI's tag variable ({@code GITHUB_REF_NAME}, {@code CI_COMMIT_TAG}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.tag")
  private String tag;

  @Override
  protected String goal() {
    return "release";
  }

  @Override
  protected GoalResult run(GoalContext context) throws ApistageException, IOException {
    return new ReleaseGoal(context, new ReleaseRequest(tag)).execute();
  }
}
