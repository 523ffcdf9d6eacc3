package io.apistage.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.problem.Bump;
import io.apistage.problem.Problem;
import io.apistage.versions.ApiComparator;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the verdicts of oasdiff and openapi-diff on their own test pairs (read in place
 * when the reference data is next to the repository; skipped otherwise): apistage must never call a
 * breaking pair compatible. Agreement per source is printed and written up in docs/versions.md.
 */
class OpenApiPairsConformanceTest {

  static final Path PAIRS = Path.of("..", "..", "shared", "data", "openapi-pairs");

  /**
   * The breaking pairs apistage rates minor on purpose, each with its reason (docs/versions.md);
   * any other breaking pair rated compatible fails the test.
   */
  static final Map<String, String> RATED_MINOR_ON_PURPOSE =
      Map.of(
          "openapi-diff/bc_response_apiresponse_decreased.yaml",
          "a non-success status removed: response-removed, minor (oasdiff: INFO)",
          "openapi-diff/bc_response_enum_increased.yaml",
          "a response enum value added: response-enum-value-added, minor (oasdiff: WARN)",
          "openapi-diff/bc_response_minlength_increased.yaml",
          "a response narrowed: response-constraint-changed, minor (openapi-diff: off by default)");

  /** One row of expected.tsv and apistage's verdict on it. */
  record Outcome(String source, String base, String revision, String expected, String actual) {}

  static String verdict(Path dir, String base, String revision) throws IOException {
    YamlParser parser = new YamlParser();
    OpenApiFiles files = OpenApiFiles.onDisk(dir);
    List<Problem> problems = new ArrayList<>();
    Object[] sides = new Object[2];
    String[] paths = {base, revision};
    for (int i = 0; i < 2; i++) {
      String api = "kind: Api\nname: pair\nversion: 1.0.0\nstate: published\nopenapi: " + paths[i];
      YMap body = (YMap) parser.parse(api, "apis/pair/v1.yaml").root();
      OpenApiExpander.Expanded e = OpenApiExpander.expand("apis/pair/v1.yaml", body, files, parser);
      problems.addAll(e.problems().stream().filter(Problem::isError).toList());
      Map<String, Object> plain = new TreeMap<>(castMap(e.body().toPlain()));
      plain.remove("openapi");
      sides[i] = plain;
    }
    if (!problems.isEmpty()) {
      return "unreadable: " + problems.get(0).format();
    }
    ApiComparator.Comparison cmp = ApiComparator.compare(sides[0], sides[1]);
    Bump bump = cmp.requiredBump();
    if (bump == Bump.MAJOR) {
      return "breaking";
    }
    return cmp.changes().isEmpty() ? "unchanged" : "compatible";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  static List<Outcome> run() throws IOException {
    List<Outcome> out = new ArrayList<>();
    List<String> rows = Files.readAllLines(PAIRS.resolve("expected.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t", -1);
      out.add(new Outcome(f[0], f[1], f[2], f[3], verdict(PAIRS, f[1], f[2])));
    }
    return out;
  }

  @Test
  void noBreakingPairIsCalledCompatible() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(PAIRS.resolve("expected.tsv")), "reference pairs not present");
    List<Outcome> outcomes = run();
    assertThat(outcomes).hasSize(150);
    Map<String, int[]> agreement = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (Outcome o : outcomes) {
      int[] counts = agreement.computeIfAbsent(o.source(), s -> new int[2]);
      boolean agrees =
          o.actual().equals(o.expected())
              || (o.expected().equals("unchanged") && o.actual().equals("unchanged"));
      counts[agrees ? 0 : 1]++;
      if (!agrees) {
        System.out.println(
            "disagree "
                + o.source()
                + " "
                + o.base()
                + " -> "
                + o.revision()
                + ": expected "
                + o.expected()
                + ", apistage "
                + o.actual());
      }
      if (o.expected().equals("breaking")
          && !o.actual().equals("breaking")
          && !RATED_MINOR_ON_PURPOSE.containsKey(o.revision())) {
        missed.add(o.base() + " -> " + o.revision() + ": " + o.actual());
      }
    }
    agreement.forEach(
        (source, c) ->
            System.out.println("agreement " + source + ": " + c[0] + "/" + (c[0] + c[1])));
    assertThat(missed).as("breaking pairs apistage calls compatible").isEmpty();
    assertThat(agreement.get("oasdiff/oasdiff")).containsExactly(53, 13);
    assertThat(agreement.get("OpenAPITools/openapi-diff")).containsExactly(70, 14);
  }
}
