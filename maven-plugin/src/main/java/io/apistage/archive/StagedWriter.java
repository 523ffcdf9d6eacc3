package io.apistage.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes an archive's files into its staging folder on a thread of its own, so the disk works while
 * the archive is still being decrypted and its documents parsed and validated. The bytes waiting to
 * be written are bounded ({@link #BUDGET}): {@link #write} blocks while that much is queued, so an
 * archive is never held whole. The first failure is kept and reported by {@link #await}; the files
 * after it are not written.
 *
 * @since 0.2.0
 */
final class StagedWriter implements AutoCloseable {

  /** The most bytes queued for writing at once. */
  static final int BUDGET = 16 * 1024 * 1024;

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "apistage-import-writer");
            t.setDaemon(true);
            return t;
          });
  private final ByteBudget budget = new ByteBudget(BUDGET);
  private final Set<Path> folders = new HashSet<>();
  private volatile IOException failure;
  private boolean awaited;

  /**
   * Queues one file; returns at once unless {@link #BUDGET} bytes are already waiting.
   *
   * @throws IOException a failure of an earlier write, or an interrupt while waiting
   */
  void write(Path file, byte[] bytes) throws IOException {
    check();
    int permits = budget.take(bytes.length, "staging " + file);
    thread.execute(
        () -> {
          try {
            if (failure == null) {
              if (folders.add(file.getParent())) {
                Files.createDirectories(file.getParent());
              }
              Files.write(file, bytes);
            }
          } catch (IOException e) {
            failure = e;
          } finally {
            budget.give(permits);
          }
        });
  }

  /**
   * Waits until every queued file is written.
   *
   * @throws IOException the first write that failed
   */
  void await() throws IOException {
    if (!awaited) {
      thread.shutdown();
      try {
        if (!thread.awaitTermination(1, TimeUnit.HOURS)) {
          throw new IOException("staging the archive's files took over an hour; stopped");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while staging the archive's files");
      }
      awaited = true;
    }
    check();
  }

  private void check() throws IOException {
    IOException e = failure;
    if (e != null) {
      throw new IOException("cannot stage the archive's files: " + e.getMessage(), e);
    }
  }

  /** Drops what is still queued and waits for the file being written, so the folder can go. */
  @Override
  public void close() {
    if (!awaited) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      awaited = true;
    }
  }
}
