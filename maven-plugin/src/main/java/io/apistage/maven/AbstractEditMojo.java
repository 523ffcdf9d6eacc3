package io.apistage.maven;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The Mojos of the lifecycle goals, which edit the working copy for a person at the keyboard: they
 * share the dry run that shows a unified diff instead of writing.
 *
 * @since 0.1.0
 */
public abstract class AbstractEditMojo extends AbstractApistageMojo {

  /**
   * Prints the change as a unified diff and writes nothing.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.dryRun", defaultValue = "false")
  protected boolean dryRun;

  /**
   * The API, or for goals on one line the API line as {@code <api>@<major>}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.api")
  protected String api;
}
