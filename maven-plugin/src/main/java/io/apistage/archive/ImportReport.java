package io.apistage.archive;

import io.apistage.goal.ReportBody;
import io.apistage.promotion.AssetReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code import.json}: the archive read, the overwrite setting, whether it was a dry
 * run, one line per archive asset, and the files written and removed (or, in a dry run, those that
 * would be).
 *
 * @param archive the archive file as given
 * @param overwrite the overwrite setting, e.g. {@code none}
 * @param dryRun whether nothing was written
 * @param assets one line per archive asset, in manifest order
 * @param written the files written, relative to the config root; empty when the import failed
 * @param removed the files deleted (old names of renamed assets); empty when the import failed
 * @since 0.2.0
 */
public record ImportReport(
    String archive,
    String overwrite,
    boolean dryRun,
    List<AssetReport> assets,
    List<String> written,
    List<String> removed)
    implements ReportBody {

  public ImportReport {
    assets = List.copyOf(assets);
    written = List.copyOf(written);
    removed = List.copyOf(removed);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("archive", archive);
    out.put("overwrite", overwrite);
    out.put("dryRun", dryRun);
    List<Object> list = new ArrayList<>();
    assets.forEach(r -> list.add(r.toMap()));
    out.put("assets", list);
    out.put("written", written);
    out.put("removed", removed);
    return out;
  }
}
