package io.apistage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house rules of docs/architecture.md true by reading the sources: the engine knows
 * nothing of Maven, only the git package touches JGit, reports neither read Git nor stages,
 * packages depend on each other without cycles, and no production method or class outgrows the size
 * limits (counted as {@link SourceSizes} describes).
 */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.apistage\\.[a-z]+)\\.[A-Z]");

  /** The longest a production method may be, in lines from its name to its closing brace. */
  private static final int METHOD_LINES = 60;

  /** The longest a production source file (its class) may be, in lines. */
  private static final int CLASS_LINES = 450;

  /**
   * Files allowed over the size limits, relative to {@code io/apistage/}: only the rule catalogue
   * (one entry per rule, by design). A file that fits again must leave the list (the test fails
   * while a listed file fits).
   */
  private static final Set<String> SIZE_EXCEPTIONS = Set.of("problem/RuleId.java");

  private static final Map<String, List<String>> IMPORTS_BY_FILE = new TreeMap<>();
  private static final Map<String, String> PACKAGE_BY_FILE = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        assertThat(pkg.find()).as("package declaration in %s", file).isTrue();
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          imports.add(m.group(1));
        }
        Matcher q = QUALIFIED.matcher(text);
        while (q.find()) {
          imports.add(q.group(1));
        }
        IMPORTS_BY_FILE.put(file.toString(), imports);
        PACKAGE_BY_FILE.put(file.toString(), pkg.group(1));
      }
    }
    assertThat(IMPORTS_BY_FILE).isNotEmpty();
  }

  @Test
  void onlyTheMavenPackageImportsMaven() {
    List<String> leaks = new ArrayList<>();
    IMPORTS_BY_FILE.forEach(
        (file, imports) -> {
          if (!PACKAGE_BY_FILE.get(file).equals("io.apistage.maven")
              && imports.stream().anyMatch(i -> i.startsWith("org.apache.maven"))) {
            leaks.add(file);
          }
        });
    assertThat(leaks).as("engine files importing org.apache.maven").isEmpty();
  }

  @Test
  void onlyTheGitPackageTouchesJgit() {
    List<String> leaks = new ArrayList<>();
    IMPORTS_BY_FILE.forEach(
        (file, imports) -> {
          if (!PACKAGE_BY_FILE.get(file).equals("io.apistage.git")
              && imports.stream().anyMatch(i -> i.startsWith("org.eclipse.jgit"))) {
            leaks.add(file);
          }
        });
    assertThat(leaks).as("files outside io.apistage.git importing JGit").isEmpty();
  }

  @Test
  void reportsOnlyRenderWhatTheGoalsGiveThem() {
    List<String> leaks = new ArrayList<>();
    IMPORTS_BY_FILE.forEach(
        (file, imports) -> {
          if (PACKAGE_BY_FILE.get(file).equals("io.apistage.report")) {
            imports.stream()
                .filter(i -> i.equals("io.apistage.git") || i.equals("io.apistage.stage"))
                .forEach(i -> leaks.add(file + " uses " + i));
          }
        });
    assertThat(PACKAGE_BY_FILE).containsValue("io.apistage.report");
    assertThat(leaks).as("report files reading Git or stages instead of rendering").isEmpty();
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    Map<String, Set<String>> graph = new TreeMap<>();
    IMPORTS_BY_FILE.forEach(
        (file, imports) -> {
          String from = PACKAGE_BY_FILE.get(file);
          Set<String> edges = graph.computeIfAbsent(from, k -> new TreeSet<>());
          for (String imported : imports) {
            if (imported.startsWith("io.apistage.")
                && PACKAGE_BY_FILE.containsValue(imported)
                && !imported.equals(from)) {
              edges.add(imported);
            }
          }
        });
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      // a path from a package back to itself is a cycle
      Deque<List<String>> paths = new ArrayDeque<>();
      paths.push(List.of(start));
      Set<String> visited = new TreeSet<>();
      while (!paths.isEmpty()) {
        List<String> path = paths.pop();
        String last = path.get(path.size() - 1);
        for (String next : graph.getOrDefault(last, Set.of())) {
          if (next.equals(start)) {
            List<String> cycle = new ArrayList<>(path);
            cycle.add(start);
            cycles.add(String.join(" -> ", cycle));
          } else if (visited.add(next)) {
            List<String> longer = new ArrayList<>(path);
            longer.add(next);
            paths.push(longer);
          }
        }
      }
    }
    assertThat(cycles).as("package cycles").isEmpty();
  }

  @Test
  void productionMethodsAndClassesStayWithinTheSizeLimits() throws IOException {
    List<String> over = new ArrayList<>();
    List<String> fitting = new ArrayList<>(new TreeSet<>(SIZE_EXCEPTIONS));
    for (String file : IMPORTS_BY_FILE.keySet()) {
      String name = SOURCES.resolve("io/apistage").relativize(Path.of(file)).toString();
      String text = Files.readString(Path.of(file));
      List<String> found = new ArrayList<>();
      long lines = text.lines().count();
      if (lines > CLASS_LINES) {
        found.add(name + " has " + lines + " lines (at most " + CLASS_LINES + ")");
      }
      for (SourceSizes.Method m : SourceSizes.methods(text)) {
        if (m.lines() > METHOD_LINES) {
          found.add(
              name
                  + ":"
                  + m.line()
                  + " "
                  + m.name()
                  + "() has "
                  + m.lines()
                  + " lines (at most "
                  + METHOD_LINES
                  + ")");
        }
      }
      if (!found.isEmpty()) {
        fitting.remove(name.replace('\\', '/'));
        if (!SIZE_EXCEPTIONS.contains(name.replace('\\', '/'))) {
          over.addAll(found);
        }
      }
    }
    assertThat(over)
        .as("production code over the size limits; split it along what it does")
        .isEmpty();
    assertThat(fitting)
        .as("files within the size limits: remove them from SIZE_EXCEPTIONS")
        .isEmpty();
  }

  @Test
  void aMethodIsCountedFromItsNameToItsClosingBrace() {
    String source =
        """
        package x;

        /** A class { with braces in its comment. */
        record R(int a) {
          R {
            if (a < 0) {
              throw new IllegalArgumentException("}}}");
            }
          }

          @Override
          public String toString() {
            Runnable r = () -> {
              char c = '}';
            };
            return "{" + '{';
          }

          enum E {
            A {
              void f() {}
            },
            B;

            void g() {
              // }
            }
          }
        }
        """;
    assertThat(SourceSizes.methods(source))
        .containsExactly(
            new SourceSizes.Method("R", 5, 5),
            new SourceSizes.Method("toString", 12, 6),
            new SourceSizes.Method("f", 21, 1),
            new SourceSizes.Method("g", 25, 3));
  }
}
