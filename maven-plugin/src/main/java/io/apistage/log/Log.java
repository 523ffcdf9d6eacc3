package io.apistage.log;

/**
 * The engine's only way to talk to the user; the Maven side maps it to the Mojo's log, tests record
 * it.
 *
 * @since 0.1.0
 */
public interface Log {

  /** A line for the user. */
  void info(String message);

  /** A line that needs attention but does not fail anything by itself. */
  void warn(String message);

  /** A line about a failure. */
  void error(String message);

  /** Detail for {@code mvn -X}. */
  void debug(String message);

  /** How lines are coloured on this log's console; plain unless the Maven side turns colour on. */
  default Styler styler() {
    return Styler.PLAIN;
  }

  /** A log that drops everything. */
  Log NONE =
      new Log() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}

        @Override
        public void debug(String message) {}
      };
}
