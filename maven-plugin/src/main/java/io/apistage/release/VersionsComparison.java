package io.apistage.release;

import io.apistage.model.TreeDiff;
import io.apistage.versions.ApiComparator;
import io.apistage.versions.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link ApiComparison} of release notes on check-versions' classification ({@link
 * ApiComparator}), so a release names the same rules and levels as the pull request did: each
 * finding is put under the endpoint its pointer lies in.
 *
 * @since 0.1.0
 */
public final class VersionsComparison implements ApiComparison {

  @Override
  public List<ApiChange> compare(Object before, Object after) {
    Object from = TreeDiff.normalize(before);
    Object to = TreeDiff.normalize(after);
    List<ApiChange> out = new ArrayList<>();
    for (Finding f : ApiComparator.compare(before, after).findings()) {
      String endpoint = endpoint(f.removal() ? from : to, f.field());
      if (endpoint.isEmpty() && !f.removal()) {
        endpoint = endpoint(from, f.field()); // e.g. a changed path names the endpoint it was
      }
      out.add(new ApiChange(endpoint, f.bump().label(), f.rule().id(), f.field(), f.message()));
    }
    return out;
  }

  /** {@code METHOD path} of the endpoint a pointer lies in, or "" when it is not in an endpoint. */
  static String endpoint(Object document, String pointer) {
    String[] parts = pointer.split("/");
    if (parts.length < 3 || !parts[1].equals("endpoints") || !(document instanceof Map<?, ?> doc)) {
      return "";
    }
    if (!(doc.get("endpoints") instanceof List<?> endpoints)) {
      return "";
    }
    int index;
    try {
      index = Integer.parseInt(parts[2]);
    } catch (NumberFormatException e) {
      return "";
    }
    if (index < 0 || index >= endpoints.size() || !(endpoints.get(index) instanceof Map<?, ?> e)) {
      return "";
    }
    Object method = e.get("method");
    Object path = e.get("path");
    if (method == null || path == null) {
      return "";
    }
    return String.valueOf(method).toUpperCase(Locale.ROOT) + " " + path;
  }
}
