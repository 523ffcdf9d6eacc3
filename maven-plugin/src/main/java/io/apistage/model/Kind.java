package io.apistage.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The asset kinds, each with its {@code kind:} value, its folder and the prefix of its key.
 *
 * @since 0.1.0
 */
public enum Kind {
  API("Api", "apis"),
  POLICY("Policy", "policies"),
  ALIAS("Alias", "aliases"),
  APPLICATION("Application", "applications"),
  PLAN("Plan", "plans"),
  PACKAGE("Package", "packages"),
  SUBSCRIPTION("Subscription", "subscriptions"),
  TEAM("Team", "teams"),
  STAGE("Stage", "stages"),
  PROMOTION("Promotion", "promotions");

  private final String label;
  private final String folder;

  Kind(String label, String folder) {
    this.label = label;
    this.folder = folder;
  }

  /** The value of {@code kind:} in a document, e.g. {@code Api}. */
  public String label() {
    return label;
  }

  /** The folder under the config root, e.g. {@code apis}. */
  public String folder() {
    return folder;
  }

  /** The key prefix and selector word, e.g. {@code api}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name of the JSON Schema resource of this kind. */
  public String schemaResource() {
    return "io/apistage/schemas/" + id() + ".schema.json";
  }

  /** The kind whose {@code kind:} value is {@code label}. */
  public static Optional<Kind> byLabel(String label) {
    for (Kind kind : values()) {
      if (kind.label.equals(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind whose folder is {@code folder}. */
  public static Optional<Kind> byFolder(String folder) {
    for (Kind kind : values()) {
      if (kind.folder.equals(folder)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind whose lower-case id ({@code api}, {@code application}, ...) is {@code id}. */
  public static Optional<Kind> byId(String id) {
    for (Kind kind : values()) {
      if (kind.id().equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
