package io.apistage.versions;

import static io.apistage.problem.RuleId.ENDPOINT_METHOD_CHANGED;
import static io.apistage.problem.RuleId.ENDPOINT_PATH_CHANGED;
import static io.apistage.problem.RuleId.PARAMETER_MOVED;
import static io.apistage.problem.RuleId.PARAMETER_RENAMED;
import static io.apistage.versions.PlainValues.field;

import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs a removed item with an added one when the two are one item moved: an endpoint under the
 * same name at another method or path, a parameter under the same name in another location, the one
 * parameter of a location replaced by another name. Each pair becomes one finding instead of a
 * removal and an addition; the paired changes are marked consumed.
 *
 * @since 0.1.0
 */
final class MoveMatcher {

  private MoveMatcher() {}

  /** Finds every moved endpoint and parameter among {@code locs}. */
  static void pairMoves(List<ChangePath> locs, Set<ChangePath> consumed, List<Finding> out) {
    pairEndpoints(locs, consumed, out);
    pairParameters(locs, consumed, out);
  }

  private static void pairEndpoints(
      List<ChangePath> locs, Set<ChangePath> consumed, List<Finding> out) {
    List<ChangePath> removed = new ArrayList<>();
    List<ChangePath> added = new ArrayList<>();
    for (ChangePath loc : locs) {
      if (loc.matches("endpoints", "*")) {
        (loc.type() == Change.Type.REMOVED ? removed : added).add(loc);
      }
    }
    for (ChangePath r : removed) {
      Object name = field(r.from(), "name");
      if (name == null) {
        continue;
      }
      for (ChangePath a : added) {
        if (!consumed.contains(a) && name.equals(field(a.to(), "name"))) {
          endpointMoved(r, a, out);
          consumed.add(r);
          consumed.add(a);
          break;
        }
      }
    }
  }

  private static void endpointMoved(ChangePath r, ChangePath a, List<Finding> out) {
    Object name = field(r.from(), "name");
    String oldMethod = String.valueOf(field(r.from(), "method"));
    String newMethod = String.valueOf(field(a.to(), "method"));
    String oldPath = String.valueOf(field(r.from(), "path"));
    String newPath = String.valueOf(field(a.to(), "path"));
    if (!oldMethod.equalsIgnoreCase(newMethod)) {
      out.add(
          new Finding(
              ENDPOINT_METHOD_CHANGED,
              a.change.field() + "/method",
              "method of endpoint "
                  + name
                  + " changed from "
                  + oldMethod
                  + " to "
                  + newMethod
                  + " ("
                  + newPath
                  + ")",
              false));
    }
    if (!oldPath.equals(newPath)) {
      out.add(
          new Finding(
              ENDPOINT_PATH_CHANGED,
              a.change.field() + "/path",
              "path of endpoint " + name + " changed from " + oldPath + " to " + newPath,
              false));
    }
  }

  private static void pairParameters(
      List<ChangePath> locs, Set<ChangePath> consumed, List<Finding> out) {
    Map<String, List<ChangePath>> removed = new LinkedHashMap<>();
    Map<String, List<ChangePath>> added = new LinkedHashMap<>();
    for (ChangePath loc : locs) {
      if (loc.matches("endpoints", "*", "parameters", "*")) {
        (loc.type() == Change.Type.REMOVED ? removed : added)
            .computeIfAbsent(loc.itemId(1), k -> new ArrayList<>())
            .add(loc);
      }
    }
    for (Map.Entry<String, List<ChangePath>> e : removed.entrySet()) {
      List<ChangePath> candidates = added.getOrDefault(e.getKey(), List.of());
      EndpointParameters params = new EndpointParameters(e.getKey(), e.getValue(), candidates);
      pairMovedParameters(params, consumed, out);
      pairRenamedParameters(params, consumed, out);
    }
  }

  /**
   * The parameters removed from and added to one endpoint.
   *
   * @param endpoint the endpoint's identity
   * @param removed the parameters removed
   * @param added the parameters added
   */
  private record EndpointParameters(
      String endpoint, List<ChangePath> removed, List<ChangePath> added) {}

  /** A parameter under the same name in another location. */
  private static void pairMovedParameters(
      EndpointParameters params, Set<ChangePath> consumed, List<Finding> out) {
    for (ChangePath r : params.removed()) {
      for (ChangePath a : params.added()) {
        if (!consumed.contains(a)
            && Objects.equals(field(r.from(), "name"), field(a.to(), "name"))
            && !Objects.equals(field(r.from(), "location"), field(a.to(), "location"))) {
          out.add(
              new Finding(
                  PARAMETER_MOVED,
                  a.change.field() + "/location",
                  "parameter "
                      + field(a.to(), "name")
                      + " of "
                      + params.endpoint()
                      + " moved from "
                      + field(r.from(), "location")
                      + " to "
                      + field(a.to(), "location"),
                  false));
          consumed.add(r);
          consumed.add(a);
          break;
        }
      }
    }
  }

  /** The one parameter removed from a location and the one added to it: a rename. */
  private static void pairRenamedParameters(
      EndpointParameters params, Set<ChangePath> consumed, List<Finding> out) {
    Map<Object, List<ChangePath>> removedByLocation = byLocation(params.removed(), consumed, true);
    Map<Object, List<ChangePath>> addedByLocation = byLocation(params.added(), consumed, false);
    for (Map.Entry<Object, List<ChangePath>> byLocation : removedByLocation.entrySet()) {
      List<ChangePath> rs = byLocation.getValue();
      List<ChangePath> as = addedByLocation.getOrDefault(byLocation.getKey(), List.of());
      if (rs.size() == 1 && as.size() == 1) {
        ChangePath r = rs.get(0);
        ChangePath a = as.get(0);
        out.add(
            new Finding(
                PARAMETER_RENAMED,
                a.change.field() + "/name",
                byLocation.getKey()
                    + " parameter "
                    + field(r.from(), "name")
                    + " of "
                    + params.endpoint()
                    + " renamed to "
                    + field(a.to(), "name"),
                false));
        consumed.add(r);
        consumed.add(a);
      }
    }
  }

  /** The parameters not yet paired, by location; a removed one's location is its old one. */
  private static Map<Object, List<ChangePath>> byLocation(
      List<ChangePath> params, Set<ChangePath> consumed, boolean removed) {
    Map<Object, List<ChangePath>> out = new LinkedHashMap<>();
    for (ChangePath p : params) {
      if (!consumed.contains(p)) {
        Object location = field(removed ? p.from() : p.to(), "location");
        out.computeIfAbsent(location, k -> new ArrayList<>()).add(p);
      }
    }
    return out;
  }
}
