package io.apistage.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The rule catalogue: one entry per id, each described, and the documentation tables it makes. */
class RuleIdTest {

  @Test
  void everyEntryHasItsOwnKebabCaseIdADescriptionAndAnExample() {
    for (RuleId r : RuleId.values()) {
      assertThat(RuleId.find(r.id())).as(r.name()).contains(r);
      assertThat(r.id()).as(r.name()).matches("[a-z]+(-[a-z]+)*");
      assertThat(r.description()).as(r.id()).isNotBlank().doesNotContain("\n");
      assertThat(r.details()).as(r.id()).isNotBlank().doesNotContain("\n");
      assertThat(r.example()).as(r.id()).isNotBlank().doesNotContain("\n");
      assertThat(r.severities()).as(r.id()).isNotEmpty().contains(r.severity());
    }
  }

  @Test
  void anIdGivenTwiceIsRefusedInsteadOfReplacingTheFirst() {
    assertThatThrownBy(
            () -> RuleId.index(List.of(RuleId.SCHEMA, RuleId.YAML, RuleId.SCHEMA), RuleId::id))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule id schema is given twice; every rule has an id of its own");
    assertThat(RuleId.index(List.of(RuleId.SCHEMA, RuleId.YAML), RuleId::id))
        .containsOnlyKeys("schema", "yaml");
  }

  @Test
  void anUnknownIdIsNotInTheCatalogue() {
    assertThat(RuleId.find("breaking-change")).isEmpty();
    assertThatThrownBy(() -> RuleId.of("breaking-change"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no rule breaking-change in the catalogue");
    assertThat(RuleId.of("stage-chain")).isEqualTo(RuleId.STAGE_CHAIN);
  }

  @Test
  void levelsAreTheBumpOfAChangeRuleElseTheSeverities() {
    assertThat(RuleId.ENDPOINT_REMOVED.level()).isEqualTo("major");
    assertThat(RuleId.ENDPOINT_REMOVED.bump()).isEqualTo(Bump.MAJOR);
    assertThat(RuleId.BUMP_LARGER_THAN_NEEDED.level()).isEqualTo("warning");
    assertThat(RuleId.LAYOUT.level()).isEqualTo("error / warning");
    assertThat(RuleId.LAYOUT.severity()).isEqualTo(Severity.ERROR);
    assertThat(RuleId.SCHEMA.bump()).isEqualTo(Bump.NONE);
    assertThat(RuleId.ENDPOINT_REMOVED.description())
        .isEqualTo(
            "An API change (endpoints) that needs a major version step, e.g. DELETE /orders/{id}"
                + " removed.");
  }

  @Test
  void aProblemOfAnEntryPrintsItsId() {
    Problem p = Problem.warning("a.yaml", new Position(2, 3), "/x", RuleId.LAYOUT, "ignored");
    assertThat(p.format()).isEqualTo("a.yaml:2:3: warning [layout] ignored");
    assertThat(p.is(RuleId.LAYOUT)).isTrue();
    assertThat(p.is(RuleId.SCHEMA)).isFalse();
  }

  @Test
  void validateDocumentsExactlyTheValidateRules() throws IOException {
    assertDocumented(Path.of("..", "docs", "validate.md"), RuleId.Family.VALIDATE);
  }

  @Test
  void versionsDocumentsExactlyTheVersionsRules() throws IOException {
    assertDocumented(Path.of("..", "docs", "versions.md"), RuleId.Family.VERSIONS);
  }

  @Test
  void aPageWithARowMissingOrExtraIsNotTheCatalogue() {
    String table = RuleTable.markdown(RuleId.Family.VALIDATE);
    String lastRow = table.substring(table.lastIndexOf("| `"));
    assertThat(documentedTable("# rules\n\n" + table + "\n", table)).isEqualTo(table);
    assertThat(documentedTable("# rules\n\n" + table.replace(lastRow, "") + "\n", table))
        .isNotEqualTo(table);
    assertThat(documentedTable("# rules\n\n" + table + "| `extra` | error | x | `y` |\n", table))
        .isNotEqualTo(table);
  }

  /** The page holds the family's table, row for row: no rule missing, none extra, none changed. */
  private static void assertDocumented(Path page, RuleId.Family family) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    String table = RuleTable.markdown(family);
    assertThat(documentedTable(text, table))
        .as(page + " must hold RuleTable.markdown(" + family + "); regenerate it")
        .isEqualTo(table);
  }

  /** The table of a page that starts with the header of {@code table}: its lines up to a gap. */
  private static String documentedTable(String page, String table) {
    String header = table.substring(0, table.indexOf('\n') + 1);
    int start = page.indexOf(header);
    assertThat(start).as("the page has a table with the header " + header).isNotNegative();
    assertThat(page.indexOf(header, start + 1)).as("the page has that table once").isNegative();
    List<String> lines = new ArrayList<>();
    for (String line : page.substring(start).split("\n", -1)) {
      if (!line.startsWith("|")) {
        break;
      }
      lines.add(line + "\n");
    }
    return String.join("", lines);
  }
}
