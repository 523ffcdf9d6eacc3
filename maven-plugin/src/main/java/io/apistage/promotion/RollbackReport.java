package io.apistage.promotion;

import io.apistage.goal.ReportBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code rollback.json}: which promotion was undone on which stage, by which commit and
 * history record, and what happened to each asset it had changed.
 *
 * @param stage the stage
 * @param promotion the promotion undone
 * @param undoes the id of the promotion's history record
 * @param commit the stage commit of the rollback
 * @param record the id of the rollback's history record
 * @param assets the per-asset report
 * @since 0.1.0
 */
public record RollbackReport(
    String stage,
    String promotion,
    String undoes,
    String commit,
    String record,
    List<AssetReport> assets)
    implements ReportBody {

  public RollbackReport {
    assets = List.copyOf(assets);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stage", stage);
    out.put("promotion", promotion);
    out.put("undoes", undoes);
    out.put("commit", commit);
    out.put("record", record);
    List<Map<String, Object>> list = new ArrayList<>();
    assets.forEach(a -> list.add(a.toMap()));
    out.put("assets", list);
    return out;
  }
}
