package io.apistage.log;

/**
 * A stopwatch over the steps of one operation, telling the log's debug lines ({@code mvn -X}) how
 * long each step took, so an operator sees where a slow run spends its time.
 *
 * @since 0.1.0
 */
public final class Steps {

  private final Log log;
  private final String operation;
  private long last = System.nanoTime();

  /** A stopwatch started now for {@code operation} ("deploy of stage dev"). */
  public Steps(Log log, String operation) {
    this.log = log;
    this.operation = operation;
  }

  /** Logs the time since the previous step (or the start) as the time of {@code step}. */
  public void done(String step) {
    long now = System.nanoTime();
    log.debug(operation + ": " + step + " took " + (now - last) / 1_000_000 + " ms");
    last = now;
  }
}
