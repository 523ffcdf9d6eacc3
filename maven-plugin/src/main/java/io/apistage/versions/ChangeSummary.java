package io.apistage.versions;

import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of an Api's changes in the manner of the API update spec: the fields modified and the
 * items added and removed, each named by its readable path (e.g. {@code endpoints[GET
 * /orders/{id}].parameters[query:expand].enum}).
 *
 * @param modified fields whose value changed
 * @param added fields and items that are new
 * @param removed fields and items that are gone
 * @since 0.1.0
 */
public record ChangeSummary(List<String> modified, List<String> added, List<String> removed) {

  /** No change. */
  public static final ChangeSummary NONE = new ChangeSummary(List.of(), List.of(), List.of());

  public ChangeSummary {
    modified = List.copyOf(modified);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** The summary of field-level changes. */
  public static ChangeSummary of(List<Change> changes) {
    List<String> modified = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Change c : changes) {
      switch (c.type()) {
        case CHANGED -> modified.add(c.path());
        case ADDED -> added.add(c.path());
        case REMOVED -> removed.add(c.path());
      }
    }
    return new ChangeSummary(modified, added, removed);
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return modified.isEmpty() && added.isEmpty() && removed.isEmpty();
  }

  /** The plain form for reports: {@code {modified, added, removed}}. */
  public Map<String, Object> toPlain() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modified", modified);
    out.put("added", added);
    out.put("removed", removed);
    return out;
  }
}
