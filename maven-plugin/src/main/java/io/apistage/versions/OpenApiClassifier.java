package io.apistage.versions;

import static io.apistage.problem.RuleId.*;
import static io.apistage.versions.PlainValues.strings;

import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a change of the parts only an OpenAPI document gives an endpoint breaks: the media
 * types of a request body or a response ({@code content}, each with its schema) and the security
 * requirements of an operation (docs/openapi.md).
 *
 * @since 0.2.0
 */
final class OpenApiClassifier {

  private OpenApiClassifier() {}

  /**
   * A change under {@code content} at key {@code at} (of a request body or a response).
   *
   * @param label what the content belongs to, e.g. {@code request body of POST /orders}
   */
  static void content(
      ChangePath loc, int at, Direction direction, String label, List<Finding> out) {
    int n = loc.size();
    boolean request = direction == Direction.REQUEST;
    RuleId added = request ? REQUEST_MEDIA_TYPE_ADDED : RESPONSE_MEDIA_TYPE_ADDED;
    RuleId removed = request ? REQUEST_MEDIA_TYPE_REMOVED : RESPONSE_MEDIA_TYPE_REMOVED;
    if (n == at + 1 && loc.type() != io.apistage.model.Change.Type.CHANGED) {
      boolean add = loc.type() == io.apistage.model.Change.Type.ADDED;
      Object value = add ? loc.to() : loc.from();
      if (value instanceof Map<?, ?> types) {
        for (Object type : types.keySet()) {
          out.add(
              new Finding(
                  add ? added : removed,
                  JsonPointer.child(loc.change.field(), String.valueOf(type)),
                  "media type " + type + " of " + label + (add ? " added" : " removed"),
                  !add));
        }
        return;
      }
    }
    if (n == at + 2) {
      String type = loc.key(at + 1);
      switch (loc.type()) {
        case ADDED -> out.add(loc.finding(added, "media type " + type + " of " + label + " added"));
        case REMOVED ->
            out.add(loc.finding(removed, "media type " + type + " of " + label + " removed"));
        case CHANGED -> out.add(loc.unclassified());
      }
      return;
    }
    if (n > at + 2 && loc.key(at + 2).equals("schema")) {
      String owner = label + " (" + loc.key(at + 1) + ")";
      new SchemaClassifier(loc, at + 3, direction, owner).classify(out);
      return;
    }
    out.add(loc.unclassified());
  }

  /** A change under an endpoint's {@code security}. */
  static void security(ChangePath loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    if (n == 3) {
      out.add(
          switch (loc.type()) {
            case ADDED ->
                loc.finding(
                    SECURITY_REQUIREMENT_ADDED,
                    "security of " + endpoint + " added: callers now need credentials");
            case REMOVED ->
                loc.finding(SECURITY_REQUIREMENT_REMOVED, "security of " + endpoint + " removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    String requirement = loc.key(3);
    if (n == 4) {
      out.add(
          switch (loc.type()) {
            case ADDED ->
                loc.finding(
                    SECURITY_REQUIREMENT_REMOVED,
                    "another way to authenticate (" + requirement + ") added to " + endpoint);
            case REMOVED ->
                covered(loc.from(), loc.newValueAt(3)) != null
                    ? loc.finding(
                        SECURITY_REQUIREMENT_REMOVED,
                        "way to authenticate "
                            + requirement
                            + " of "
                            + endpoint
                            + " loosened to "
                            + covered(loc.from(), loc.newValueAt(3))
                            + ": its callers still pass")
                    : loc.finding(
                        SECURITY_ALTERNATIVE_REMOVED,
                        "way to authenticate "
                            + requirement
                            + " removed from "
                            + endpoint
                            + ": its callers must switch");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    if (!loc.key(4).equals("scopes")) {
      out.add(loc.unclassified());
      return;
    }
    scopes(loc, endpoint, requirement, out);
  }

  /** A change to the scopes of one security requirement of an endpoint. */
  private static void scopes(
      ChangePath loc, String endpoint, String requirement, List<Finding> out) {
    int n = loc.size();
    Set<String> before = n == 5 ? strings(loc.from()) : Set.of();
    Set<String> after = n == 5 ? strings(loc.to()) : Set.of();
    if (n == 6) {
      before = loc.from() == null ? Set.of() : Set.of(String.valueOf(loc.from()));
      after = loc.to() == null ? Set.of() : Set.of(String.valueOf(loc.to()));
    }
    Set<String> gained = new TreeSet<>(after);
    gained.removeAll(before);
    Set<String> lost = new TreeSet<>(before);
    lost.removeAll(after);
    String of = " of security " + requirement + " on " + endpoint;
    if (!gained.isEmpty()) {
      out.add(loc.finding(SECURITY_SCOPE_ADDED, "scopes " + gained + " added to those" + of));
    }
    if (!lost.isEmpty()) {
      out.add(loc.finding(SECURITY_SCOPE_REMOVED, "scopes " + lost + " removed from those" + of));
    }
  }

  /**
   * The name of a new alternative that every caller of {@code removed} still passes: one whose
   * schemes and scopes are a subset of the removed one's (credentials it no longer asks for are
   * ignored); null when there is none.
   */
  static String covered(Object removed, Object newSecurity) {
    if (!(newSecurity instanceof Map<?, ?> alternatives)) {
      return null;
    }
    Set<String> schemes = strings(PlainValues.field(removed, "schemes"));
    Set<String> scopes = strings(PlainValues.field(removed, "scopes"));
    for (Map.Entry<?, ?> e : alternatives.entrySet()) {
      Set<String> kept = strings(PlainValues.field(e.getValue(), "schemes"));
      if (schemes.containsAll(kept)
          && scopes.containsAll(strings(PlainValues.field(e.getValue(), "scopes")))
          && sameDefinitions(kept, removed, e.getValue())) {
        return String.valueOf(e.getKey());
      }
    }
    return null;
  }

  private static boolean sameDefinitions(Set<String> schemes, Object before, Object after) {
    Object a = PlainValues.field(before, "definitions");
    Object b = PlainValues.field(after, "definitions");
    return schemes.stream()
        .allMatch(s -> Objects.equals(PlainValues.field(a, s), PlainValues.field(b, s)));
  }
}
