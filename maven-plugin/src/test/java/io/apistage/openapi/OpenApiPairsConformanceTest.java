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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the verdicts of oasdiff and openapi-diff on their own test pairs (read in place
 * when the reference data is next to the repository; skipped otherwise): apistage must never call a
 * breaking pair compatible, and every compatible pair it calls breaking is listed here with its
 * reason. Agreement per source is printed and written up in docs/versions.md.
 */
class OpenApiPairsConformanceTest {

  static final Path PAIRS = Path.of("..", "..", "shared", "data", "openapi-pairs");

  /**
   * The compatible pairs apistage calls breaking on purpose, by {@code base -> revision}, each with
   * its reason (the same list, worded for users, is in docs/versions.md). A disagreement not listed
   * here fails the test, and so does a listed pair that no longer disagrees.
   */
  static final Map<String, String> STRICTER_ON_PURPOSE = stricter();

  /** Pairs where the two sides differ in kind only: apistage sees no change at all. */
  static final Map<String, String> UNCHANGED_TO_APISTAGE =
      Map.of(
          "oasdiff/checker/component_security_updated_base.yaml -> "
              + "oasdiff/checker/component_security_updated_revision.yaml",
          "a security scheme no operation uses changed: apistage compares what operations use");

  private static Map<String, String> stricter() {
    Map<String, String> m = new LinkedHashMap<>();
    String relaxed =
        "response-constraint-relaxed: a response pattern dropped or widened; a client validating"
            + " responses with the old pattern rejects the new values (oasdiff rates widened response"
            + " bounds ERR, but not patterns)";
    m.put("oasdiff/pattern-base.yaml -> oasdiff/pattern-revision.yaml", relaxed);
    m.put("oasdiff/pattern-base.yaml -> oasdiff/pattern-modified.yaml", relaxed);
    m.put(
        "oasdiff/checker/add_new_media_type_revision.yaml -> "
            + "oasdiff/checker/add_new_media_type_name_modified.yaml",
        "response-media-type-removed: application/json renamed to application/problem+json; a"
            + " client accepting only application/json gets nothing it reads (doubtful upstream)");
    String credentials =
        "security-requirement-added: an open operation now needs credentials, so callers without"
            + " them are refused (oasdiff rates every security change INFO; doubtful upstream)";
    m.put(
        "oasdiff/checker/api_security_global_added_base.yaml -> "
            + "oasdiff/checker/api_security_global_added_revision.yaml",
        credentials);
    m.put(
        "oasdiff/checker/api_security_added_base.yaml -> "
            + "oasdiff/checker/api_security_added_revision.yaml",
        credentials);
    m.put(
        "oasdiff/checker/api_security_updated_revision.yaml -> "
            + "oasdiff/checker/api_security_updated_base.yaml",
        "security-scope-added: tokens without the new scope read:pets are refused (openapi-diff"
            + " rates it breaking too; doubtful upstream)");
    m.put(
        "openapi-diff/bc_minlength_base.yaml -> "
            + "openapi-diff/bc_response_minlength_changed_but_compatible.yaml",
        "response-constraint-relaxed: the response may now hold shorter strings than a client"
            + " validating the old minLength accepts (oasdiff rates response min-length decreases"
            + " ERR; doubtful upstream)");
    String propertyRemoved =
        "request-property-removed: stuffUnbounded and stuffBounded leave the request schema; a"
            + " client still sending them may be refused (oasdiff: WARN), and response properties"
            + " are removed too (response-property-removed)";
    m.put(
        "openapi-diff/bc_schema_base.yaml -> openapi-diff/bc_schema_changed_but_compatible.yaml",
        propertyRemoved);
    m.put(
        "openapi-diff/bc_schema_base.yaml -> "
            + "openapi-diff/bc_request_schema_props_put_increased.yaml",
        propertyRemoved);
    return m;
  }

  /** One row of expected.tsv and apistage's verdict on it, with the breaking findings. */
  record Outcome(
      String source, String base, String revision, String expected, String actual, String why) {

    String pair() {
      return base + " -> " + revision;
    }

    boolean agrees() {
      return actual.equals(expected);
    }
  }

  static Outcome judge(Path dir, String[] row) throws IOException {
    YamlParser parser = new YamlParser();
    OpenApiFiles files = OpenApiFiles.onDisk(dir);
    List<Problem> problems = new ArrayList<>();
    Object[] sides = new Object[2];
    String[] paths = {row[1], row[2]};
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
      return new Outcome(row[0], row[1], row[2], row[3], "unreadable", problems.get(0).format());
    }
    ApiComparator.Comparison cmp = ApiComparator.compare(sides[0], sides[1]);
    String why =
        String.join(
            "; ",
            cmp.findings().stream()
                .filter(f -> f.bump() == Bump.MAJOR)
                .map(f -> "[" + f.rule().id() + "] " + f.message())
                .toList());
    String actual =
        cmp.requiredBump() == Bump.MAJOR
            ? "breaking"
            : cmp.changes().isEmpty() ? "unchanged" : "compatible";
    return new Outcome(row[0], row[1], row[2], row[3], actual, why);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  static List<Outcome> run() throws IOException {
    List<Outcome> out = new ArrayList<>();
    List<String> rows = Files.readAllLines(PAIRS.resolve("expected.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      out.add(judge(PAIRS, row.split("\t", -1)));
    }
    return out;
  }

  @Test
  void noBreakingPairIsCalledCompatibleAndEveryStricterVerdictHasItsReason() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(PAIRS.resolve("expected.tsv")), "reference pairs not present");
    List<Outcome> outcomes = run();
    assertThat(outcomes).hasSize(150);
    Map<String, int[]> agreement = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    List<String> explainedButAgreeing = new ArrayList<>();
    for (Outcome o : outcomes) {
      agreement.computeIfAbsent(o.source(), s -> new int[2])[o.agrees() ? 0 : 1]++;
      boolean listed =
          STRICTER_ON_PURPOSE.containsKey(o.pair()) || UNCHANGED_TO_APISTAGE.containsKey(o.pair());
      if (o.agrees()) {
        if (listed) {
          explainedButAgreeing.add(o.pair());
        }
        continue;
      }
      System.out.println(
          "disagree "
              + o.source()
              + " "
              + o.pair()
              + ": expected "
              + o.expected()
              + ", apistage "
              + o.actual()
              + " "
              + o.why());
      if (o.expected().equals("breaking")) {
        missed.add(o.pair() + ": " + o.actual() + " " + o.why());
      } else if (!listed) {
        unexplained.add(o.pair() + ": " + o.actual() + " " + o.why());
      }
    }
    agreement.forEach(
        (source, c) ->
            System.out.println("agreement " + source + ": " + c[0] + "/" + (c[0] + c[1])));
    assertThat(missed).as("breaking pairs apistage calls compatible").isEmpty();
    assertThat(unexplained).as("stricter verdicts without a reason").isEmpty();
    assertThat(explainedButAgreeing).as("reasons for pairs that now agree").isEmpty();
    assertThat(agreement.get("oasdiff/oasdiff")).containsExactly(59, 7);
    assertThat(agreement.get("OpenAPITools/openapi-diff")).containsExactly(81, 3);
  }
}
