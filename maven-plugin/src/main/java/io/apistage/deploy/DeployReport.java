package io.apistage.deploy;

import io.apistage.goal.ReportBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code deploy.json}: the stage, the commit and file checksum rendered for its
 * gateway, and what the deploy did. A field that does not apply (nothing rendered, or the deploy
 * failed) is null and left out of the JSON.
 *
 * @param stage the stage
 * @param commit the stage commit rendered, or null when the stage's state could not be read
 * @param sha256 the SHA-256 of the rendered file, or null with {@code commit}
 * @param deploy {@code deployed}, {@code unchanged}, or null when nothing was applied
 * @since 0.1.0
 */
public record DeployReport(String stage, String commit, String sha256, String deploy)
    implements ReportBody {

  /** What a deploy that applies nothing reports: the stage, and the rendering when there is one. */
  static DeployReport nothingApplied(String stage, String commit, String sha256) {
    return new DeployReport(stage, commit, sha256, null);
  }

  /** The same report with what the deploy did. */
  DeployReport did(String what) {
    return new DeployReport(stage, commit, sha256, what);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stage", stage);
    if (commit != null) {
      out.put("commit", commit);
      out.put("sha256", sha256);
    }
    if (deploy != null) {
      out.put("deploy", deploy);
    }
    return out;
  }
}
