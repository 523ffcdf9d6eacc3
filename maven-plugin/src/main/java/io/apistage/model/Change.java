package io.apistage.model;

/**
 * One field-level difference between two versions of a document.
 *
 * @param type added, removed or changed
 * @param field JSON pointer in the new document (in the old one for a removal)
 * @param path readable path that names list items by their identity, e.g. {@code endpoints[GET
 *     /orders/{id}].parameters[query:expand].required}
 * @param from the old value (plain form), null when added
 * @param to the new value (plain form), null when removed
 * @since 0.1.0
 */
public record Change(Type type, String field, String path, Object from, Object to) {

  /** The kind of difference. */
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }
}
