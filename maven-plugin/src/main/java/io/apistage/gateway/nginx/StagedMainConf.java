package io.apistage.gateway.nginx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main configuration that {@code nginx -t} tests a new stage file with before it goes live: the
 * running main file, but with its {@code include apistage/*.conf;} replaced by the files that glob
 * takes today, the stage's new file in place of its live one. It is written beside the main file,
 * so that nginx resolves every other relative path of it as for the running configuration.
 *
 * @since 0.1.0
 */
final class StagedMainConf {

  /** The line of the main file that includes the files apistage owns. */
  static final Pattern INCLUDE =
      Pattern.compile("(?m)^([ \\t]*)include\\s+[\"']?(?:\\S*/)?apistage/\\*\\.conf[\"']?\\s*;");

  private StagedMainConf() {}

  /**
   * The staged main file's text.
   *
   * @param mainText the running main file's text, which holds {@link #INCLUDE}
   * @param live the stage's live file, {@code <dir>/apistage/<stage>.conf}
   * @param next the stage's new file beside it
   */
  static String text(String mainText, Path live, Path next) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(live.getParent())) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".conf") && !n.startsWith("."))
          .forEach(names::add);
    }
    names.add(live.getFileName().toString());
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      Path file = name.equals(live.getFileName().toString()) ? next : live.resolveSibling(name);
      lines.add("include \"" + file.toAbsolutePath() + "\";");
    }
    String includes = String.join(" ", lines);
    return INCLUDE
        .matcher(mainText)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + includes));
  }
}
