package io.apistage.git;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Checks of the Git names a stage file gives ({@code state.branch}, {@code state.remote}) before
 * any ref is read or written with them, so that a stage file read from a commit cannot address an
 * arbitrary ref or hand an option or a command to a transport.
 *
 * @since 0.1.0
 */
public final class GitNames {

  /** What a valid branch looks like, for messages. */
  public static final String BRANCH_RULES =
      "a Git branch name such as apistage/stage/prod: no '..', '//', '@{', spaces, control"
          + " characters or any of ~ ^ : ? * [ \\, not starting with '-', '/' or '.', not ending"
          + " with '/', '.' or '.lock', and not '@' alone";

  /** What a valid remote looks like, for messages. */
  public static final String REMOTE_RULES =
      "a remote's name such as origin, or an https://, http://, ssh://, git:// or file:// URL, or"
          + " user@host:path";

  private static final Pattern REMOTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern URL =
      Pattern.compile("(?i)(https?|ssh|git|file)://[^\\s\\x00-\\x1f\\x7f]+");
  private static final Pattern SCP_LIKE =
      Pattern.compile(
          "[A-Za-z0-9._-]+@[A-Za-z0-9][A-Za-z0-9.-]*:[^-\\s\\x00-\\x1f\\x7f][^\\s\\x00-\\x1f\\x7f]*");

  private GitNames() {}

  /**
   * Whether {@code branch} is a branch name Git accepts ({@code git check-ref-format --branch}):
   * {@code refs/heads/<branch>} is a valid ref name, no component starts with '.' or ends with
   * {@code .lock}, and it neither starts with '-' nor is '@'.
   */
  public static boolean isValidBranch(String branch) {
    return branch != null
        && !branch.isEmpty()
        && !branch.startsWith("-")
        && !branch.equals("@")
        && !branch.contains("@{")
        && Repository.isValidRefName("refs/heads/" + branch)
        && Arrays.stream(branch.split("/", -1))
            .noneMatch(c -> c.isEmpty() || c.startsWith(".") || c.endsWith(".lock"));
  }

  /**
   * Whether {@code remote} is a remote's name or a URL of an allowed transport (https, http, ssh,
   * git, file, or scp-like {@code user@host:path}); options such as {@code --upload-pack=...} and
   * other transports such as {@code ext::} are refused.
   */
  public static boolean isValidRemote(String remote) {
    if (remote == null || remote.isEmpty()) {
      return false;
    }
    if (REMOTE_NAME.matcher(remote).matches()) {
      return !remote.contains("..")
          && !remote.endsWith(".lock")
          && Repository.isValidRefName("refs/remotes/" + remote + "/x");
    }
    return URL.matcher(remote).matches() || SCP_LIKE.matcher(remote).matches();
  }

  /** A value quoted for a message, with control characters escaped so a log cannot be forged. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
