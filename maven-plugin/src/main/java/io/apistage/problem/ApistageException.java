package io.apistage.problem;

/**
 * A goal cannot run because of the user's setup (not a Git work tree, an unknown stage, a base that
 * does not exist): the message says what is wrong and what to do. The Maven side turns it into a
 * build failure without a stack trace.
 *
 * @since 0.1.0
 */
public class ApistageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure with a message for the user. */
  public ApistageException(String message) {
    super(message);
  }

  /** A failure with a message for the user and the cause, kept for {@code mvn -X}. */
  public ApistageException(String message, Throwable cause) {
    super(message, cause);
  }
}
