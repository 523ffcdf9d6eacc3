package io.apistage.bench;

import io.apistage.openapi.OpenApiExpander;
import io.apistage.openapi.OpenApiFiles;
import io.apistage.problem.Bump;
import io.apistage.versions.ApiComparator;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;

/**
 * apistage's OpenAPI classification side by side with openapi-diff-core 2.1.7, in one JVM, on the
 * same inputs: the 150 reference pairs of oasdiff and openapi-diff (when {@code
 * ../../shared/data/openapi-pairs} or {@code -Dapistage.bench.openapiPairs} holds them) and a
 * generated pair of 2,000 operations with one breaking change. Each side reads both documents from
 * text and decides whether the revision breaks. After warm-up runs of both, the timed repetitions
 * interleave the two sides (alternating which goes first) and the medians are compared; then fresh
 * JVMs, alternating sides, each time one classification of the large pair from a cold start
 * (docs/openapi.md).
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

  /** A pair of documents by their paths in {@code files}, and the reference verdict. */
  record Pair(String base, String revision, String expected) {}

  /** A set of pairs over one map of document texts by path. */
  record Workload(String name, List<Pair> pairs, Map<String, String> files) {}

  /** One side of the comparison: whether the revision of a pair breaks. */
  interface Side {
    boolean breaking(Workload w, Pair p) throws Exception;
  }

  static final Side APISTAGE = OpenApiBenchmark::apistage;
  static final Side OPENAPI_DIFF =
      (w, p) ->
          OpenApiCompare.fromContents(w.files().get(p.base()), w.files().get(p.revision()))
              .isIncompatible();

  static boolean apistage(Workload w, Pair p) throws IOException {
    YamlParser parser = new YamlParser();
    OpenApiFiles files =
        path ->
            Optional.ofNullable(w.files().get(path)).map(t -> t.getBytes(StandardCharsets.UTF_8));
    Object[] sides = new Object[2];
    String[] paths = {p.base(), p.revision()};
    for (int i = 0; i < 2; i++) {
      String api = "kind: Api\nname: pair\nversion: 1.0.0\nstate: draft\nopenapi: " + paths[i];
      YMap body = (YMap) parser.parse(api, "apis/pair/v1.yaml").root();
      OpenApiExpander.Expanded e = OpenApiExpander.expand("apis/pair/v1.yaml", body, files, parser);
      @SuppressWarnings("unchecked")
      Map<String, Object> plain = new TreeMap<>((Map<String, Object>) e.body().toPlain());
      plain.remove("openapi");
      sides[i] = plain;
    }
    return ApiComparator.compare(sides[0], sides[1]).requiredBump() == Bump.MAJOR;
  }

  static Workload synthetic() {
    Map<String, String> files =
        Map.of("base.yaml", document(1000, false), "rev.yaml", document(1000, true));
    return new Workload(
        "generated pair, 2,000 operations",
        List.of(new Pair("base.yaml", "rev.yaml", "breaking")),
        files);
  }

  /** The reference pairs, every document read once into memory; null when they are not here. */
  static Workload referencePairs(Path dir) throws IOException {
    Path tsv = dir.resolve("expected.tsv");
    if (!Files.isRegularFile(tsv)) {
      return null;
    }
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    List<Pair> pairs = new ArrayList<>();
    List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t", -1);
      pairs.add(new Pair(f[1], f[2], f[3]));
    }
    return new Workload(pairs.size() + " reference pairs", pairs, files);
  }

  /**
   * Each side's verdicts: the breaking pairs it finds and how many verdicts match the reference.
   */
  static String verdicts(Side side, Workload w) {
    int breaking = 0;
    int agree = 0;
    int failed = 0;
    for (Pair p : w.pairs()) {
      try {
        boolean b = side.breaking(w, p);
        breaking += b ? 1 : 0;
        agree += b == p.expected().equals("breaking") ? 1 : 0;
      } catch (Exception | StackOverflowError e) {
        failed++;
      }
    }
    return breaking
        + " breaking, "
        + agree
        + "/"
        + w.pairs().size()
        + " as the reference"
        + (failed == 0 ? "" : ", " + failed + " failed");
  }

  /** Milliseconds to classify every pair of the workload once. */
  static double once(Side side, Workload w) {
    long start = System.nanoTime();
    for (Pair p : w.pairs()) {
      try {
        side.breaking(w, p);
      } catch (Exception | StackOverflowError e) {
        // counted by verdicts(); the time spent still counts
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Warm-up runs of both sides, then {@code runs} interleaved repetitions; prints the medians. */
  static void sideBySide(Workload w, int warmups, int runs) {
    for (int i = 0; i < warmups; i++) {
      once(APISTAGE, w);
      once(OPENAPI_DIFF, w);
    }
    List<Double> a = new ArrayList<>();
    List<Double> o = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      if (r % 2 == 0) {
        a.add(once(APISTAGE, w));
        o.add(once(OPENAPI_DIFF, w));
      } else {
        o.add(once(OPENAPI_DIFF, w));
        a.add(once(APISTAGE, w));
      }
    }
    double ma = median(a);
    double mo = median(o);
    System.out.printf(
        "  %s, warm, median of %d interleaved: apistage %.1f ms, openapi-diff %.1f ms,"
            + " ratio %.2f (openapi-diff / apistage; above 1: apistage faster)%n",
        w.name(), runs, ma, mo, mo / ma);
  }

  /**
   * Fresh JVMs, alternating sides: each classifies the large pair once; the time from the child's
   * start of work to the verdict (classes loading included) and the child process's wall time.
   */
  static void fresh(int runs) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Double> aWork = new ArrayList<>();
    List<Double> oWork = new ArrayList<>();
    List<Double> aWall = new ArrayList<>();
    List<Double> oWall = new ArrayList<>();
    for (int r = 0; r < 2 * runs; r++) {
      boolean apistageTurn = r % 2 == 0;
      long start = System.nanoTime();
      Process child =
          new ProcessBuilder(
                  java,
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  OpenApiBenchmark.class.getName(),
                  apistageTurn ? "apistage" : "openapi-diff")
              .redirectErrorStream(true)
              .start();
      List<String> lines;
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        lines = in.lines().toList();
      }
      int exit = child.waitFor();
      String out = lines.stream().filter(l -> l.startsWith("fresh ")).findFirst().orElse("");
      if (exit != 0 || out.isEmpty()) {
        throw new IllegalStateException(
            "the fresh JVM exited with " + exit + ": " + String.join("\n", lines));
      }
      double wall = (System.nanoTime() - start) / 1e6;
      double work = Double.parseDouble(out.substring("fresh ".length()));
      (apistageTurn ? aWork : oWork).add(work);
      (apistageTurn ? aWall : oWall).add(wall);
    }
    System.out.printf(
        "  generated pair, fresh JVM, median of %d each (alternating): apistage %.0f ms,"
            + " openapi-diff %.0f ms, ratio %.2f; process wall %.0f ms vs %.0f ms, ratio %.2f%n",
        runs,
        median(aWork),
        median(oWork),
        median(oWork) / median(aWork),
        median(aWall),
        median(oWall),
        median(oWall) / median(aWall));
  }

  /**
   * Runs the benchmark; {@code -Dapistage.bench.runs} interleaved repetitions and {@code
   * -Dapistage.bench.warmups} warm-ups per side. With an argument {@code apistage} or {@code
   * openapi-diff}, classifies the generated pair once and prints the time: a fresh JVM's run.
   */
  public static void main(String[] args) throws Exception {
    Workload big = synthetic();
    if (args.length == 1) {
      Side side = args[0].equals("apistage") ? APISTAGE : OPENAPI_DIFF;
      long start = System.nanoTime();
      if (!side.breaking(big, big.pairs().get(0))) {
        throw new IllegalStateException("the change was not found breaking");
      }
      System.out.printf("fresh %.1f%n", (System.nanoTime() - start) / 1e6);
      return;
    }
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    int warmups = Integer.getInteger("apistage.bench.warmups", 2);
    Path dir =
        Path.of(
            System.getProperty(
                "apistage.bench.openapiPairs",
                Path.of("..", "..", "shared", "data", "openapi-pairs").toString()));
    Workload reference = referencePairs(dir);
    // -Dapistage.bench.openapiParts=warm or =fresh runs one part only
    String parts = System.getProperty("apistage.bench.openapiParts", "warm,fresh");
    System.out.printf(
        "OpenApiBenchmark: apistage and openapi-diff-core 2.1.7 side by side; generated pair"
            + " %,d + %,d bytes%n",
        big.files().get("base.yaml").length(), big.files().get("rev.yaml").length());
    if (parts.contains("warm")) {
      System.out.println(
          "  generated pair: apistage "
              + verdicts(APISTAGE, big)
              + "; openapi-diff "
              + verdicts(OPENAPI_DIFF, big));
      if (reference == null) {
        System.out.println("  reference pairs not at " + dir + ": only the generated pair runs");
      } else {
        System.out.println(
            "  "
                + reference.name()
                + ": apistage "
                + verdicts(APISTAGE, reference)
                + "; openapi-diff "
                + verdicts(OPENAPI_DIFF, reference));
        sideBySide(reference, warmups, runs);
      }
      sideBySide(big, warmups, runs);
    }
    if (parts.contains("fresh")) {
      fresh(Integer.getInteger("apistage.bench.freshRuns", 3));
    }
  }
}
