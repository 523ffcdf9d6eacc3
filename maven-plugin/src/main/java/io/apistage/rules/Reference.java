package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.yaml.YNode;

/**
 * One reference from an asset to another asset, at the node that names it.
 *
 * @param from the referring asset
 * @param pointer JSON pointer of the naming node in the referring document
 * @param node the naming node (a scalar, or a mapping key's value for alias stage keys)
 * @param target the asset referred to
 * @param required whether the target is a required dependency that always travels along
 * @since 0.1.0
 */
public record Reference(Asset from, String pointer, YNode node, Target target, boolean required) {

  /**
   * The asset a reference names.
   *
   * @param kind the kind referred to
   * @param name the name referred to
   * @param major the major of an Api, or -1 when any major will do (a promotion selector without
   *     one), 0 for the kinds without majors
   */
  public record Target(Kind kind, String name, int major) {}

  /** The kind referred to. */
  public Kind kind() {
    return target.kind();
  }

  /** The name referred to. */
  public String name() {
    return target.name();
  }

  /** The major of an Api, or -1 when any major will do. */
  public int major() {
    return target.major();
  }

  /** The key of the asset referred to; for an Api with any major, {@code api/<name>@*}. */
  public String targetKey() {
    return major() < 0 ? kind().id() + "/" + name() + "@*" : Asset.key(kind(), name(), major());
  }

  /** How the target is named in messages: {@code policy 'cors'}, {@code api 'orders@1'}. */
  public String describe() {
    if (kind() == Kind.API) {
      return "api '" + name() + (major() < 0 ? "" : "@" + major()) + "'";
    }
    return kind().id() + " '" + name() + "'";
  }

  /** Where the target would be: {@code policies/cors.yaml}, {@code apis/orders/v<MAJOR>.yaml}. */
  public String expectedFile() {
    if (kind() == Kind.API && major() < 0) {
      return kind().folder() + "/" + name() + "/v<MAJOR>.yaml";
    }
    return RuleSupport.expectedFile(kind(), name(), major());
  }
}
