package io.apistage.stage;

import io.apistage.problem.ApistageException;
import java.util.Locale;

/**
 * A stage's state cannot be reached because of a field of its {@code state} block: a branch name
 * Git refuses, a remote that is refused or cannot be reached, a server that {@code settings.xml}
 * does not define. It names the field, so a goal can report the problem at that field's line.
 *
 * @since 0.1.0
 */
public final class StageLocationException extends ApistageException {

  private static final long serialVersionUID = 1L;

  /** The field of a stage's {@code state} block a failure is about. */
  public enum Field {
    /** {@code state.branch}. */
    BRANCH,
    /** {@code state.remote}. */
    REMOTE,
    /** {@code state.server}. */
    SERVER;

    /** The field's name in the stage file: {@code branch}, {@code remote}, {@code server}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Field field;

  /** A failure about one field, with the message for the user and the cause, if any. */
  public StageLocationException(Field field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The field of the stage's {@code state} block the failure is about. */
  public Field field() {
    return field;
  }
}
