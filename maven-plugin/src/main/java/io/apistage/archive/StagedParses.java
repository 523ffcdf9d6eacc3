package io.apistage.archive;

import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses an archive's documents while it is decrypted, one thread per processor, so the parse a
 * validation needs is done by the time the archive has been read; the validation's load then takes
 * them instead of reading the staged files. The bytes waiting for a parser are bounded ({@link
 * #BUDGET}). A parse is used only once the whole archive has authenticated.
 *
 * @since 0.2.0
 */
final class StagedParses implements AutoCloseable {

  /** The most bytes waiting for a parser at once. */
  static final int BUDGET = 16 * 1024 * 1024;

  private final YamlParser parser = new YamlParser();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "apistage-import-parser");
            t.setDaemon(true);
            return t;
          });
  private final ByteBudget budget = new ByteBudget(BUDGET);
  private final Map<String, Future<ParsedFile>> parses = new HashMap<>();

  /** Queues one document; returns at once unless {@link #BUDGET} bytes are already waiting. */
  void parse(String path, byte[] bytes) throws IOException {
    int permits = budget.take(bytes.length, "reading " + path);
    parses.put(
        path,
        pool.submit(
            () -> {
              try {
                return parser.parse(bytes, path);
              } finally {
                budget.give(permits);
              }
            }));
  }

  /** A document's parse, waiting for it if need be. */
  ParsedFile get(String path) throws IOException {
    try {
      return parses.get(path).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while parsing " + path);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops the parsers once every parse is done; the parses stay. */
  void done() {
    pool.shutdown();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
