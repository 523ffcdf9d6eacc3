package io.apistage.notice;

import io.apistage.goal.ReportBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code notify.json}: per stage, the notices this run tried (or, in a dry run, would
 * try) and how each ended.
 *
 * @param dryRun whether this was a dry run: nothing was sent and nothing written to a stage
 * @param stages one entry per stage looked at, in chain order
 * @since 0.2.0
 */
public record NotifyReport(boolean dryRun, List<StageNotices> stages) implements ReportBody {

  public NotifyReport {
    stages = List.copyOf(stages);
  }

  /**
   * The notices of one stage.
   *
   * @param stage the stage's name
   * @param commit the stage commit holding this run's delivery record, or null when none was
   *     written (nothing to send, a dry run, or every notice recorded delivered by another run)
   * @param notices the notices tried, or in a dry run the ones pending
   */
  public record StageNotices(String stage, String commit, List<NoticeEntry> notices) {
    public StageNotices {
      notices = List.copyOf(notices);
    }

    /** What a stage's delivery did. */
    static StageNotices of(NoticeRun.StageDelivery done) {
      List<NoticeEntry> notices = new ArrayList<>();
      for (NoticeDelivery.Result r : done.results()) {
        notices.add(
            new NoticeEntry(
                r.notice().id(),
                r.notice().application(),
                r.notice().record(),
                r.outcome().delivered(),
                r.outcome().status(),
                r.outcome().tries()));
      }
      return new StageNotices(done.stage(), done.commit().orElse(null), notices);
    }

    Map<String, Object> toJson() {
      List<Map<String, Object>> list = new ArrayList<>();
      notices.forEach(n -> list.add(n.toJson()));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("stage", stage);
      out.put("commit", commit);
      out.put("notices", list);
      return out;
    }
  }

  /**
   * One notice and how its sending ended.
   *
   * @param id the notice's id, its {@code webhook-id}
   * @param application the application told
   * @param record the stage history record of the change it tells
   * @param delivered whether a 2xx answer was received in this run
   * @param status the last status of this run (in a dry run: the last recorded one)
   * @param tries how many tries this run made (in a dry run: how many are recorded)
   */
  public record NoticeEntry(
      String id, String application, String record, boolean delivered, String status, int tries) {

    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("application", application);
      out.put("record", record);
      out.put("delivered", delivered);
      out.put("status", status);
      out.put("tries", tries);
      return out;
    }
  }

  @Override
  public Map<String, Object> toJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    stages.forEach(s -> list.add(s.toJson()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dryRun", dryRun);
    out.put("stages", list);
    return out;
  }
}
