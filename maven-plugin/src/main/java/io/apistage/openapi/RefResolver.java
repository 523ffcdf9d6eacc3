package io.apistage.openapi;

import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of one OpenAPI document with the project's own YAML reader (JSON is YAML), so
 * every value keeps its line and column, and follows {@code $ref}: inside a file ({@code
 * #/components/schemas/Order}) and to sibling files of the config root ({@code
 * common.yaml#/Money}). A reference over the network, one that climbs out of the config root, one
 * to a missing file or to nothing is a problem at the reference's own position.
 *
 * @since 0.2.0
 */
final class RefResolver {

  /** A value and the file it was read from. */
  record Located(String file, YNode node) {}

  private static final int MAX_HOPS = 32;

  private final OpenApiFiles files;
  private final YamlParser parser;
  private final List<Problem> problems;
  private final Map<String, Optional<YNode>> roots = new HashMap<>();

  RefResolver(OpenApiFiles files, YamlParser parser, List<Problem> problems) {
    this.files = files;
    this.parser = parser;
    this.problems = problems;
  }

  /** The root of a file, read once; empty (with its problems reported) when it cannot be read. */
  Optional<YNode> root(String file) throws IOException {
    if (roots.containsKey(file)) {
      return roots.get(file);
    }
    Optional<YNode> out = Optional.empty();
    Optional<byte[]> bytes = files.read(file);
    if (bytes.isPresent()) {
      ParsedFile parsed = parser.parse(bytes.get(), file);
      problems.addAll(parsed.problems());
      if (parsed.ok() && parsed.problems().stream().noneMatch(Problem::isError)) {
        out = Optional.of(parsed.root());
      }
    }
    roots.put(file, out);
    return out;
  }

  /** The files read so far, for reports. */
  Map<String, Optional<YNode>> roots() {
    return roots;
  }

  /**
   * The value a node stands for: itself, or what its {@code $ref} chain leads to; null (with a
   * problem) when a reference cannot be followed.
   */
  Located deref(String file, YNode node) throws IOException {
    Located at = new Located(file, node);
    Deque<YNode> seen = new ArrayDeque<>();
    while (at.node() instanceof YMap map && map.get("$ref") != null) {
      if (seen.size() >= MAX_HOPS || seen.stream().anyMatch(n -> n == map)) {
        problems.add(problem(at.file(), map.valuePosition("$ref"), "$ref chain loops back"));
        return null;
      }
      seen.push(map);
      at = target(at.file(), map.get("$ref"));
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  /** Where one reference points, or null with a problem. */
  Located target(String file, YNode refNode) throws IOException {
    if (!(refNode instanceof YScalar ref) || !ref.isString()) {
      problems.add(problem(file, refNode.position(), "$ref must be a string"));
      return null;
    }
    String text = ref.text();
    if (text.startsWith("//") || text.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      problems.add(
          problem(
              file,
              ref.position(),
              "$ref '"
                  + text
                  + "' points outside the repository; apistage reads no network"
                  + " references: copy the document next to this one"));
      return null;
    }
    int hash = text.indexOf('#');
    String filePart = hash < 0 ? text : text.substring(0, hash);
    String pointer = hash < 0 ? "" : decode(text.substring(hash + 1));
    String target = file;
    if (!filePart.isEmpty()) {
      Optional<String> resolved = sibling(file, decode(filePart));
      if (resolved.isEmpty()) {
        problems.add(
            problem(
                file,
                ref.position(),
                "$ref '" + text + "' climbs out of the config root; keep referenced files in it"));
        return null;
      }
      target = resolved.get();
      if (root(target).isEmpty()) {
        if (files.read(target).isEmpty()) {
          problems.add(problem(file, ref.position(), "$ref '" + text + "': no file " + target));
        }
        return null;
      }
    }
    Optional<YNode> root = root(target);
    YNode node = root.isEmpty() ? null : root.get().at(pointer);
    if (node == null) {
      if (root.isPresent()) {
        problems.add(
            problem(
                file,
                ref.position(),
                "$ref '" + text + "' resolves to nothing: " + target + " has no #" + pointer));
      }
      return null;
    }
    return new Located(target, node);
  }

  /** A path relative to the folder of {@code file}, normalized; empty when it leaves the root. */
  static Optional<String> sibling(String file, String relative) {
    if (relative.startsWith("/") || relative.contains("\\")) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    int slash = file.lastIndexOf('/');
    if (slash > 0) {
      for (String p : file.substring(0, slash).split("/")) {
        parts.addLast(p);
      }
    }
    for (String p : relative.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  private static String decode(String text) {
    return text.indexOf('%') < 0
        ? text
        : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static Problem problem(String file, Position at, String message) {
    return Problem.error(file, at, "", RuleId.OPENAPI, message);
  }
}
