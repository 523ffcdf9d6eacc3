package io.apistage.stage;

import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a gateway renders a stage from (docs/gateway.md): the running files of the served kinds,
 * aliases resolved in them already, and in those files every field but the few no gateway renders.
 * A deploy's read ({@link StageReader.Depth#DEPLOYED}) reads no more than this.
 *
 * @since 0.1.0
 */
final class Served {

  private Served() {}

  /** The kinds a gateway renders; teams, stages, promotions and aliases are not served. */
  static final Set<Kind> KINDS =
      EnumSet.of(
          Kind.API, Kind.APPLICATION, Kind.SUBSCRIPTION, Kind.PACKAGE, Kind.PLAN, Kind.POLICY);

  /**
   * Fields of the served files that no gateway renders (documentation, parameters, request and
   * response shapes), the larger part of an Api: a deploy's read leaves them out of its trees.
   */
  static final Set<String> FIELDS_NOT_RENDERED =
      Set.of(
          "/description",
          "/endpoints/*/description",
          "/endpoints/*/parameters",
          "/endpoints/*/requestBody",
          "/endpoints/*/responses");

  /** The running files (paths of a stage's branch) of the served kinds. */
  static List<String> paths(List<String> running) {
    return running.stream()
        .filter(
            p -> ConfigLoader.place(p).map(placed -> KINDS.contains(placed.kind())).orElse(true))
        .toList();
  }

  /** The asset keys of the served kinds. */
  static Set<String> keys(Set<String> keys) {
    Set<String> out = new TreeSet<>();
    for (String key : keys) {
      if (KINDS.stream().anyMatch(kind -> key.startsWith(kind.id() + "/"))) {
        out.add(key);
      }
    }
    return out;
  }
}
