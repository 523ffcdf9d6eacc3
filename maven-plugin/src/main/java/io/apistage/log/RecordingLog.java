package io.apistage.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Log} that keeps every line with its level, for tests and for callers that want the
 * output as text.
 *
 * @since 0.1.0
 */
public final class RecordingLog implements Log {

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void info(String message) {
    lines.add("[INFO] " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("[WARNING] " + message);
  }

  @Override
  public void error(String message) {
    lines.add("[ERROR] " + message);
  }

  @Override
  public void debug(String message) {
    lines.add("[DEBUG] " + message);
  }

  /** All lines so far, each prefixed with its level as Maven prints it. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** All lines joined with newlines. */
  public String text() {
    return String.join("\n", lines());
  }
}
