package io.apistage.yaml;

/**
 * A YAML scalar: its resolved value (String, Long, BigInteger, Double, Boolean or null) and the
 * text it was written as.
 *
 * @param value the resolved value
 * @param text the scalar's text as written, without quotes
 * @param line 1-based line
 * @param column 1-based column
 * @since 0.1.0
 */
public record YScalar(Object value, String text, int line, int column) implements YNode {

  /** Whether the value is a string. */
  public boolean isString() {
    return value instanceof String;
  }
}
