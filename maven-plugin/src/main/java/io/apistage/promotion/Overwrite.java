package io.apistage.promotion;

import io.apistage.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which assets that already exist at a target a promotion may replace: {@code none}, {@code all},
 * or a list of kinds ({@code api}, {@code application}, ...) and children ({@code
 * application.credentials}). A child is a part of its parent that is kept as the target has it
 * unless the child is listed too; a child can only be listed with its parent, as in the asset
 * promotion seed's overwrite tree.
 *
 * @param all whether everything may be replaced
 * @param entries the kinds and children listed, lower case
 * @since 0.1.0
 */
public record Overwrite(boolean all, Set<String> entries) {

  /** Nothing that exists at the target may be replaced. */
  public static final Overwrite NONE = new Overwrite(false, Set.of());

  /** Everything may be replaced. */
  public static final Overwrite ALL = new Overwrite(true, Set.of());

  /** The children of each kind: top-level fields replaced only when listed as well. */
  public static final Map<Kind, List<String>> CHILDREN =
      Map.of(Kind.APPLICATION, List.of("credentials"));

  public Overwrite {
    entries = Set.copyOf(new TreeSet<>(entries));
  }

  /** Whether an existing asset of a kind may be replaced. */
  public boolean allows(Kind kind) {
    return all || entries.contains(kind.id());
  }

  /** Whether the child field of an existing asset of a kind may be replaced. */
  public boolean allowsChild(Kind kind, String child) {
    return all || entries.contains(kind.id() + "." + child);
  }

  /** Every value a list entry may take, for messages. */
  public static List<String> acceptedEntries() {
    List<String> out = new ArrayList<>();
    for (Kind kind : PromotionSpec.PROMOTABLE) {
      out.add(kind.id());
      for (String child : CHILDREN.getOrDefault(kind, List.of())) {
        out.add(kind.id() + "." + child);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return all ? "all" : entries.isEmpty() ? "none" : String.join(", ", entries);
  }
}
