package io.apistage.versions;

import static io.apistage.problem.RuleId.METADATA_CHANGED;
import static io.apistage.problem.RuleId.RESPONSE_DEFAULT_CHANGED;
import static io.apistage.versions.PlainValues.field;
import static io.apistage.versions.PlainValues.listContains;
import static io.apistage.versions.PlainValues.strings;

import io.apistage.model.Change;
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
    if (loc.type() != Change.Type.CHANGED && isHidden(loc.latestValueAt(n))) {
      return loc.finding(
          METADATA_CHANGED,
          direction.hiddenBy()
              + " property "
              + property
              + " of "
              + owner
              + " "
              + loc.howChanged()
              + ": not part of this message");
    }
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
    String how = last + " of " + in + " " + loc.howChanged();
    if (n >= start + 2 && last.equals("*") && isAlternatives(loc.key(n - 2))) {
      out.add(alternative(in));
      return;
    }
    switch (last) {
      case "type" -> {
        Boolean widened = Constraints.numberWidened(loc.from(), loc.to());
        out.add(
            loc.finding(
                widened == null
                    ? direction.typeChanged()
                    : direction.constraintChanged(last, !widened),
                how));
      }
      case "format", "$ref", "items" -> out.add(loc.finding(direction.typeChanged(), how));
      case "required" -> requiredList(where, out);
      case "enum" -> Constraints.classifyEnum(loc, in, direction.enumRules(), out);
      case "readOnly", "writeOnly" -> out.add(visibility(last, in));
      case "deprecated" -> out.add(loc.finding(METADATA_CHANGED, how));
      case "default" ->
          out.add(
              direction == Direction.RESPONSE
                  ? loc.finding(RESPONSE_DEFAULT_CHANGED, how)
                  : loc.unclassified());
      default -> {
        if (!Constraints.isConstraint(last)) {
          out.add(loc.unclassified());
        } else if (!Constraints.isNoChange(last, loc.from(), loc.to())) {
          boolean tightened = Constraints.isTightened(last, loc.from(), loc.to());
          out.add(loc.finding(direction.constraintChanged(last, tightened), how));
        }
      }
    }
  }

  private static boolean isAlternatives(String key) {
    return key.equals("anyOf") || key.equals("oneOf");
  }

  /**
   * An alternative of {@code anyOf} or {@code oneOf} added or removed: in a request, one more
   * accepted shape relaxes and one fewer tightens; in a response, a new shape may surprise the
   * consumer and a shape fewer narrows.
   */
  private Finding alternative(String in) {
    String keyword = loc.key(loc.size() - 2);
    return switch (loc.type()) {
      case ADDED ->
          loc.finding(
              direction.constraintChanged(keyword, false),
              "alternative of " + keyword + " of " + in + " added");
      case REMOVED ->
          loc.finding(
              direction.constraintChanged(keyword, true),
              "alternative of " + keyword + " of " + in + " removed");
      case CHANGED -> loc.unclassified();
    };
  }

  /**
   * {@code readOnly} or {@code writeOnly} of a property changed: in the direction it hides the
   * property from ({@link Direction#hiddenBy()}), the property leaves or enters the message; in the
   * other it changes nothing on the wire.
   */
  private Finding visibility(String flag, String in) {
    String how = flag + " of " + in + " " + loc.howChanged();
    boolean hidesNow = Boolean.TRUE.equals(loc.to());
    int n = loc.size();
    boolean ofProperty = n - 2 >= start && loc.isPropertyName(n - 2);
    if (!flag.equals(direction.hiddenBy())
        || !ofProperty
        || hidesNow == Boolean.TRUE.equals(loc.from())) {
      return loc.finding(METADATA_CHANGED, how + ": no effect on this message");
    }
    if (hidesNow) {
      return loc.finding(direction.propertyRemoved(), how + ": the property leaves it");
    }
    if (direction == Direction.RESPONSE) {
      return loc.unclassified();
    }
    // the object holding the property is three keys up, above "properties"
    boolean required = listContains(field(loc.newValueAt(n - 3), "required"), loc.key(n - 2));
    return loc.finding(direction.propertyAdded(required), how + ": the property enters it");
  }

  /** Whether a property schema is left out of this direction's messages. */
  private boolean isHidden(Object propertySchema) {
    return Boolean.TRUE.equals(field(propertySchema, direction.hiddenBy()));
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
      if (isHidden(field(newProperties, name))) {
        continue; // not part of this direction's messages
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
      if (isHidden(field(newProperties, name))) {
        continue; // not part of this direction's messages
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
