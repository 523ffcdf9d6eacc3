package io.apistage.promotion;

import io.apistage.goal.ReportBody;
import io.apistage.stage.HistoryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code history.json}: a stage, its current commit and its history records, oldest
 * first, each as its id and number followed by the record's content as stored on the stage branch.
 *
 * @param stage the stage
 * @param commit the stage's commit, or null when nothing was deployed yet
 * @param records the records
 * @since 0.1.0
 */
public record HistoryReport(String stage, String commit, List<HistoryRecord> records)
    implements ReportBody {

  public HistoryReport {
    records = List.copyOf(records);
  }

  @Override
  public Map<String, Object> toJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (HistoryRecord record : records) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", record.id());
      entry.put("number", record.number());
      entry.putAll(record.content());
      list.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stage", stage);
    out.put("commit", commit);
    out.put("records", list);
    return out;
  }
}
