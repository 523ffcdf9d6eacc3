package io.apistage.stage;

import io.apistage.git.CommitInfo;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who writes to a stage (promotes, rolls back, records notice deliveries): the CI job's user
 * ({@code GITHUB_ACTOR}, {@code GITLAB_USER_LOGIN}, {@code BUILD_USER}, in that order), else the
 * author of the checked-out commit; when is now, in UTC.
 *
 * @since 0.1.0
 */
public final class Operator {

  /** The environment variables that name the CI user, in the order they are tried. */
  public static final List<String> CI_USER_VARIABLES =
      List.of("GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BUILD_USER");

  private Operator() {}

  /** The identity for records and stage commits. */
  public static Identity of(Map<String, String> env, GitRepo git, String head, Instant now)
      throws IOException {
    for (String variable : CI_USER_VARIABLES) {
      String user = env.get(variable);
      if (user != null && !user.isBlank()) {
        return new Identity(user.strip(), "", now);
      }
    }
    CommitInfo info = git.commitInfo(head);
    return new Identity(info.authorName(), info.authorEmail(), now);
  }
}
