package io.apistage.versions;

import static io.apistage.versions.PlainValues.field;
import static io.apistage.versions.PlainValues.listContains;
import static io.apistage.versions.PlainValues.strings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a change inside a schema (of a parameter, a request body or a response) breaks: the
 * schema itself, a property added or removed, a property made required or optional, a type, an enum
 * or a constraint. The {@link Direction} of the schema names the rule.
 *
 * @since 0.1.0
 */
final class SchemaClassifier {

  private final ChangePath loc;
  private final int start;
  private final Direction direction;
  private final String owner;

  /**
   * The classifier of one change inside a schema.
   *
   * @param loc the change
   * @param start the number of keys before the schema's own keys
   * @param direction whether consumers write or read the schema
   * @param owner what the schema belongs to, e.g. {@code request body of POST /orders}
   */
  SchemaClassifier(ChangePath loc, int start, Direction direction, String owner) {
    this.loc = loc;
    this.start = start;
    this.direction = direction;
    this.owner = owner;
  }

  /** Adds the findings of the change to {@code out}. */
  void classify(List<Finding> out) {
    int n = loc.size();
    if (n == start) {
      out.add(wholeSchema());
    } else if (loc.isPropertyName(n - 1)) {
      out.add(property());
    } else {
      keyword(out);
    }
  }

  private Finding wholeSchema() {
    return switch (loc.type()) {
      case ADDED -> loc.finding(direction.schemaAdded(), "schema of " + owner + " added");
      case REMOVED -> loc.finding(direction.schemaRemoved(), "schema of " + owner + " removed");
      case CHANGED ->
          loc.finding(direction.typeChanged(), "schema of " + owner + " " + loc.howChanged());
    };
  }

  /** A property added, removed or replaced as a whole. */
  private Finding property() {
    int n = loc.size();
    String property = propertyLabel(n);
    return switch (loc.type()) {
      case ADDED -> {
        // the object holding the property is two keys up, above "properties"
        boolean required = listContains(field(loc.newValueAt(n - 2), "required"), loc.lastKey());
        String which = !direction.namesRequiredness() ? "" : required ? "required " : "optional ";
        yield loc.finding(
            direction.propertyAdded(required),
            which + "property " + property + " added to " + owner);
      }
      case REMOVED ->
          loc.finding(
              direction.propertyRemoved(), "property " + property + " removed from " + owner);
      case CHANGED ->
          loc.finding(
              direction.typeChanged(),
              "property " + property + " of " + owner + " " + loc.howChanged());
    };
  }

  /** A keyword of the schema or of one of its properties. */
  private void keyword(List<Finding> out) {
    int n = loc.size();
    String last = loc.lastKey();
    String where = propertyLabel(n - 1);
    String in = where.isEmpty() ? owner : "property " + where + " of " + owner;
    switch (last) {
      case "type", "format", "$ref", "items" ->
          out.add(
              loc.finding(direction.typeChanged(), last + " of " + in + " " + loc.howChanged()));
      case "required" -> requiredList(where, out);
      case "enum" -> Constraints.classifyEnum(loc, in, direction.enumRules(), out);
      default -> {
        if (Constraints.isConstraint(last)) {
          boolean tightened = Constraints.isTightened(last, loc.from(), loc.to());
          out.add(
              loc.finding(
                  direction.constraintChanged(tightened),
                  last + " of " + in + " " + loc.howChanged()));
        } else {
          out.add(loc.unclassified());
        }
      }
    }
  }

  /** The {@code required} list of an object: the properties that kept their place but changed. */
  private void requiredList(String where, List<Finding> out) {
    int n = loc.size();
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    Object oldProperties = field(loc.oldValueAt(n - 1), "properties");
    Object newProperties = field(loc.newValueAt(n - 1), "properties");
    String prefix = where.isEmpty() ? "" : where + ".";
    for (String name : after) {
      if (before.contains(name) || !(oldProperties instanceof Map<?, ?> m && m.containsKey(name))) {
        continue; // a new property: judged where it is added
      }
      out.add(
          loc.finding(
              direction.propertyMadeRequired(),
              "property " + prefix + name + " of " + owner + " made required"));
    }
    for (String name : before) {
      if (after.contains(name) || !(newProperties instanceof Map<?, ?> m && m.containsKey(name))) {
        continue; // a removed property: judged where it is removed
      }
      out.add(
          loc.finding(
              direction.propertyMadeOptional(),
              "property " + prefix + name + " of " + owner + " made optional"));
    }
  }

  /** The dotted property names between the schema and key {@code end}, {@code []} for items. */
  private String propertyLabel(int end) {
    StringBuilder out = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (loc.isPropertyName(i)) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(loc.key(i));
      } else if (loc.key(i).equals("items")) {
        out.append("[]");
      }
    }
    return out.toString();
  }
}
