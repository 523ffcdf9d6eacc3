package io.apistage.notice;

import io.apistage.git.BranchCommits;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.RecordType;
import io.apistage.stage.Stage;
import io.apistage.stage.StageLayout;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers a stage's pending notices and records the outcome: reads the stage's history (the
 * outbox), sends every notice not delivered yet, then adds one {@code delivery} record to the stage
 * with a compare-and-swap. When another run wrote meanwhile (a {@code notify} beside a {@code
 * promote}), the history is read again and a notice that run marked delivered is not recorded
 * twice.
 *
 * @since 0.2.0
 */
public final class NoticeRun {

  /** How many times a lost compare-and-swap of the delivery record is retried. */
  private static final int MAX_ATTEMPTS = 6;

  /**
   * What one stage's delivery did.
   *
   * @param stage the stage's name
   * @param results every notice tried, with its outcome
   * @param commit the stage commit holding the delivery record, or empty when none was written
   */
  public record StageDelivery(
      String stage, List<NoticeDelivery.Result> results, Optional<String> commit) {

    /** The notices that were tried and not delivered. */
    public List<NoticeDelivery.Result> waiting() {
      return results.stream().filter(r -> !r.outcome().delivered()).toList();
    }
  }

  private final GitRepo git;
  private final StageStore store;
  private final NoticeDelivery delivery;
  private final Identity who;
  private final Log log;

  /** A run writing through {@code store} as {@code who}. */
  public NoticeRun(GitRepo git, StageStore store, NoticeDelivery delivery, Identity who, Log log) {
    this.git = git;
    this.store = store;
    this.delivery = delivery;
    this.who = who;
    this.log = log;
  }

  /** Sends the stage's pending notices and records what happened. */
  public StageDelivery deliver(Stage stage) throws ApistageException, IOException {
    StageState state = store.read(stage, StageReader.Depth.HISTORY);
    if (state.commit().isEmpty()) {
      return new StageDelivery(stage.name(), List.of(), Optional.empty());
    }
    List<Notice> pending = NoticeLedger.of(state.history()).pending();
    if (pending.isEmpty()) {
      return new StageDelivery(stage.name(), List.of(), Optional.empty());
    }
    String tip = state.commit().get();
    Map<String, String> commits = new HashMap<>();
    List<NoticeDelivery.Result> results =
        delivery.send(pending, n -> commits.computeIfAbsent(n.record(), r -> commitOf(tip, r)));
    String at = who.when().truncatedTo(ChronoUnit.SECONDS).toString();
    boolean moved = true;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      NoticeLedger ledger = NoticeLedger.of(state.history());
      List<Map<String, Object>> tries = new ArrayList<>();
      for (NoticeDelivery.Result r : results) {
        if (!ledger.delivered(r.notice().id())) {
          tries.add(NoticeLedger.delivery(r.notice(), r.outcome(), at));
        }
      }
      if (tries.isEmpty()) {
        return new StageDelivery(stage.name(), results, Optional.empty());
      }
      Optional<String> commit = record(stage, state, tries, at);
      if (commit.isPresent()) {
        return new StageDelivery(stage.name(), results, commit);
      }
      log.info(
          "stage "
              + stage.name()
              + " moved while notices were sent; reading it again (attempt "
              + (attempt + 1)
              + " of "
              + MAX_ATTEMPTS
              + ")");
      Optional<String> before = state.commit();
      state = store.read(stage, StageReader.Depth.HISTORY);
      moved = !state.commit().equals(before);
    }
    throw exhausted(stage, moved);
  }

  /** Why the delivery record could not be written: a stale ref lock, or other runs. */
  private static ApistageException exhausted(Stage stage, boolean moved) {
    if (!moved) {
      return new ApistageException(
          "stage "
              + stage.name()
              + " could not record the delivery of its notices in "
              + MAX_ATTEMPTS
              + " attempts although it did not move: its ref is locked; if a run was killed while it"
              + " moved the ref, remove the stale lock file ("
              + stage.state().localRef(stage.name())
              + ".lock in the .git folder) and run mvn apistage:notify -Dapistage.stage="
              + stage.name()
              + " again; the notices were sent and stay pending (receivers deduplicate on"
              + " webhook-id)");
    }
    return new ApistageException(
        "stage "
            + stage.name()
            + " moved during each of "
            + MAX_ATTEMPTS
            + " attempts to record the delivery of its notices; they were sent and stay pending:"
            + " run mvn apistage:notify -Dapistage.stage="
            + stage.name()
            + " again (receivers deduplicate on webhook-id)");
  }

  /**
   * Adds one delivery record of the notices tried to the stage: the new commit, or empty when the
   * stage moved meanwhile.
   */
  private Optional<String> record(
      Stage stage, StageState state, List<Map<String, Object>> tries, String at)
      throws ApistageException, IOException {
    HistoryRecord record =
        new HistoryRecord(
            state.nextRecordNumber(),
            RecordType.DELIVERY.id(),
            "notices",
            Map.of("type", RecordType.DELIVERY.id(), "when", at, "deliveries", tries));
    long delivered = tries.stream().filter(t -> Boolean.TRUE.equals(t.get("delivered"))).count();
    return store.appendRecord(
        stage,
        state,
        record,
        "Deliver notices on "
            + stage.name()
            + "\n\n"
            + delivered
            + " of "
            + tries.size()
            + " delivered.",
        who);
  }

  /** The stage commit that added a record: the commit a notice's change is in. */
  private String commitOf(String tip, String recordId) {
    try {
      return new BranchCommits(git)
          .commitThatAdded(tip, StageLayout.HISTORY + recordId + ".json")
          .orElse(tip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The warning that lists the notices still waiting after a delivery, or null when none wait. */
  public static String waitingWarning(StageDelivery done) {
    List<NoticeDelivery.Result> waiting = done.waiting();
    if (waiting.isEmpty()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (NoticeDelivery.Result r : waiting) {
      items.add(
          r.notice().id() + " to " + r.notice().application() + " (" + r.outcome().status() + ")");
    }
    return done.stage()
        + ": "
        + waiting.size()
        + (waiting.size() == 1 ? " notice waits: " : " notices wait: ")
        + String.join(", ", items)
        + "; mvn apistage:notify -Dapistage.stage="
        + done.stage()
        + " sends "
        + (waiting.size() == 1 ? "it" : "them")
        + " again";
  }
}
