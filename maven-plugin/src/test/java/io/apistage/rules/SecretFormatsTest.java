package io.apistage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of {@code src/test/resources/fixtures/secrets/}: every line of {@code found.txt} is a
 * secret of the kind it names, no line of {@code not-found.txt} is one.
 */
class SecretFormatsTest {

  private static final Path CORPUS = Path.of("src/test/resources/fixtures/secrets");

  @TestFactory
  Stream<DynamicTest> everySecretOfTheCorpusIsFoundAndNamedByItsKind() throws IOException {
    List<String[]> cases = read("found.txt");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0] + " " + c[2],
                    () -> assertThat(SecretFormats.find(name(c[0]), c[1])).contains(c[2])));
  }

  @TestFactory
  Stream<DynamicTest> noFalsePositiveOfTheCorpusIsFound() throws IOException {
    List<String[]> cases = read("not-found.txt");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0] + ": " + c[2],
                    () -> assertThat(SecretFormats.find(name(c[0]), c[1])).isEmpty()));
  }

  private static String name(String field) {
    return field.equals("-") ? null : field;
  }

  private static List<String[]> read(String file) throws IOException {
    return Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.replace("{+}", "").split("\t", -1))
        .peek(c -> assertThat(c).as("name, value and kind, separated by tabs").hasSize(3))
        .toList();
  }
}
