package io.apistage.release;

import io.apistage.versions.SemVer;

/**
 * A release tag read with the tag pattern.
 *
 * @param name the tag's name, e.g. {@code orders@1.5.0}
 * @param api the API's name
 * @param version the version released
 * @since 0.1.0
 */
public record ReleaseTag(String name, String api, SemVer version) {

  /** The major version line, i.e. the file {@code apis/<api>/v<major>.yaml}. */
  public int major() {
    return (int) version.major();
  }
}
