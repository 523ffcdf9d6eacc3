package io.apistage.maven;

import io.apistage.log.Log;
import io.apistage.log.Styler;
import org.apache.maven.shared.utils.logging.MessageUtils;

/** The engine's {@link Log} on a Mojo's log. */
final class MavenLog implements Log {

  private final org.apache.maven.plugin.logging.Log log;
  private final Styler styler;

  /** The log, coloured when Maven's own colour setting is on (a terminal, not {@code -B}). */
  MavenLog(org.apache.maven.plugin.logging.Log log) {
    this(log, new Styler(MessageUtils.isColorEnabled()));
  }

  MavenLog(org.apache.maven.plugin.logging.Log log, Styler styler) {
    this.log = log;
    this.styler = styler;
  }

  @Override
  public Styler styler() {
    return styler;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void error(String message) {
    log.error(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }
}
