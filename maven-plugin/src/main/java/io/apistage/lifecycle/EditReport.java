package io.apistage.lifecycle;

import io.apistage.goal.ReportBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a lifecycle goal's report ({@code <goal>.json}): what the goal is about, in the
 * goal's own record, then whether the edit was only shown, the files written and the diff shown.
 *
 * @param subject what the goal is about ({@link NewVersionReport}, {@link SetStateReport}, {@link
 *     RestoreReport}, {@link UpgradeAccessReport})
 * @param dryRun whether the edits were only shown, or null when the goal stopped before validating
 *     them
 * @param written the files written; empty when nothing was
 * @param diff the unified diff a dry run showed, or null
 * @since 0.1.0
 */
record EditReport(Subject subject, Boolean dryRun, List<String> written, String diff)
    implements ReportBody {

  EditReport {
    written = List.copyOf(written);
  }

  /** A report that stopped before validating: nothing written. */
  static EditReport nothingWritten(Subject subject) {
    return new EditReport(subject, null, List.of(), null);
  }

  /** The goal-specific part of a lifecycle goal's report. */
  interface Subject {

    /** Adds the fields to a report's JSON, in the order it shows them. */
    void putInto(Map<String, Object> json);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    subject.putInto(out);
    if (dryRun != null) {
      out.put("dryRun", dryRun);
    }
    out.put("written", written);
    if (diff != null) {
      out.put("diff", diff);
    }
    return out;
  }
}
