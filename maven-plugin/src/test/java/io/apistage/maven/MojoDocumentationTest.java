package io.apistage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn apistage:help -Ddetail} prints each parameter's Javadoc: every user-settable parameter
 * of every Mojo needs one, with {@code @since}, and every Mojo a class comment.
 */
class MojoDocumentationTest {

  private static final Path SOURCES = Path.of("src/main/java/io/apistage/maven");

  private static final Pattern PARAMETER =
      Pattern.compile(
          "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*@Parameter\\(([^)]*)\\)\\s*(?:private|protected|public)?\\s*[\\w.<>]+\\s+(\\w+);",
          Pattern.DOTALL);

  @Test
  void everyParameterHasJavadocWithSince() throws IOException {
    List<String> missing = new ArrayList<>();
    int parameters = 0;
    for (Path file : mojos()) {
      String source = Files.readString(file);
      Matcher m = PARAMETER.matcher(source);
      while (m.find()) {
        if (m.group(2).contains("readonly = true")) {
          continue;
        }
        parameters++;
        String doc = m.group(1);
        if (doc == null
            || !doc.contains("@since")
            || doc.replaceAll("(?s)@since.*", "").replaceAll("[/*\\s]", "").isEmpty()) {
          missing.add(file.getFileName() + " " + m.group(3));
        }
      }
    }
    assertThat(parameters).as("parameters found").isGreaterThanOrEqualTo(6);
    assertThat(missing).as("parameters without a description and @since").isEmpty();
  }

  @Test
  void everyMojoHasAClassComment() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : mojos()) {
      String source = Files.readString(file);
      if (source.contains("@Mojo(")
          && !Pattern.compile("(?s)/\\*\\*(?:(?!\\*/).)*@since(?:(?!\\*/).)*\\*/\\s*@Mojo\\(")
              .matcher(source)
              .find()) {
        missing.add(file.getFileName().toString());
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Path> mojos() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(f -> f.getFileName().toString().endsWith("Mojo.java")).sorted().toList();
    }
  }
}
