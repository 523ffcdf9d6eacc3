package io.apistage.versions;

import static io.apistage.problem.RuleId.UNCLASSIFIED_CHANGE;
import static io.apistage.versions.PlainValues.isScalar;
import static io.apistage.versions.PlainValues.show;

import io.apistage.model.Change;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import java.util.List;

/**
 * A change with the semantic path to it, as {@link ChangeLocator} finds it: for every token of the
 * pointer the key (list items as {@code "*"}), the item's identity, whether the key is a property
 * name, and the old and new value under it. The classifiers match its keys against the Api layout
 * and word their findings with it.
 *
 * @since 0.1.0
 */
final class ChangePath {

  final Change change;
  private final String[] tokens;
  private final String[] keys;
  private final String[] itemIds;
  private final boolean[] propertyNames;
  private final Object[] oldValues;
  private final Object[] newValues;

  /** The arrays hold one entry per pointer token; the value arrays one more, the document first. */
  ChangePath(Change change, String[] tokens, String[] keys, String[] itemIds, Values values) {
    this.change = change;
    this.tokens = tokens;
    this.keys = keys;
    this.itemIds = itemIds;
    this.propertyNames = values.propertyNames();
    this.oldValues = values.oldValues();
    this.newValues = values.newValues();
  }

  /**
   * The values along a path.
   *
   * @param propertyNames per token, whether it names a property of a schema
   * @param oldValues the old value after each number of tokens, the document first
   * @param newValues the new value after each number of tokens, the document first
   */
  record Values(boolean[] propertyNames, Object[] oldValues, Object[] newValues) {}

  int size() {
    return keys.length;
  }

  /** The key at {@code index}: a map key, or {@code "*"} for a list item. */
  String key(int index) {
    return keys[index];
  }

  String lastKey() {
    return keys[keys.length - 1];
  }

  /** The identity of the list item at {@code index}, e.g. {@code GET /orders}. */
  String itemId(int index) {
    return itemIds[index];
  }

  /** Whether the key at {@code index} is the name of a schema property, not a keyword. */
  boolean isPropertyName(int index) {
    return propertyNames[index];
  }

  Change.Type type() {
    return change.type();
  }

  /** The old value at the end of the path. */
  Object from() {
    return oldValues[keys.length];
  }

  /** The new value at the end of the path. */
  Object to() {
    return newValues[keys.length];
  }

  /** The old value after {@code n} tokens. */
  Object oldValueAt(int n) {
    return oldValues[n];
  }

  /** The new value after {@code n} tokens. */
  Object newValueAt(int n) {
    return newValues[n];
  }

  /** The value in the new document after {@code n} tokens, else in the old one. */
  Object latestValueAt(int n) {
    return newValues[n] != null ? newValues[n] : oldValues[n];
  }

  /** The JSON pointer of the first {@code n} tokens. */
  String pointer(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append('/').append(JsonPointer.escape(tokens[i]));
    }
    return out.toString();
  }

  /** Whether the keys are exactly {@code pattern}. */
  boolean matches(String... pattern) {
    return pattern.length == keys.length && startsWith(pattern);
  }

  boolean startsWith(String... pattern) {
    if (pattern.length > keys.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals(keys[i])) {
        return false;
      }
    }
    return true;
  }

  boolean isRemoval() {
    return change.type() == Change.Type.REMOVED;
  }

  /** A finding of {@code rule} at this change's field. */
  Finding finding(RuleId rule, String message) {
    return new Finding(rule, change.field(), message, isRemoval(), basePointer());
  }

  /**
   * The JSON pointer of the changed value in the old document: a list item's index there, found by
   * the item's old self; null for an added value.
   */
  String basePointer() {
    if (isRemoval()) {
      return change.field();
    }
    if (change.type() == Change.Type.ADDED) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (keys[i].equals("*")) {
        int index = indexOf(oldValues[i], oldValues[i + 1]);
        if (index < 0) {
          return null;
        }
        token = String.valueOf(index);
      }
      out.append('/').append(JsonPointer.escape(token));
    }
    return out.toString();
  }

  private static int indexOf(Object list, Object item) {
    if (list instanceof List<?> items && item != null) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) == item) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The finding for a change no rule knows: breaking, to be safe. */
  Finding unclassified() {
    return finding(
        UNCLASSIFIED_CHANGE,
        (change.path().isEmpty() ? "the document" : change.path())
            + " "
            + howChanged()
            + ": no rule knows this field, so the change counts as breaking");
  }

  /** {@code added (v)}, {@code removed (was v)} or {@code changed from a to b}. */
  String howChanged() {
    return switch (change.type()) {
      case ADDED -> "added" + (isScalar(to()) ? " (" + show(to()) + ")" : "");
      case REMOVED -> "removed" + (isScalar(from()) ? " (was " + show(from()) + ")" : "");
      case CHANGED -> "changed " + fromTo();
    };
  }

  /** {@code from a to b}. */
  String fromTo() {
    return "from " + show(from()) + " to " + show(to());
  }
}
