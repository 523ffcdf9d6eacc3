package io.apistage.goal;

import io.apistage.problem.BasePlace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code check-versions.json}: the base compared with and one verdict per changed Api
 * file.
 *
 * @param baseRevision the base as given or found, e.g. {@code origin/main}
 * @param baseCommit the base's commit
 * @param apis the verdicts, in the order the files were judged
 * @since 0.1.0
 */
public record CheckVersionsReport(String baseRevision, String baseCommit, List<ApiVerdict> apis)
    implements ReportBody {

  public CheckVersionsReport {
    apis = List.copyOf(apis);
  }

  /**
   * One Api file: which major line, its version step, the verdict, what changed and who uses it.
   *
   * @param line the Api, its major and file
   * @param step the version at the base and now, and the step the changes need
   * @param verdict {@code error} when any problem of the file is an error, else {@code ok}
   * @param changes the pointers modified, added and removed
   * @param findings every change found, with the step it needs
   * @param consumers the assets that use the major line, as {@code kind/name}
   */
  public record ApiVerdict(
      ApiLine line,
      VersionStep step,
      String verdict,
      Changes changes,
      List<Finding> findings,
      List<String> consumers) {
    public ApiVerdict {
      findings = List.copyOf(findings);
      consumers = List.copyOf(consumers);
    }

    /** The Api with its major line, {@code orders@1}. */
    public String label() {
      return line.api() + "@" + line.major();
    }

    /** The entry as in the JSON report. */
    public Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("api", line.api());
      out.put("major", line.major());
      out.put("file", line.file());
      out.put("baseVersion", step.baseVersion());
      out.put("version", step.version());
      out.put("requiredBump", step.requiredBump());
      out.put("verdict", verdict);
      Map<String, Object> changed = new LinkedHashMap<>();
      changed.put("modified", changes.modified());
      changed.put("added", changes.added());
      changed.put("removed", changes.removed());
      out.put("changes", changed);
      List<Map<String, Object>> list = new ArrayList<>();
      findings.forEach(f -> list.add(f.toJson()));
      out.put("findings", list);
      out.put("consumers", consumers);
      return out;
    }
  }

  /**
   * An Api major line and its file.
   *
   * @param api the Api's name
   * @param major the major line
   * @param file the file, relative to the config root
   */
  public record ApiLine(String api, int major, String file) {}

  /**
   * A version step.
   *
   * @param baseVersion the version at the base, or null for a new file
   * @param version the version now, or null for a deleted file
   * @param requiredBump the step the changes need: {@code major}, {@code minor}, {@code patch} or
   *     {@code none}
   */
  public record VersionStep(String baseVersion, String version, String requiredBump) {}

  /**
   * The pointers of an Api that changed.
   *
   * @param modified changed in place
   * @param added new
   * @param removed gone
   */
  public record Changes(List<String> modified, List<String> added, List<String> removed) {
    public Changes {
      modified = List.copyOf(modified);
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }
  }

  /**
   * One change and the step it needs.
   *
   * @param rule the rule id
   * @param bump the step: {@code major}, {@code minor}, {@code patch} or {@code none}
   * @param field the pointer in the Api document
   * @param message the sentence for the user
   * @param exception the declared exception that lifts it, or null
   * @param base where its element was at the base, for a finding in an OpenAPI file; else null
   */
  public record Finding(
      String rule, String bump, String field, String message, String exception, BasePlace base) {

    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rule", rule);
      out.put("bump", bump);
      out.put("field", field);
      out.put("message", message);
      if (exception != null) {
        out.put("exception", exception);
      }
      if (base != null) {
        out.put("base", base.toJson());
      }
      return out;
    }
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("revision", baseRevision);
    base.put("commit", baseCommit);
    out.put("base", base);
    List<Map<String, Object>> list = new ArrayList<>();
    apis.forEach(a -> list.add(a.toJson()));
    out.put("apis", list);
    return out;
  }
}
