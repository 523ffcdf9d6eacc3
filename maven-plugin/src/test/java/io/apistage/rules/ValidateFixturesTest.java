package io.apistage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.DirectorySource;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under {@code src/test/resources/fixtures/validate/}: each folder is a config
 * root, and its {@code expected.txt} holds the exact problem lines validation must print, in
 * order ({@code #} starts a comment line). An empty {@code expected.txt} means the case is valid.
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

  private static void check(Path dir) throws IOException {
    List<String> expected =
        Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    List<String> actual = problems(dir).stream().map(Problem::format).toList();
    assertThat(actual).as("problems of %s", dir.getFileName()).containsExactlyElementsOf(expected);
  }

  /** The sorted problems of a config root. */
  static List<Problem> problems(Path root) throws IOException {
    return Problems.sorted(VALIDATION.validate(new DirectorySource(root)).problems());
  }
}
