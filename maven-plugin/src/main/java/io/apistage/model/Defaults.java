package io.apistage.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The default value of each optional field that has one, by the field's path ({@code *} for any
 * list item). Spelling out a default is never a difference; these values must agree with the {@code
 * default} keywords of the JSON Schemas (a test checks that).
 *
 * @since 0.1.0
 */
public final class Defaults {

  private Defaults() {}

  private record Entry(Pattern path, Object value) {}

  private static final List<Entry> DEFAULTS =
      List.of(
          entry("/endpoints/*/deprecated", false),
          entry("/endpoints/*/parameters/*/required", false),
          entry("/secret", false),
          entry("/protected", false),
          entry("/fixMissingVersions", false));

  private static Entry entry(String path, Object value) {
    String regex = Pattern.quote(path).replace("*", "\\E[^/]+\\Q");
    return new Entry(Pattern.compile(regex), value);
  }

  /**
   * The last segments of the paths above, and the values: a field whose name or value is none of
   * them is no default, without running the path patterns (normalizing a stage's thousands of
   * documents asks this for every field).
   */
  private static final java.util.Set<String> NAMES =
      DEFAULTS.stream()
          .map(e -> e.path().pattern())
          .map(p -> p.substring(p.lastIndexOf('/') + 1).replace("\\E", ""))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final java.util.Set<Object> VALUES =
      DEFAULTS.stream().map(Entry::value).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Whether {@code value} is the default of the field at {@code path}. */
  public static boolean isDefault(String path, Object value) {
    if (value == null
        || !VALUES.contains(value)
        || !NAMES.contains(path.substring(path.lastIndexOf('/') + 1))) {
      return false;
    }
    for (Entry e : DEFAULTS) {
      if (e.path().matcher(path).matches()) {
        return e.value().equals(value);
      }
    }
    return false;
  }

  /** The defaults as path to value, for documentation and the schema agreement test. */
  public static Map<String, Object> all() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (Entry e : DEFAULTS) {
      out.put(
          e.path().pattern().replace("\\E[^/]+\\Q", "*").replace("\\Q", "").replace("\\E", ""),
          e.value());
    }
    return out;
  }
}
