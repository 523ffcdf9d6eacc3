package io.apistage.problem;

import java.util.List;

/**
 * The rule tables of the documentation, generated from {@link RuleId}: {@code docs/validate.md}
 * holds the validate family's, {@code docs/versions.md} the versions family's, and a test keeps
 * each page equal to its table.
 *
 * @since 0.1.0
 */
public final class RuleTable {

  private RuleTable() {}

  /**
   * A family's rules as a Markdown table: for versions {@code rule | area | level | example}, for
   * every other family {@code rule | severity | what it checks | example message}.
   */
  public static String markdown(RuleId.Family family) {
    List<RuleId> rules = RuleId.of(family);
    StringBuilder out = new StringBuilder();
    if (family == RuleId.Family.VERSIONS) {
      out.append("| rule | area | level | example |\n|---|---|---|---|\n");
      for (RuleId r : rules) {
        row(out, "`" + r.id() + "`", r.area(), r.level(), r.example());
      }
    } else {
      out.append("| rule | severity | what it checks | example message |\n|---|---|---|---|\n");
      for (RuleId r : rules) {
        row(out, "`" + r.id() + "`", r.level(), r.details(), "`" + r.example() + "`");
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }
}
