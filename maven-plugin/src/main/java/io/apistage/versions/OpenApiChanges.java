package io.apistage.versions;

import io.apistage.git.GitRepo;
import io.apistage.git.WorkingCopyDiff;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.openapi.OpenApiExpander;
import io.apistage.openapi.OpenApiFiles;
import io.apistage.openapi.OpenApiOrigins;
import io.apistage.problem.Problem;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Api files check-versions must judge although they did not change themselves: those whose
 * OpenAPI document, or a file it refers to, differs between the base and the working copy.
 *
 * @since 0.2.0
 */
final class OpenApiChanges {

  private OpenApiChanges() {}

  /** The sides an Api's OpenAPI files are read from. */
  static OpenApiFiles atCommit(GitRepo git, String commit) {
    return path -> git.readFile(commit, path);
  }

  /**
   * Unchanged Api files whose OpenAPI files changed, as deltas of the Api file (same blob on both
   * sides), to be read and compared like any changed Api file.
   */
  static List<WorkingCopyDiff.Delta> deltas(
      GitRepo git, Path root, String commit, List<WorkingCopyDiff.Delta> changed, YamlParser parser)
      throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    changed.forEach(d -> seen.add(d.path()));
    String folder = Kind.API.folder() + "/";
    List<WorkingCopyDiff.Delta> out = new ArrayList<>();
    OpenApiFiles disk = OpenApiFiles.onDisk(root);
    OpenApiFiles base = atCommit(git, commit);
    for (Map.Entry<String, String> e : git.listFiles(commit, git.prefix() + folder).entrySet()) {
      String path = folder + e.getKey();
      Path file = root.resolve(path);
      if (seen.contains(path)
          || ConfigLoader.place(path).isEmpty()
          || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (!new String(bytes, StandardCharsets.UTF_8).contains("openapi")) {
        continue;
      }
      ParsedFile parsed = parser.parse(bytes, path);
      if (!(parsed.root() instanceof YMap body) || !body.has("openapi")) {
        continue;
      }
      Set<String> files = new LinkedHashSet<>();
      files.addAll(OpenApiExpander.expand(path, body, disk, parser).files());
      files.addAll(OpenApiExpander.expand(path, body, base, parser).files());
      for (String f : files) {
        Optional<byte[]> now = disk.read(f);
        Optional<byte[]> then = base.read(f);
        if (now.isPresent() != then.isPresent()
            || (now.isPresent() && !Arrays.equals(now.get(), then.get()))) {
          out.add(new WorkingCopyDiff.Delta(path, Optional.of(e.getValue()), true));
          break;
        }
      }
    }
    return out;
  }

  /** An Api document at the base with its OpenAPI endpoints, or empty when they cannot be read. */
  static Optional<OpenApiExpander.Expanded> atBase(
      GitRepo git, String commit, String path, YMap body, YamlParser parser) throws IOException {
    OpenApiExpander.Expanded e = OpenApiExpander.expand(path, body, atCommit(git, commit), parser);
    return e.problems().stream().anyMatch(Problem::isError) ? Optional.empty() : Optional.of(e);
  }

  /**
   * An Api document of the working copy with its OpenAPI endpoints; empty, with the problems
   * reported, when they cannot be read.
   */
  static Optional<OpenApiExpander.Expanded> inWorkingCopy(
      Path root, String path, YMap body, YamlParser parser, List<Problem> problems)
      throws IOException {
    OpenApiExpander.Expanded e =
        OpenApiExpander.expand(path, body, OpenApiFiles.onDisk(root), parser);
    problems.addAll(e.problems());
    return e.problems().stream().anyMatch(Problem::isError) ? Optional.empty() : Optional.of(e);
  }

  /** The file to judge, both sides as expanded, with the short id of the base commit. */
  static VersionPolicy.ApiFile apiFile(
      String api,
      int major,
      String path,
      Optional<OpenApiExpander.Expanded> before,
      Optional<OpenApiExpander.Expanded> after,
      String baseCommit) {
    return new VersionPolicy.ApiFile(
        api,
        major,
        path,
        before.map(OpenApiExpander.Expanded::body).orElse(null),
        after.map(OpenApiExpander.Expanded::body).orElse(null),
        new VersionPolicy.Origins(origins(after), origins(before), baseCommit));
  }

  private static OpenApiOrigins origins(Optional<OpenApiExpander.Expanded> side) {
    return side.map(OpenApiExpander.Expanded::origins).orElse(OpenApiOrigins.NONE);
  }
}
