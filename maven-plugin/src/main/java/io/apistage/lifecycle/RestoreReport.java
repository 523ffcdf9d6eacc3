package io.apistage.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * What {@code restore} is about: the line, its file and, once the history was searched, the commits
 * looked at and the commit restored from.
 *
 * @param api the API line, {@code <api>@<major>}
 * @param file the line's file
 * @param commit the commit the file is restored from, or null when there is none
 * @param commitsLookedAt the commits of HEAD's history that touched the file, newest first, or null
 *     when the history was not searched (the file exists)
 * @since 0.1.0
 */
record RestoreReport(String api, String file, String commit, List<String> commitsLookedAt)
    implements EditReport.Subject {

  RestoreReport {
    commitsLookedAt = commitsLookedAt == null ? null : List.copyOf(commitsLookedAt);
  }

  @Override
  public void putInto(Map<String, Object> json) {
    json.put("api", api);
    json.put("file", file);
    if (commit != null) {
      json.put("commit", commit);
    }
    if (commitsLookedAt != null) {
      json.put("commitsLookedAt", commitsLookedAt);
    }
  }
}
