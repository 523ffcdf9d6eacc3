package io.apistage.lifecycle;

import io.apistage.problem.ApistageException;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Api files of a config root on disk, {@code apis/<api>/v<major>.yaml}, and the properties that
 * name them ({@code -Dapistage.api=orders}, {@code -Dapistage.api=orders@1}), checked with messages
 * that list what is accepted.
 *
 * @since 0.1.0
 */
public final class ApiLines {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern REF = Pattern.compile("([a-z][a-z0-9-]{0,62})@(0|[1-9][0-9]{0,5})");
  private static final Pattern FILE = Pattern.compile("v(0|[1-9][0-9]{0,5})\\.ya?ml");

  private final Path root;

  /**
   * An API major line named by a property.
   *
   * @param api the API's name
   * @param major the major line
   */
  public record Ref(String api, int major) {
    @Override
    public String toString() {
      return api + "@" + major;
    }
  }

  /**
   * One YAML file as read: its path, bytes, text (without a byte order mark) and document.
   *
   * @param path the path relative to the config root
   * @param bytes the file's bytes
   * @param bom the byte order mark the file starts with, or ""
   * @param text the text after the mark
   * @param root the document, null when it could not be read
   * @param parsed the parser's result, with its problems
   */
  public record YamlText(
      String path, byte[] bytes, String bom, String text, YMap root, ParsedFile parsed) {}

  /** The Api files under a config root. */
  public ApiLines(Path root) {
    this.root = root;
  }

  /** The names of the APIs, sorted. */
  public List<String> names() throws IOException {
    Path apis = root.resolve("apis");
    if (!Files.isDirectory(apis, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(apis)) {
      return dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS))
          .map(d -> d.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .filter(n -> !majors(n).isEmpty())
          .sorted()
          .toList();
    }
  }

  /** The major lines of an API by major, each with its path; empty when the API has none. */
  public TreeMap<Integer, String> majors(String api) {
    TreeMap<Integer, String> out = new TreeMap<>();
    Path folder = root.resolve("apis").resolve(api);
    String[] files = folder.toFile().list();
    for (String file : files == null ? new String[0] : files) {
      Matcher m = FILE.matcher(file);
      if (m.matches() && Files.isRegularFile(folder.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
        out.putIfAbsent(Integer.parseInt(m.group(1)), "apis/" + api + "/" + file);
      }
    }
    return out;
  }

  /** Every API line, e.g. {@code catalog@1, orders@1, orders@2}. */
  public List<String> lines() throws IOException {
    List<String> out = new ArrayList<>();
    for (String api : names()) {
      majors(api).keySet().forEach(m -> out.add(api + "@" + m));
    }
    return out;
  }

  /** The API named by a property, which must exist. */
  public String requireApi(String value, String goal, String property)
      throws ApistageException, IOException {
    if (value == null || value.isBlank()) {
      throw new ApistageException(
          goal + " needs an API: pass -D" + property + "=<api> (APIs: " + join(names()) + ")");
    }
    String name = value.trim();
    if (!NAME.matcher(name).matches() || majors(name).isEmpty()) {
      throw new ApistageException(
          "unknown API '"
              + value
              + "' ("
              + property
              + "); APIs: "
              + join(names())
              + "; pass one with -D"
              + property
              + "=<api>");
    }
    return name;
  }

  /** The API line named by a property as {@code <api>@<major>}, which must exist. */
  public Ref requireLine(String value, String goal, String property)
      throws ApistageException, IOException {
    if (value == null || value.isBlank()) {
      throw new ApistageException(
          goal
              + " needs an API line: pass -D"
              + property
              + "=<api>@<major> (lines: "
              + join(lines())
              + ")");
    }
    Matcher m = REF.matcher(value.trim());
    if (!m.matches()) {
      throw new ApistageException(
          property
              + "='"
              + value
              + "' is not an API line; pass -D"
              + property
              + "=<api>@<major>, e.g. -D"
              + property
              + "=orders@1 (lines: "
              + join(lines())
              + ")");
    }
    return new Ref(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** A major given as a property, e.g. {@code -Dapistage.to=2}. */
  public static int major(String value, String property, List<Integer> accepted)
      throws ApistageException {
    if (value != null && value.trim().matches("0|[1-9][0-9]{0,5}")) {
      return Integer.parseInt(value.trim());
    }
    throw new ApistageException(
        property
            + (value == null || value.isBlank() ? " is missing" : "='" + value + "' is not a major")
            + "; pass -D"
            + property
            + "=<major>, one of: "
            + String.join(", ", accepted.stream().map(String::valueOf).toList()));
  }

  /** Reads and parses a YAML file of the config root. */
  public YamlText read(String path) throws IOException {
    byte[] bytes = Files.readAllBytes(root.resolve(path));
    boolean bom =
        bytes.length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF;
    ParsedFile parsed = new YamlParser().parse(bytes, path);
    String text =
        new String(
            bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes, StandardCharsets.UTF_8);
    YMap doc = parsed.ok() && parsed.root() instanceof YMap map ? map : null;
    return new YamlText(path, bytes, bom ? "\uFEFF" : "", text, doc, parsed);
  }

  /** The bytes of an edited text, with the mark the file had. */
  public static byte[] bytes(YamlText file, String edited) {
    return (file.bom() + edited).getBytes(StandardCharsets.UTF_8);
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? "none" : String.join(", ", values);
  }
}
