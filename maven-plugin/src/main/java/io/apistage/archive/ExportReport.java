package io.apistage.archive;

import io.apistage.goal.ReportBody;
import io.apistage.promotion.AssetReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code export.json}: the archive written, where its assets came from, and one line
 * per asset exported.
 *
 * @param archive the archive file as given
 * @param source {@code working-copy} or {@code stage}
 * @param stage the stage exported, or null for the working copy
 * @param commit the source commit, or null outside Git
 * @param assets one line per asset, in the archive's order; empty when the export failed
 * @since 0.2.0
 */
public record ExportReport(
    String archive, String source, String stage, String commit, List<AssetReport> assets)
    implements ReportBody {

  public ExportReport {
    assets = List.copyOf(assets);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("archive", archive);
    out.put("source", source);
    out.put("stage", stage);
    out.put("commit", commit);
    List<Object> list = new ArrayList<>();
    assets.forEach(r -> list.add(r.toMap()));
    out.put("assets", list);
    return out;
  }
}
