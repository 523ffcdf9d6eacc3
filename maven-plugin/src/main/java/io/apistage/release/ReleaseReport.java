package io.apistage.release;

import io.apistage.goal.ReportBody;
import io.apistage.release.ApiComparison.ApiChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code release.json}: the tag checked, the release before it, the changes between
 * them with the largest step, the consumers affected and the release notes written.
 *
 * @param released the tag, the file it releases and the tagged commit
 * @param previous the previous release of the API line, or null for its first
 * @param changes the changes since the previous release
 * @param consumers the assets that use the API line, as {@code kind/name}
 * @param notes the release notes' file name in the report folder, or null when refused
 * @since 0.1.0
 */
record ReleaseReport(
    Released released,
    ReleaseTag previous,
    List<ApiChange> changes,
    List<String> consumers,
    String notes)
    implements ReportBody {

  ReleaseReport {
    changes = List.copyOf(changes);
    consumers = List.copyOf(consumers);
  }

  /**
   * What a tag releases.
   *
   * @param tag the tag
   * @param file the Api file of the tagged major line
   * @param commit the tagged commit
   */
  record Released(ReleaseTag tag, String file, String commit) {}

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tag", released.tag().name());
    out.put("api", released.tag().api());
    out.put("version", released.tag().version().text());
    out.put("file", released.file());
    out.put("commit", released.commit());
    out.put("previousTag", previous == null ? null : previous.name());
    out.put("previousVersion", previous == null ? null : previous.version().text());
    out.put("bump", ReleaseNotes.largest(changes));
    List<Map<String, Object>> list = new ArrayList<>();
    for (ApiChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("endpoint", c.endpoint());
      m.put("level", c.level());
      m.put("rule", c.rule());
      m.put("field", c.field());
      m.put("message", c.message());
      list.add(m);
    }
    out.put("changes", list);
    out.put("consumers", consumers);
    out.put("notes", notes);
    return out;
  }
}
