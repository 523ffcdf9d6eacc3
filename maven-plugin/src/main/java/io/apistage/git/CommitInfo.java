package io.apistage.git;

import java.time.Instant;
import java.util.List;

/**
 * What a commit says about itself.
 *
 * @param id the commit id
 * @param authorName the author's name
 * @param authorEmail the author's email
 * @param when the author time
 * @param message the full message
 * @param parents the parent commit ids
 * @since 0.1.0
 */
public record CommitInfo(
    String id,
    String authorName,
    String authorEmail,
    Instant when,
    String message,
    List<String> parents) {

  public CommitInfo {
    parents = List.copyOf(parents);
  }
}
