package io.apistage.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a finding's element was at the base commit, for a finding in an OpenAPI file: the place in
 * the working copy is the element itself, or for a removed element its nearest parent that still
 * exists; this is the element as it was (docs/openapi.md).
 *
 * @param file path relative to the config root at the base commit, with forward slashes
 * @param at the 1-based line and column in that file
 * @param commit the short id of the base commit
 * @since 0.2.0
 */
public record BasePlace(String file, Position at, String commit) {

  public BasePlace {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(commit, "commit");
  }

  /** {@code base: openapi/payments-v1.yaml:42:7 at 1a2b3c4}. */
  public String format() {
    return "base: " + file + ":" + at.line() + ":" + at.column() + " at " + commit;
  }

  /** The place in a JSON report: file, line, column and commit. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file);
    out.put("line", at.line());
    out.put("column", at.column());
    out.put("commit", commit);
    return out;
  }
}
