package io.apistage.yaml;

import io.apistage.problem.Problem;
import java.util.List;

/**
 * The result of reading one YAML file: its root node, or null when it could not be read, and the
 * problems found while reading it.
 *
 * @param file path relative to the config root
 * @param root the document's root node, null when unreadable
 * @param problems problems found while reading
 * @since 0.1.0
 */
public record ParsedFile(String file, YNode root, List<Problem> problems) {

  public ParsedFile {
    problems = List.copyOf(problems);
  }

  /** Whether a root node was read. */
  public boolean ok() {
    return root != null;
  }
}
