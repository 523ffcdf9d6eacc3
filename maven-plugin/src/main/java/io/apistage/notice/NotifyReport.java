package io.apistage.notice;

import io.apistage.goal.ReportBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code notify.json}: per stage, the notices tried in this run and how each ended.
 *
 * @param stages one entry per stage looked at
 * @since 0.2.0
 */
public record NotifyReport(List<NoticeRun.StageDelivery> stages) implements ReportBody {

  public NotifyReport {
    stages = List.copyOf(stages);
  }

  @Override
  public Map<String, Object> toJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (NoticeRun.StageDelivery s : stages) {
      List<Map<String, Object>> notices = new ArrayList<>();
      for (NoticeDelivery.Result r : s.results()) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", r.notice().id());
        n.put("application", r.notice().application());
        n.put("record", r.notice().record());
        n.put("delivered", r.outcome().delivered());
        n.put("status", r.outcome().status());
        n.put("tries", r.outcome().tries());
        notices.add(n);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("stage", s.stage());
      entry.put("commit", s.commit().orElse(null));
      entry.put("notices", notices);
      list.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stages", list);
    return out;
  }
}
