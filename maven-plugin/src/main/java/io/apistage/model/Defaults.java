package io.apistage.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The default value of each optional field that has one, by the field's path ({@code *} for any
 * list item). Spelling out a default is never a difference; these values must agree with the {@code
 * default} keywords of the JSON Schemas (a test checks that).
 *
 * @since 0.1.0
 */
public final class Defaults {

  private Defaults() {}

  private record Entry(String path, Pattern pattern, Object value) {}

  private static final List<Entry> DEFAULTS =
      List.of(
          entry("/endpoints/*/deprecated", false),
          entry("/endpoints/*/parameters/*/required", false),
          entry("/secret", false),
          entry("/protected", false),
          entry("/fixMissingVersions", false));

  private static Entry entry(String path, Object value) {
    String regex = Pattern.quote(path).replace("*", "\\E[^/]+\\Q");
    return new Entry(path, Pattern.compile(regex), value);
  }

  /**
   * The last segments of the paths above, and the values: a field whose name or value is none of
   * them is no default, without running the path patterns (normalizing a stage's thousands of
   * documents asks this for every field).
   */
  private static final Set<String> NAMES =
      DEFAULTS.stream().map(e -> lastSegment(e.path())).collect(Collectors.toUnmodifiableSet());

  private static final Set<Object> VALUES =
      DEFAULTS.stream().map(Entry::value).collect(Collectors.toUnmodifiableSet());

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Whether a field named {@code name} with {@code value} may be a default at all: when not, {@link
   * #isDefault} is false for it at any path, and a caller need not build the path.
   */
  public static boolean mayBeDefault(String name, Object value) {
    return value != null && VALUES.contains(value) && NAMES.contains(name);
  }

  /** Whether {@code value} is the default of the field at {@code path}. */
  public static boolean isDefault(String path, Object value) {
    if (!mayBeDefault(lastSegment(path), value)) {
      return false;
    }
    for (Entry e : DEFAULTS) {
      if (e.pattern().matcher(path).matches()) {
        return e.value().equals(value);
      }
    }
    return false;
  }

  /** The defaults as path to value, for documentation and the schema agreement test. */
  public static Map<String, Object> all() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : DEFAULTS) {
      out.put(e.path(), e.value());
    }
    return out;
  }
}
