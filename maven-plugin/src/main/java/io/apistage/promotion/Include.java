package io.apistage.promotion;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which optional dependencies of one kind travel with a promotion: all, none, or those named.
 *
 * @param all whether all of them travel
 * @param names the names that travel when not all
 * @since 0.1.0
 */
public record Include(boolean all, Set<String> names) {

  /** No optional dependency of the kind travels. */
  public static final Include NONE = new Include(false, Set.of());

  /** Every optional dependency of the kind travels. */
  public static final Include ALL = new Include(true, Set.of());

  public Include {
    names = Set.copyOf(names);
  }

  /** Whether the optional dependency with this name travels. */
  public boolean includes(String name) {
    return all || names.contains(name);
  }

  @Override
  public String toString() {
    return all ? "all" : names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
  }
}
