package io.apistage.problem;

/**
 * A 1-based line and column in a file; {@link #FILE} when a problem concerns a whole file.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @since 0.1.0
 */
public record Position(int line, int column) {

  /** The start of a file, used for problems about a whole file. */
  public static final Position FILE = new Position(1, 1);
}
