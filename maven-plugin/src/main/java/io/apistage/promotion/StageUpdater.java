package io.apistage.promotion;

import io.apistage.git.Identity;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.stage.Stage;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Updates one stage with one commit and a compare-and-swap of its ref: read the state, compute the
 * new content from it, write; when another run moved the ref meanwhile, read again, compute again
 * and retry, a bounded number of times with a short random backoff. The ref update is the only
 * mutation (objects first, ref last), so a run killed at any point leaves the stage as before or as
 * after.
 *
 * @since 0.1.0
 */
final class StageUpdater {

  /** How many times a lost compare-and-swap is retried before the run fails. */
  static final int MAX_ATTEMPTS = 6;

  private final StageStore store;
  private final TreeRenderer renderer;
  private final Log log;

  /** An updater writing through {@code store}, which reports its reads to {@code renderer}. */
  StageUpdater(StageStore store, TreeRenderer renderer, Log log) {
    this.store = store;
    this.renderer = renderer;
    this.log = log;
  }

  /**
   * What to write, computed from a state.
   *
   * @param content the new content, or null when nothing is to be written
   * @param message the commit message
   * @param result what the caller reports
   */
  record Update<R>(StageState.StageContent content, String message, R result) {}

  /** Computes an update from the stage's current state. */
  interface Step<R> {
    Update<R> compute(StageState state) throws ApistageException, IOException;
  }

  /**
   * The outcome of an update.
   *
   * @param result what the last computation returned
   * @param commit the new commit, empty when nothing was written
   * @param attempts how many times the state was read
   */
  record Done<R>(R result, Optional<String> commit, int attempts) {}

  /** Runs a step until its write lands; with {@code dryRun}, computes once and writes nothing. */
  <R> Done<R> update(Stage stage, Step<R> step, Identity who, boolean dryRun)
      throws ApistageException, IOException {
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      StageState state = read(stage, attempt == 1);
      long read = System.nanoTime();
      Update<R> update = step.compute(state);
      long computed = System.nanoTime();
      log.debug(
          "stage "
              + stage.name()
              + ": read "
              + millis(read - started)
              + " ms, computed "
              + millis(computed - read)
              + " ms");
      if (update.content() == null || dryRun) {
        return new Done<>(update.result(), Optional.empty(), attempt);
      }
      Optional<String> commit = write(stage, state, update, who);
      if (commit.isPresent()) {
        return new Done<>(update.result(), commit, attempt);
      }
      boolean moved = !store.currentCommit(stage).equals(state.commit());
      if (attempt >= MAX_ATTEMPTS) {
        throw exhausted(stage, attempt, moved);
      }
      backOff(stage, attempt, moved);
    }
  }

  /**
   * The stage's state, refused when a file of it does not parse; its warnings are logged on the
   * first read only.
   */
  private StageState read(Stage stage, boolean first) throws ApistageException, IOException {
    StageState state = store.read(stage, StageReader.Depth.RESOLVED);
    if (state.hasErrors()) {
      throw new ApistageException(
          "stage "
              + stage.name()
              + " ("
              + stage.state().describe()
              + ") has files that do not parse: "
              + state.problems().get(0).format()
              + "; fix the branch or roll it back before promoting");
    }
    if (first) {
      state.problems().stream()
          .filter(problem -> !problem.isError())
          .forEach(problem -> log.warn(problem.format()));
    }
    return state;
  }

  /** Renders and writes an update: the new commit, or empty when the compare-and-swap lost. */
  private Optional<String> write(Stage stage, StageState state, Update<?> update, Identity who)
      throws ApistageException, IOException {
    long started = System.nanoTime();
    var tree = renderer.render(state, update.content());
    long rendered = System.nanoTime();
    Optional<String> commit = store.write(stage, state, tree, update.message(), who);
    log.debug(
        "stage "
            + stage.name()
            + ": rendered "
            + tree.size()
            + " files in "
            + millis(rendered - started)
            + " ms, wrote in "
            + millis(System.nanoTime() - rendered)
            + " ms");
    return commit;
  }

  /** Says why the update is tried again, then waits a short random time growing with attempts. */
  private void backOff(Stage stage, int attempt, boolean moved) throws ApistageException {
    log.info(
        "stage "
            + stage.name()
            + (moved
                ? " moved while this run computed its update; reading it again (attempt "
                : " is locked by another writer; trying again (attempt ")
            + (attempt + 1)
            + " of "
            + MAX_ATTEMPTS
            + ")");
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60L * attempt * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApistageException(
          "interrupted while waiting to retry the update of stage " + stage.name(), e);
    }
  }

  /** Why the update gave up after {@code attempt} attempts: a stale lock, or other runs. */
  private static ApistageException exhausted(Stage stage, int attempt, boolean moved) {
    if (!moved) {
      return new ApistageException(
          "stage "
              + stage.name()
              + " ("
              + stage.state().describe()
              + ") could not be updated in "
              + attempt
              + " attempts although it did not move: its ref is locked; if a run was killed while it moved the"
              + " ref, remove the stale lock file ("
              + stage.state().localRef(stage.name())
              + ".lock in the .git folder) and run the goal again; nothing was written by this run");
    }
    return new ApistageException(
        "stage "
            + stage.name()
            + " ("
            + stage.state().describe()
            + ") moved during each of "
            + attempt
            + " attempts to update it (other runs are promoting to it); nothing was written by this run:"
            + " run the goal again");
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
