package io.apistage.model;

import io.apistage.problem.Position;
import io.apistage.yaml.YMap;
import java.util.List;

/**
 * The project settings of {@code apistage.yaml}; every field has a default so the file is optional.
 *
 * @param mainBranch the branch promotions are applied from and check-versions compares with
 * @param tagPattern the release tag pattern with the placeholders {@code <api>} and {@code
 *     <version>}
 * @param exceptions declared exceptions to the version rules
 * @param file the file the settings were read from, or null when defaults apply
 * @param body the document, or null when defaults apply
 * @since 0.1.0
 */
public record Settings(
    String mainBranch, String tagPattern, List<RuleException> exceptions, String file, YMap body) {

  /** The default main branch. */
  public static final String DEFAULT_MAIN_BRANCH = "main";

  /** The default release tag pattern, e.g. {@code orders@1.4.2}. */
  public static final String DEFAULT_TAG_PATTERN = "<api>@<version>";

  /** Settings when the project has no {@code apistage.yaml}. */
  public static final Settings DEFAULTS =
      new Settings(DEFAULT_MAIN_BRANCH, DEFAULT_TAG_PATTERN, List.of(), null, null);

  public Settings {
    exceptions = List.copyOf(exceptions);
  }

  /**
   * One declared exception to a version rule; it applies only while the Api has that version.
   *
   * @param api the Api's name
   * @param version the version the exception applies to
   * @param rule the rule id
   * @param pointer the JSON pointer of the finding
   * @param reason why the exception is acceptable
   * @param at where the declaration starts in {@code apistage.yaml}
   */
  public record RuleException(
      String api, String version, String rule, String pointer, String reason, Position at) {}
}
