package io.apistage.release;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.model.Settings;
import io.apistage.openapi.OpenApiExpander;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.release.ApiComparison.ApiChange;
import io.apistage.report.AtomicFiles;
import io.apistage.rules.Validation;
import io.apistage.versions.Consumers;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code release} goal: checks that a release tag {@code <api>@<version>} names a version the
 * tagged commit holds, published, valid and newer than the previous release of that API, and writes
 * its release notes ({@code release-<api>-<version>.md}) with the changes since the previous
 * release tag and the consumers they affect.
 *
 * @since 0.1.0
 */
public final class ReleaseGoal {

  private final GoalContext context;
  private final ReleaseRequest request;
  private final ApiComparison comparison;
  private final Function<Config, List<Problem>> validation;

  /** The goal with check-versions' comparison of Api documents and every validation rule. */
  public ReleaseGoal(GoalContext context, ReleaseRequest request) {
    this(
        context,
        request,
        new VersionsComparison(),
        config -> new Validation().validate(config).problems());
  }

  /**
   * The goal with a given comparison of Api documents and a given validation of the tagged
   * configuration.
   */
  public ReleaseGoal(
      GoalContext context,
      ReleaseRequest request,
      ApiComparison comparison,
      Function<Config, List<Problem>> validation) {
    this.context = context;
    this.request = request;
    this.comparison = comparison;
    this.validation = validation;
  }

  /**
   * Runs the goal.
   *
   * @throws ApistageException when there is no tag, it does not match the pattern, or it does not
   *     exist or name a file of the tagged commit
   */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      TagPattern pattern = TagPattern.of(settingsOnDisk().tagPattern());
      Map<String, String> tags = git.tags();
      String head = git.head().orElse("");
      List<String> onHead = new ArrayList<>();
      tags.forEach(
          (name, commit) -> {
            if (commit.equals(head)) {
              onHead.add(name);
            }
          });
      TagResolver.Resolved resolved =
          TagResolver.resolve(request.tag(), onHead, context.env(), pattern);
      ReleaseTag tag =
          pattern
              .parse(resolved.tag())
              .orElseThrow(
                  () ->
                      new ApistageException(
                          "the tag '"
                              + resolved.tag()
                              + "' (from "
                              + resolved.source()
                              + ") does not match the release tag pattern "
                              + pattern.text()
                              + "; a release tag names an API and its semantic version, e.g. "
                              + pattern.format("orders", "1.5.0")
                              + " (the pattern is tagPattern in apistage.yaml)"));
      String commit = tags.get(tag.name());
      if (commit == null) {
        throw new ApistageException(
            "the tag "
                + tag.name()
                + " does not exist in this clone; create it on the commit to release"
                + " (git tag "
                + tag.name()
                + ") or fetch the tags (git fetch --tags)");
      }
      context
          .log()
          .info(
              "apistage: checking release tag "
                  + tag.name()
                  + " (from "
                  + resolved.source()
                  + ") at commit "
                  + commit.substring(0, 12));
      return check(git, pattern, tags, tag, commit);
    }
  }

  private GoalResult check(
      GitRepo git, TagPattern pattern, Map<String, String> tags, ReleaseTag tag, String commit)
      throws ApistageException, IOException {
    Config config = configAt(git, commit);
    Optional<Asset> found = config.get(Kind.API, tag.api(), tag.major());
    String file = found.map(Asset::file).orElse("apis/" + tag.api() + "/v" + tag.major() + ".yaml");
    List<Problem> problems = problemsOfTaggedFile(config, file, found.isPresent(), tag, commit);
    Neighbours neighbours = Neighbours.of(pattern, tags, tag);
    List<ApiChange> changes = new ArrayList<>();
    if (found.isPresent()) {
      YMap body = found.get().body();
      checkVersion(file, body, tag, problems);
      checkState(file, body, tag, problems);
      checkNewer(file, body, tag, neighbours.newestInLine(), problems);
      changes.addAll(changesSince(git, tags, neighbours.previous(), body));
    }
    List<String> consumers = Consumers.from(config).of(tag.api(), tag.major());
    ReleaseNotes.Content content =
        new ReleaseNotes.Content(tag, commit, neighbours.previous(), changes, consumers);
    return result(content, file, problems);
  }

  /**
   * The validation problems of the tagged Api file; a tagged commit without that file and without a
   * problem explaining why is refused outright.
   */
  private List<Problem> problemsOfTaggedFile(
      Config config, String file, boolean found, ReleaseTag tag, String commit)
      throws ApistageException {
    List<Problem> problems = new ArrayList<>();
    for (Problem p : validation.apply(config)) {
      if (p.file().equals(file)) {
        problems.add(p);
      }
    }
    if (!found && problems.isEmpty()) {
      throw new ApistageException(
          "the tagged commit "
              + commit.substring(0, 12)
              + " has no "
              + file
              + ": the tag "
              + tag.name()
              + " must be on a commit that holds the "
              + tag.api()
              + " v"
              + tag.major()
              + " line at "
              + tag.version());
    }
    return problems;
  }

  /**
   * The other release tags of the tagged API that matter: the newest of its major line (a release
   * must be newer), and the previous release the notes compare with (the latest lower version of
   * the same major line, else the latest lower version of any line).
   */
  private record Neighbours(ReleaseTag newestInLine, ReleaseTag previous) {

    static Neighbours of(TagPattern pattern, Map<String, String> tags, ReleaseTag tag) {
      ReleaseTag newest = null;
      ReleaseTag previous = null;
      ReleaseTag previousInLine = null;
      for (String name : tags.keySet()) {
        Optional<ReleaseTag> other = pattern.parse(name);
        if (other.isEmpty() || name.equals(tag.name()) || !other.get().api().equals(tag.api())) {
          continue;
        }
        ReleaseTag o = other.get();
        if (o.major() == tag.major() && newer(o, newest)) {
          newest = o;
        }
        if (o.version().compareTo(tag.version()) < 0) {
          if (newer(o, previous)) {
            previous = o;
          }
          if (o.major() == tag.major() && newer(o, previousInLine)) {
            previousInLine = o;
          }
        }
      }
      return new Neighbours(newest, previousInLine != null ? previousInLine : previous);
    }

    private static boolean newer(ReleaseTag candidate, ReleaseTag best) {
      return best == null || candidate.version().compareTo(best.version()) > 0;
    }
  }

  private static void checkNewer(
      String file, YMap body, ReleaseTag tag, ReleaseTag newest, List<Problem> problems) {
    if (newest == null || tag.version().compareTo(newest.version()) > 0) {
      return;
    }
    problems.add(
        versionProblem(
            file,
            body,
            RuleId.RELEASE_NOT_NEWER,
            tag.name()
                + " is not newer than "
                + newest.name()
                + ", the latest release of "
                + tag.api()
                + " v"
                + tag.major()
                + "; a released version is frozen: release a"
                + " higher version, e.g. "
                + newest.version().major()
                + "."
                + newest.version().minor()
                + "."
                + (newest.version().patch() + 1)));
  }

  /** The changes from the previous release's Api document to the tagged one. */
  private List<ApiChange> changesSince(
      GitRepo git, Map<String, String> tags, ReleaseTag previous, YMap body) throws IOException {
    if (previous == null) {
      return List.of();
    }
    Object before = apiAt(git, tags.get(previous.name()), previous);
    return before == null ? List.of() : comparison.compare(before, body.toPlain());
  }

  /** Refuses the release on an error, else writes its notes; either way the goal's result. */
  private GoalResult result(ReleaseNotes.Content content, String file, List<Problem> problems)
      throws IOException {
    ReleaseTag tag = content.tag();
    ReleaseTag previous = content.previous();
    boolean refused = Problems.hasErrors(problems);
    String notes = null;
    String message;
    if (refused) {
      message = "release " + tag.name() + " refused: " + Problems.summary(problems);
    } else {
      notes = ReleaseNotes.fileName(tag);
      AtomicFiles.write(context.reportDir().resolve(notes), ReleaseNotes.render(content));
      message =
          "release "
              + tag.name()
              + " checked: "
              + (previous == null
                  ? "first release of " + tag.api()
                  : Problems.plural(content.changes().size(), "change")
                      + " since "
                      + previous.name()
                      + " (largest: "
                      + ReleaseNotes.largest(content.changes())
                      + ")")
              + ", "
              + Problems.plural(content.consumers().size(), "consumer")
              + " affected; notes in "
              + notes;
    }
    ReleaseReport body =
        new ReleaseReport(
            new ReleaseReport.Released(tag, file, content.commit()),
            previous,
            content.changes(),
            content.consumers(),
            notes);
    return new GoalResult("release", refused ? "RELEASE_REFUSED" : "OK", message, problems, body);
  }

  private static void checkVersion(String file, YMap body, ReleaseTag tag, List<Problem> problems) {
    String version = body.str("version");
    if (tag.version().text().equals(version)) {
      return;
    }
    problems.add(
        versionProblem(
            file,
            body,
            RuleId.RELEASE_VERSION,
            "the tag "
                + tag.name()
                + " names version "
                + tag.version()
                + ", but the tagged commit holds "
                + (version == null ? "no version" : "version " + version)
                + "; tag the commit that sets version: "
                + tag.version()));
  }

  /** A problem of a release rule at the version of the tagged Api file. */
  private static Problem versionProblem(String file, YMap body, RuleId rule, String message) {
    return Problem.error(file, body.valuePosition("version"), "/version", rule, message);
  }

  private static void checkState(String file, YMap body, ReleaseTag tag, List<Problem> problems) {
    String state = body.str("state");
    if ("published".equals(state) || "deprecated".equals(state)) {
      return;
    }
    String why =
        state == null
            ? "has no state"
            : "draft".equals(state) ? "is a draft, which may still change" : "is " + state;
    Position at = body.has("state") ? body.valuePosition("state") : body.position();
    problems.add(
        Problem.error(
            file,
            at,
            "/state",
            RuleId.RELEASE_STATE,
            tag.api()
                + " "
                + tag.version()
                + " "
                + why
                + "; only a published or deprecated version can be"
                + " released: set state: published, merge it and tag that commit"));
  }

  /** The Api document of a previous release tag in plain form, or null when its commit lacks it. */
  private static Object apiAt(GitRepo git, String commit, ReleaseTag tag) throws IOException {
    for (String ext : List.of(".yaml", ".yml")) {
      String path = "apis/" + tag.api() + "/v" + tag.major() + ext;
      Optional<byte[]> bytes = git.readFile(commit, path);
      if (bytes.isPresent()) {
        YamlParser parser = new YamlParser();
        ParsedFile parsed = parser.parse(bytes.get(), path);
        if (parsed.ok() && parsed.root() instanceof YMap body) {
          // an Api whose endpoints come from OpenAPI: read them as that release had them
          return OpenApiExpander.expand(path, body, p -> git.readFile(commit, p), parser)
              .body()
              .toPlain();
        }
        return parsed.ok() ? parsed.root().toPlain() : null;
      }
    }
    return null;
  }

  private static Config configAt(GitRepo git, String commit) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, String> e : git.listFiles(commit).entrySet()) {
      String path = e.getKey();
      // every YAML and JSON file: an Api's OpenAPI document may sit outside the kind folders
      if (ConfigLoader.isYaml(path) || path.endsWith(".json")) {
        files.put(path, git.readBlob(e.getValue()));
      }
    }
    return new ConfigLoader().load(new MemorySource(files));
  }

  /** The settings of the working copy's {@code apistage.yaml}, read without the other files. */
  private Settings settingsOnDisk() throws IOException {
    return new ConfigLoader().loadSettings(context.configDir()).settings();
  }
}
