package io.apistage.problem;

import java.util.EnumSet;
import java.util.Set;

/**
 * The data of one {@link RuleId} entry, and the factories its entries are written with. (A class
 * beside the enum, not records inside it: the plugin descriptor's source parser does not read them
 * there.)
 *
 * @since 0.1.0
 */
final class RuleEntry {

  /** The severities a rule's problems may have, the usual one first. */
  static final Set<Severity> ERROR_ONLY = EnumSet.of(Severity.ERROR);

  static final Set<Severity> WARNING_ONLY = EnumSet.of(Severity.WARNING);

  static final Set<Severity> ERROR_OR_WARNING = EnumSet.of(Severity.ERROR, Severity.WARNING);

  /** What a rule says about itself: a one-line description, what it checks, an example. */
  static final class Texts {
    final String description;
    final String details;
    final String example;

    Texts(String description, String details, String example) {
      this.description = description;
      this.details = details;
      this.example = example;
    }
  }

  static RuleEntry validate(
      String id, Set<Severity> severities, String description, String details, String example) {
    return new RuleEntry(
        id,
        RuleId.Family.VALIDATE,
        severities,
        Bump.NONE,
        "",
        new Texts(description, details, example));
  }

  static RuleEntry change(String id, String area, Bump bump, String example) {
    String description =
        "An API change ("
            + area
            + ") that needs a "
            + bump.label()
            + " version step, e.g. "
            + example.replace("`", "")
            + ".";
    return new RuleEntry(
        id,
        RuleId.Family.VERSIONS,
        ERROR_ONLY,
        bump,
        area,
        new Texts(description, description, example));
  }

  static RuleEntry lifecycle(String id, Severity severity, String example) {
    String description =
        "Version lifecycle rule (" + severity.label() + "), e.g. " + example.replace("`", "") + ".";
    return new RuleEntry(
        id,
        RuleId.Family.VERSIONS,
        EnumSet.of(severity),
        Bump.NONE,
        "lifecycle",
        new Texts(description, description, example));
  }

  static RuleEntry other(String id, RuleId.Family family, String description, String example) {
    return new RuleEntry(
        id, family, ERROR_ONLY, Bump.NONE, "", new Texts(description, description, example));
  }

  static RuleEntry warning(String id, RuleId.Family family, String description, String example) {
    return new RuleEntry(
        id, family, WARNING_ONLY, Bump.NONE, "", new Texts(description, description, example));
  }

  static RuleEntry goal(String id, String example) {
    return other(id, RuleId.Family.CHECK, "The check goal could not run " + id + ".", example);
  }

  final String id;
  final RuleId.Family family;
  final Set<Severity> severities;
  final Bump bump;
  final String area;
  final Texts texts;

  private RuleEntry(
      String id,
      RuleId.Family family,
      Set<Severity> severities,
      Bump bump,
      String area,
      Texts texts) {
    this.id = id;
    this.family = family;
    this.severities = severities;
    this.bump = bump;
    this.area = area;
    this.texts = texts;
  }
}
