package io.apistage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.bench.SyntheticRepo;
import io.apistage.log.Log;
import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.rules.Validation;
import io.apistage.testing.GitRepoBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental validation equals a full one, problem for problem: a real config root (the
 * example repository, with its OpenAPI document, beside a small synthetic one) in a Git work tree
 * gets random, seeded edits (add, change, delete and rename files, break a schema value, remove or
 * rename what far-away files refer to, break the YAML, add a literal secret, make a secret alias
 * plain, add an endpoint, touch without change), sometimes committed and sometimes not; after each
 * round the cached run and a run without cache must give the same problems, in file, line, column,
 * field, rule, severity and message.
 */
class ValidateCacheDifferentialTest {

  private static final int ROUNDS = 30;

  /** One validation for every run: building the schema validators is the costly part. */
  private static final Validation VALIDATION = new Validation();

  @TempDir Path dir;

  @Test
  void incrementalEqualsFullAfterRandomEdits() throws IOException {
    Path root = dir.resolve("repo");
    copy(Path.of("../example-repo"), root);
    Path synthetic = dir.resolve("synthetic");
    SyntheticRepo.write(synthetic, 8, 7L);
    copy(synthetic, root);
    Path cacheDir = dir.resolve("cache");
    Random random = new Random(19L);
    int hitsSeen = 0;
    try (GitRepoBuilder git = GitRepoBuilder.init(root)) {
      git.commit("start");
      assertSame(root, cacheDir, "first run");
      for (int round = 0; round < ROUNDS; round++) {
        List<String> done = new ArrayList<>();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
          done.add(new Edits(root, random).apply());
        }
        if (random.nextInt(3) == 0) {
          git.commit("round " + round);
          done.add("committed");
        }
        hitsSeen += assertSame(root, cacheDir, "round " + round + ": " + done);
      }
    }
    assertThat(hitsSeen).as("files met unchanged over all rounds").isGreaterThan(ROUNDS * 30);
  }

  /** Runs both ways; the cached run's hits. */
  private static int assertSame(Path root, Path cacheDir, String what) throws IOException {
    List<Problem> full = sorted(VALIDATION.validate(new DirectorySource(root)).problems());
    ValidateCache cache = ValidateCache.open(cacheDir, root, Log.NONE);
    List<Problem> incremental =
        sorted(VALIDATION.validate(new DirectorySource(root), cache).problems());
    cache.save();
    assertThat(incremental).as(what).containsExactlyElementsOf(full);
    return cache.stats().hits();
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream()
        .sorted(Problem.ORDER.thenComparing(Problem::field).thenComparing(Problem::severity))
        .toList();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String relative = from.relativize(p).toString();
        if (relative.startsWith("target") || relative.equals("pom.xml")) {
          continue;
        }
        Path target = to.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** One random edit of a config root, described for the failure message. */
  private record Edits(Path root, Random random) {

    String apply() throws IOException {
      List<Path> files = yamlFiles();
      Path file = files.get(random.nextInt(files.size()));
      String name = root.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      switch (random.nextInt(11)) {
        case 0 -> {
          Path copy = file.resolveSibling("copy" + random.nextInt(1000) + ".yaml");
          if (name.startsWith("apis/")) {
            copy = file.getParent().resolveSibling("new" + random.nextInt(1000)).resolve("v1.yaml");
          }
          Files.createDirectories(copy.getParent());
          Files.writeString(copy, text, StandardCharsets.UTF_8);
          return "add " + root.relativize(copy) + " as a copy of " + name;
        }
        case 1 -> {
          Files.delete(file);
          return "delete " + name;
        }
        case 2 -> {
          Path moved = file.resolveSibling("renamed" + random.nextInt(1000) + ".yaml");
          Files.move(file, moved);
          return "rename " + name + " to " + root.relativize(moved);
        }
        case 3 -> {
          Files.writeString(file, text.replaceFirst("(?m)^(\\s*)description:", "$1descriptoin:"));
          return "misspell a field of " + name;
        }
        case 4 -> {
          Files.writeString(file, text.replaceFirst("(?m)^name: .*$", "name: Not A Name"));
          return "break the name of " + name;
        }
        case 5 -> {
          return breakFarAway();
        }
        case 6 -> {
          Files.writeString(file, text + "\n  bad: [unclosed\n");
          return "break the YAML of " + name;
        }
        case 7 -> {
          Files.writeString(file, text.replaceFirst("(?m)^(\\s*)method: GET", "$1method: FETCH"));
          return "change a method in " + name;
        }
        case 8 -> {
          Files.writeString(file, text + "\nnotes: Bearer abcdefghijkl0123456789\n");
          return "add a literal bearer token to " + name;
        }
        case 9 -> {
          String flipped =
              text.contains("secret: true")
                  ? text.replace("secret: true", "secret: false")
                  : text.replaceFirst(
                      "(?m)^(\\s*)- name: ",
                      "$1- name: again\n$1  method: GET\n" + "$1  path: /x\n$1- name: ");
          Files.writeString(file, flipped);
          return "make an alias not secret, or add an endpoint, in " + name;
        }
        default -> {
          Files.writeString(file, text);
          return "rewrite " + name + " unchanged";
        }
      }
    }

    /** Removes or renames a team or policy that other files refer to. */
    private String breakFarAway() throws IOException {
      for (String folder : List.of("teams", "policies", "plans")) {
        Path f = root.resolve(folder);
        if (!Files.isDirectory(f)) {
          continue;
        }
        try (Stream<Path> in = Files.list(f)) {
          List<Path> all = in.sorted(Comparator.naturalOrder()).toList();
          if (!all.isEmpty() && random.nextBoolean()) {
            Path victim = all.get(random.nextInt(all.size()));
            Files.delete(victim);
            return "delete the referenced " + root.relativize(victim);
          }
        }
      }
      return "no far-away reference broken";
    }

    private List<Path> yamlFiles() throws IOException {
      try (Stream<Path> files = Files.walk(root)) {
        return files
            .filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/.git/"))
            .sorted()
            .toList();
      }
    }
  }
}
