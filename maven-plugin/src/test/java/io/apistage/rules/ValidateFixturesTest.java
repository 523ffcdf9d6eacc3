package io.apistage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under {@code src/test/resources/fixtures/validate/}: each folder is a config
 * root, and its {@code expected.txt} holds the exact problem lines validation must print, in order
 * ({@code #} starts a comment line). An empty {@code expected.txt} means the case is valid.
 */
class ValidateFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/validate");

  private static final Validation VALIDATION = new Validation();

  @TestFactory
  Stream<DynamicTest> everyFixturePrintsExactlyItsExpectedProblems() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("fixture cases").hasSizeGreaterThan(10);
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /**
   * The failing direction of every rule is exercised by some fixture; valid-repo is the passing
   * one.
   */
  @org.junit.jupiter.api.Test
  void everyRuleFailsInSomeFixtureAndTheValidRepositoryHasNoProblem() throws IOException {
    Set<String> seen = new TreeSet<>();
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().equals("expected.txt")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = Pattern.compile(" \\[([a-z-]+)\\] ").matcher(line);
          if (m.find()) {
            seen.add(m.group(1));
          }
        }
      }
    }
    List<String> catalogue = RuleId.of(RuleId.Family.VALIDATE).stream().map(RuleId::id).toList();
    assertThat(seen).containsAll(catalogue);
    assertThat(Rules.all()).hasSize(17);
    assertThat(problems(FIXTURES.resolve("valid-repo"))).isEmpty();
  }

  /** A literal secret found in Git is reported, but never repeated in a message or a report. */
  @org.junit.jupiter.api.Test
  void literalSecretsAreNeverRepeatedInMessages() throws IOException {
    List<Problem> problems = problems(FIXTURES.resolve("literal-secret"));
    assertThat(problems).extracting(Problem::rule).contains(RuleId.LITERAL_SECRET.id());
    for (String secret : List.of("s3cr3t-t0ken", "hunter2", "ak_live_51H8xQ", "12345")) {
      assertThat(problems).extracting(Problem::message).noneMatch(m -> m.contains(secret));
    }
    List<Problem> scanned = problems(FIXTURES.resolve("secret-scan"));
    for (String secret : List.of("9f8e7d6c5b4a", "s3cr3tPass", "hunter2", "Zq8Lm2Nx4Vb6")) {
      assertThat(scanned).extracting(Problem::message).noneMatch(m -> m.contains(secret));
    }
  }

  private static void check(Path dir) throws IOException {
    List<String> expected =
        Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    List<String> actual = problems(dir).stream().map(Problem::format).toList();
    assertThat(actual).as("problems of %s", dir.getFileName()).containsExactlyElementsOf(expected);
    // the same files read from memory (as from a Git tree) give the same problems
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    List<String> fromMemory =
        Problems.sorted(VALIDATION.validate(new io.apistage.model.MemorySource(files)).problems())
            .stream()
            .map(Problem::format)
            .toList();
    assertThat(fromMemory)
        .as("problems of %s read from memory", dir.getFileName())
        .isEqualTo(actual);
  }

  /** The sorted problems of a config root. */
  static List<Problem> problems(Path root) throws IOException {
    return Problems.sorted(VALIDATION.validate(new DirectorySource(root)).problems());
  }
}
