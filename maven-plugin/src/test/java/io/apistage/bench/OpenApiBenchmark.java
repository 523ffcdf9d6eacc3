package io.apistage.bench;

import io.apistage.openapi.OpenApiExpander;
import io.apistage.openapi.OpenApiFiles;
import io.apistage.problem.Bump;
import io.apistage.versions.ApiComparator;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * apistage's OpenAPI comparison against openapi-diff-core 2.1.7 on the same pair of generated
 * documents of about 2,000 operations (1,000 paths, GET and POST each, schemas by $ref), one with a
 * breaking change: the first run in this JVM (classes loading, as in a fresh JVM) and the median of
 * warm runs, each side reading both documents from text and deciding whether the change breaks.
 */
public final class OpenApiBenchmark {

  private OpenApiBenchmark() {}

  /** A document of {@code paths} paths; {@code breaking} drops an enum value from a request. */
  static String document(int paths, boolean breaking) {
    StringBuilder out = new StringBuilder("openapi: 3.0.3\ninfo: { title: Big, version: '1' }\n");
    out.append("paths:\n");
    for (int i = 0; i < paths; i++) {
      out.append("  /items")
          .append(i)
          .append("/{id}:\n")
          .append("    parameters:\n")
          .append("      - { name: id, in: path, required: true, schema: { type: string } }\n")
          .append("    get:\n      operationId: get")
          .append(i)
          .append('\n')
          .append("      parameters:\n")
          .append("        - { name: expand, in: query, schema: { type: string, enum: [a, b] } }\n")
          .append("      responses:\n        '200':\n          description: ok\n")
          .append("          content:\n            application/json:\n")
          .append("              schema: { $ref: '#/components/schemas/Item")
          .append(i)
          .append("' }\n")
          .append("        '404': { description: none }\n")
          .append("    post:\n      operationId: post")
          .append(i)
          .append('\n')
          .append("      requestBody:\n        required: true\n        content:\n")
          .append("          application/json:\n")
          .append("            schema: { $ref: '#/components/schemas/Item")
          .append(i)
          .append("' }\n")
          .append("      responses:\n        '201': { description: created }\n");
    }
    out.append("components:\n  schemas:\n");
    for (int i = 0; i < paths; i++) {
      String kinds = breaking && i == paths / 2 ? "[x, y]" : "[x, y, z]";
      out.append("    Item")
          .append(i)
          .append(":\n      type: object\n      required: [id]\n")
          .append("      properties:\n        id: { type: string, maxLength: 64 }\n")
          .append("        kind: { type: string, enum: ")
          .append(kinds)
          .append(" }\n")
          .append("        count: { type: integer, minimum: 0 }\n");
    }
    return out.toString();
  }

  static boolean apistage(String base, String revision) throws Exception {
    YamlParser parser = new YamlParser();
    Object[] sides = new Object[2];
    String[] texts = {base, revision};
    for (int i = 0; i < 2; i++) {
      String text = texts[i];
      OpenApiFiles files = path -> Optional.of(text.getBytes(StandardCharsets.UTF_8));
      YMap api =
          (YMap)
              parser
                  .parse(
                      "kind: Api\nname: big\nversion: 1.0.0\nstate: draft\nopenapi: big.yaml\n",
                      "a")
                  .root();
      OpenApiExpander.Expanded e = OpenApiExpander.expand("apis/big/v1.yaml", api, files, parser);
      if (!e.problems().isEmpty()) {
        throw new IllegalStateException(e.problems().get(0).format());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> plain = new TreeMap<>((Map<String, Object>) e.body().toPlain());
      sides[i] = plain;
    }
    return ApiComparator.compare(sides[0], sides[1]).requiredBump() == Bump.MAJOR;
  }

  static boolean openapiDiff(String base, String revision) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(base, revision);
    return diff.isIncompatible();
  }

  interface Side {
    boolean breaking(String base, String revision) throws Exception;
  }

  static double[] time(Side side, String base, String revision, int runs) throws Exception {
    long start = System.nanoTime();
    if (!side.breaking(base, revision)) {
      throw new IllegalStateException("the change was not found breaking");
    }
    double first = (System.nanoTime() - start) / 1e6;
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      side.breaking(base, revision);
      warm.add((System.nanoTime() - t) / 1e6);
    }
    warm.sort(Double::compare);
    return new double[] {first, warm.get(warm.size() / 2)};
  }

  /** Runs the benchmark; {@code -Dapistage.bench.runs} warm runs per side. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    String base = document(1000, false);
    String revision = document(1000, true);
    System.out.printf(
        "OpenApiBenchmark: 2,000 operations, %,d + %,d bytes%n", base.length(), revision.length());
    // the side that runs first also warms the JDK's shared classes for the other: both orders
    boolean diffFirst = Boolean.getBoolean("apistage.bench.openapiDiffFirst");
    double[] o = diffFirst ? time(OpenApiBenchmark::openapiDiff, base, revision, runs) : null;
    double[] a = time(OpenApiBenchmark::apistage, base, revision, runs);
    o = diffFirst ? o : time(OpenApiBenchmark::openapiDiff, base, revision, runs);
    System.out.println("  order: " + (diffFirst ? "openapi-diff first" : "apistage first"));
    System.out.printf(
        "  first run (fresh classes): apistage %.0f ms, openapi-diff %.0f ms, ratio %.2f%n",
        a[0], o[0], o[0] / a[0]);
    System.out.printf(
        "  warm median of %d: apistage %.1f ms, openapi-diff %.1f ms, ratio %.2f%n",
        runs, a[1], o[1], o[1] / a[1]);
  }
}
