package io.apistage.release;

import java.util.List;

/**
 * Compares two versions of an Api document for release notes: what changed, per endpoint, and how
 * large each change is for a consumer.
 *
 * @since 0.1.0
 */
public interface ApiComparison {

  /**
   * One change of an Api between two releases.
   *
   * @param endpoint the endpoint it concerns ({@code GET /orders/{id}}), or "" for the API as a
   *     whole
   * @param level {@code major}, {@code minor} or {@code patch}
   * @param rule the rule id that classified it
   * @param field JSON pointer of the changed value
   * @param message what changed, for a consumer
   */
  record ApiChange(String endpoint, String level, String rule, String field, String message) {}

  /** The changes from {@code before} to {@code after}, both Api documents in plain form. */
  List<ApiChange> compare(Object before, Object after);
}
