package io.apistage.log;

/**
 * Colour for console lines: green for what is created, yellow for what changes, red for what is
 * deleted and for errors. The Maven side decides whether colour is on (Maven's own colour setting:
 * a terminal, {@code -Dstyle.color}; {@code -B} is plain); {@link #PLAIN} leaves text as it is.
 *
 * @param colour whether the text gets ANSI colour codes
 * @since 0.1.0
 */
public record Styler(boolean colour) {

  /** No colour. */
  public static final Styler PLAIN = new Styler(false);

  private static final String ESC = "\u001B[";

  /** Something created: {@code + api/orders@1}. */
  public String added(String text) {
    return wrap("32", text);
  }

  /** Something changed: {@code ~ application/mobile-app}. */
  public String changed(String text) {
    return wrap("33", text);
  }

  /** Something deleted: {@code - plan/old}. */
  public String removed(String text) {
    return wrap("31", text);
  }

  /** An error line. */
  public String failure(String text) {
    return wrap("1;31", text);
  }

  /** A warning line. */
  public String warning(String text) {
    return wrap("1;33", text);
  }

  /** A plan line by its symbol, the first character after its indentation: +, ~ or -. */
  public String planLine(String line) {
    String symbol = line.stripLeading();
    if (symbol.startsWith("+ ")) {
      return added(line);
    }
    if (symbol.startsWith("~ ")) {
      return changed(line);
    }
    return symbol.startsWith("- ") ? removed(line) : line;
  }

  private String wrap(String code, String text) {
    return colour ? ESC + code + "m" + text + ESC + "m" : text;
  }
}
