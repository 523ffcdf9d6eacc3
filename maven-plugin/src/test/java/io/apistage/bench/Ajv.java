package io.apistage.bench;

import io.apistage.model.Kind;
import io.apistage.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ajv-cli 5 over the same files against the same schemas, once per kind, as a schema-only tool
 * validates a repository: {@code npx -y -p ajv-cli@5 -p ajv-formats ajv validate --spec=draft2020
 * -c ajv-formats -r common.schema.json -s <kind>.schema.json -d "<folder>/*.yaml"}. The first,
 * untimed round lets npx fetch the packages.
 */
final class Ajv {

  private Ajv() {}

  /**
   * The summed wall time of one round (median of the rounds), the largest RSS, the summed CPU
   * seconds of a round (median), the count.
   */
  record Result(long wall, long rssKb, double cpu, int invocations) {}

  /** Runs ajv-cli; null, with a line saying why, when npx is absent. */
  static Result run(Path repo, Path work, int runs) throws IOException, InterruptedException {
    if (!onPath("npx")) {
      System.out.println("ajv-cli: skipped, npx (Node.js) is not on the PATH");
      return null;
    }
    Path schemas = work.resolve("schemas");
    Files.createDirectories(schemas);
    List<String> names = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      names.add(kind.id());
    }
    names.add("common");
    for (String name : names) {
      String file = name + ".schema.json";
      Files.writeString(
          schemas.resolve(file), SchemaValidator.resource("io/apistage/schemas/" + file));
    }
    round(repo, schemas); // fetches the packages
    List<ValidateProcessBenchmark.Run> rounds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      rounds.add(round(repo, schemas));
    }
    return new Result(
        ValidateProcessBenchmark.median(rounds),
        ValidateProcessBenchmark.maxRss(rounds),
        ValidateProcessBenchmark.cpu(rounds),
        Kind.values().length);
  }

  private static ValidateProcessBenchmark.Run round(Path repo, Path schemas)
      throws IOException, InterruptedException {
    long wall = 0;
    long rss = 0;
    double cpu = 0;
    StringBuilder output = new StringBuilder();
    for (Kind kind : Kind.values()) {
      String data =
          kind == Kind.API
              ? repo.resolve(kind.folder()) + "/*/*.yaml"
              : repo.resolve(kind.folder()) + "/*.yaml";
      ValidateProcessBenchmark.Run run =
          ValidateProcessBenchmark.exec(
              schemas,
              List.of(
                  "npx",
                  "-y",
                  "-p",
                  "ajv-cli@5",
                  "-p",
                  "ajv-formats",
                  "ajv",
                  "validate",
                  "--spec=draft2020",
                  "-c",
                  "ajv-formats",
                  "-r",
                  "common.schema.json",
                  "-s",
                  kind.id() + ".schema.json",
                  "-d",
                  data),
              null);
      wall += run.wall();
      cpu += run.cpu();
      rss = Math.max(rss, run.rssKb());
      if (run.exit() != 0) {
        output.append(kind.id()).append(": exit ").append(run.exit()).append('\n');
        output.append(run.output(), 0, Math.min(2000, run.output().length()));
      }
    }
    if (output.length() > 0) {
      System.out.println("ajv-cli reported (timed all the same):\n" + output);
    }
    return new ValidateProcessBenchmark.Run(wall, rss, cpu, 0, "");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
