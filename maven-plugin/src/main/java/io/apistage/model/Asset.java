package io.apistage.model;

import io.apistage.yaml.YMap;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One asset of the configuration: its kind, name, major (Apis only), file, id and document.
 *
 * @param kind the asset's kind
 * @param name the asset's name
 * @param major the major version line of an Api, 0 for other kinds
 * @param file path relative to the config root
 * @param id the declared {@code id}, else a name-based UUID of kind, name and major
 * @param body the whole document, with positions
 * @since 0.1.0
 */
public record Asset(Kind kind, String name, int major, String file, UUID id, YMap body) {

  public Asset {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(body, "body");
    if (id == null) {
      id = derivedId(kind, name, major);
    }
  }

  /** The key used in messages and reports: {@code api/orders@1}, {@code stage/qa}. */
  public String key() {
    return key(kind, name, major);
  }

  /** The key of an asset of a kind, name and (for an Api) major. */
  public static String key(Kind kind, String name, int major) {
    return kind == Kind.API ? kind.id() + "/" + name + "@" + major : kind.id() + "/" + name;
  }

  /** The id an asset gets when its document declares none. */
  public static UUID derivedId(Kind kind, String name, int major) {
    String seed = "apistage:" + key(kind, name, major);
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** The text of a top-level scalar field, or null. */
  public String str(String field) {
    return body.str(field);
  }

  /** The asset's team, or null. */
  public String team() {
    return body.str("team");
  }
}
