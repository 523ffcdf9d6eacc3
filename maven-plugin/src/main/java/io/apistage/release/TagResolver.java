package io.apistage.release;

import io.apistage.problem.ApistageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the release tag of a run: the {@code apistage.tag} parameter, else the release tag on
 * {@code HEAD}, else the tag the CI server names in its environment ({@code GITHUB_REF_NAME} on a
 * tag push, {@code CI_COMMIT_TAG} on GitLab, and the like).
 *
 * @since 0.1.0
 */
public final class TagResolver {

  private TagResolver() {}

  /**
   * Where the tag came from, for messages and the report.
   *
   * @param tag the tag's name
   * @param source {@code apistage.tag}, {@code HEAD} or the environment variable
   */
  public record Resolved(String tag, String source) {}

  /**
   * The tag of this run.
   *
   * @param parameter the {@code apistage.tag} parameter, or null
   * @param tagsOnHead the tags that point at {@code HEAD}
   * @param env the environment variables
   * @param pattern the release tag pattern, to pick a release tag among the tags on {@code HEAD}
   * @throws ApistageException when there is none, or {@code HEAD} carries several release tags
   */
  public static Resolved resolve(
      String parameter, List<String> tagsOnHead, Map<String, String> env, TagPattern pattern)
      throws ApistageException {
    if (parameter != null && !parameter.isBlank()) {
      return new Resolved(parameter.trim(), "apistage.tag");
    }
    List<String> releases = new ArrayList<>();
    for (String tag : tagsOnHead) {
      if (pattern.parse(tag).isPresent()) {
        releases.add(tag);
      }
    }
    if (releases.size() == 1) {
      return new Resolved(releases.get(0), "HEAD");
    }
    if (releases.size() > 1) {
      throw new ApistageException(
          "HEAD carries several release tags "
              + releases
              + "; choose the one to release with -Dapistage.tag="
              + releases.get(0));
    }
    Optional<Resolved> fromEnv = fromEnvironment(env);
    if (fromEnv.isPresent()) {
      return fromEnv.get();
    }
    throw new ApistageException(
        "no release tag to check: pass -Dapistage.tag="
            + pattern.format("<api>", "<version>")
            + " (e.g. "
            + pattern.format("orders", "1.5.0")
            + "), or run on a commit that carries such a tag"
            + (tagsOnHead.isEmpty()
                ? ""
                : " (HEAD carries "
                    + tagsOnHead
                    + ", which do not match the tag pattern "
                    + pattern.text()
                    + ")"));
  }

  /** The tag a CI server names for a tag pipeline, if any. */
  static Optional<Resolved> fromEnvironment(Map<String, String> env) {
    String github = env.get("GITHUB_REF");
    if (github != null && github.startsWith("refs/tags/")) {
      return Optional.of(new Resolved(github.substring("refs/tags/".length()), "GITHUB_REF"));
    }
    if ("tag".equals(env.get("GITHUB_REF_TYPE")) && present(env.get("GITHUB_REF_NAME"))) {
      return Optional.of(new Resolved(env.get("GITHUB_REF_NAME"), "GITHUB_REF_NAME"));
    }
    for (String variable : List.of("CI_COMMIT_TAG", "BITBUCKET_TAG", "TAG_NAME", "CIRCLE_TAG")) {
      if (present(env.get(variable))) {
        return Optional.of(new Resolved(env.get(variable), variable));
      }
    }
    return Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
