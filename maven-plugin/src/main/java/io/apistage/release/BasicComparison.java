package io.apistage.release;

import io.apistage.model.Change;
import io.apistage.model.TreeDiff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link ApiComparison} over the semantic tree difference: each field-level change is put
 * under its endpoint and given a level by what it touches (removals and new requirements are
 * major, additions minor, descriptive text patch).
 *
 * @since 0.1.0
 */
public final class BasicComparison implements ApiComparison {

  private static final Set<String> TEXT_FIELDS =
      Set.of("description", "summary", "tags", "category", "team", "contact");

  /** Fields that describe the release itself rather than the interface. */
  private static final Set<String> RELEASE_FIELDS = Set.of("/version", "/state");

  @Override
  public List<ApiChange> compare(Object before, Object after) {
    List<ApiChange> out = new ArrayList<>();
    for (Change change : TreeDiff.diff(before, after)) {
      if (RELEASE_FIELDS.contains(change.field())) {
        continue;
      }
      String path = change.path();
      String endpoint = "";
      String inside = path;
      if (path.startsWith("endpoints[")) {
        int end = path.indexOf(']');
        endpoint = path.substring("endpoints[".length(), end);
        inside = path.substring(end + 1).replaceFirst("^\\.", "");
      }
      String level = level(change, inside);
      out.add(new ApiChange(endpoint, level, rule(change, inside), change.field(), message(change, inside)));
    }
    return out;
  }

  private static String level(Change change, String inside) {
    String last = inside.substring(inside.lastIndexOf('.') + 1);
    if (TEXT_FIELDS.contains(last)) {
      return "patch";
    }
    return switch (change.type()) {
      case REMOVED -> "major";
      case ADDED -> {
        if (inside.startsWith("parameters[") && isRequired(change.to())) {
          yield "major";
        }
        yield last.equals("rateLimit") ? "major" : "minor";
      }
      case CHANGED -> changed(change, last);
    };
  }

  private static String changed(Change change, String last) {
    Object from = change.from();
    Object to = change.to();
    switch (last) {
      case "required":
        return Boolean.TRUE.equals(to) ? "major" : "minor";
      case "deprecated":
        return "minor";
      case "requests":
        return to instanceof Number t && from instanceof Number f && t.doubleValue() > f.doubleValue()
            ? "minor"
            : "major";
      case "price":
        return to instanceof Number t && from instanceof Number f && t.doubleValue() < f.doubleValue()
            ? "minor"
            : "major";
      default:
        break;
    }
    if (from instanceof Collection<?> a && to instanceof Collection<?> b) {
      return b.containsAll(stringsOf(a)) || stringsOf(b).containsAll(stringsOf(a)) ? "minor" : "major";
    }
    return "major";
  }

  private static List<String> stringsOf(Collection<?> values) {
    return values.stream().map(String::valueOf).toList();
  }

  private static boolean isRequired(Object value) {
    return value instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("required"));
  }

  private static String rule(Change change, String inside) {
    String subject = inside.isEmpty() ? "endpoint" : inside.replaceAll("\\[[^]]*]", "").replace('.', '-');
    return subject.toLowerCase(java.util.Locale.ROOT) + "-" + change.type().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String message(Change change, String inside) {
    String what = inside.isEmpty() ? "endpoint" : inside;
    return switch (change.type()) {
      case ADDED -> what + " added" + (isScalar(change.to()) ? ": " + change.to() : "");
      case REMOVED -> what + " removed" + (isScalar(change.from()) ? " (was " + change.from() + ")" : "");
      case CHANGED -> what + " changed from " + change.from() + " to " + change.to();
    };
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof Collection);
  }
}
