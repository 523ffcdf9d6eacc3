package io.apistage.archive;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * A bound on the bytes handed to another thread and not yet done with: {@link #take} waits while
 * the bound is reached, the other thread gives them back when done. A file larger than the bound
 * takes all of it, so it waits for the others but is never refused.
 *
 * @since 0.2.0
 */
final class ByteBudget {

  private final int bytes;
  private final Semaphore left;

  ByteBudget(int bytes) {
    this.bytes = bytes;
    this.left = new Semaphore(bytes);
  }

  /**
   * Takes room for {@code length} bytes, waiting for it; returns what to {@link #give} back.
   *
   * @param doing what waits, for the message of an interrupt
   */
  int take(int length, String doing) throws InterruptedIOException {
    int permits = Math.max(1, Math.min(length, bytes));
    try {
      left.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + doing);
    }
    return permits;
  }

  /** Gives back what {@link #take} returned. */
  void give(int permits) {
    left.release(permits);
  }
}
