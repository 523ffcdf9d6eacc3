package io.apistage.versions;

import static io.apistage.problem.RuleId.BASE_UNREADABLE;
import static io.apistage.problem.RuleId.EXCEPTION_EXPIRED;

import io.apistage.git.GitRepo;
import io.apistage.git.WorkingCopyDiff;
import io.apistage.goal.CheckVersionsReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.Settings;
import io.apistage.openapi.OpenApiExpander;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code check-versions} goal: every Api file that differs between the base (docs/versions.md)
 * and the working copy is compared semantically with its base, its findings are judged by the
 * {@link VersionPolicy}, and the consumers of every breaking change are named. Only the files that
 * differ are read and parsed, so the cost grows with the change, not with the repository. Every
 * changed file is compared before any is judged: the first breaking finding starts reading the
 * consumer files on a thread of their own, while the other files are compared.
 *
 * @since 0.1.0
 */
public final class CheckVersionsGoal {

  /** The goal's name and report file. */
  public static final String GOAL = "check-versions";

  private final GoalContext context;
  private final CheckVersionsRequest request;
  private final YamlParser parser = new YamlParser();

  /** The goal for a context and request. */
  public CheckVersionsGoal(GoalContext context, CheckVersionsRequest request) {
    this.context = context;
    this.request = request;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    Path root = context.configDir();
    try (GitRepo git = GitRepo.open(root)) {
      List<Problem> problems = new ArrayList<>();
      Settings settings = loadSettings(root, problems);
      BaseRevision base = BaseRevision.resolve(git, request.base(), settings.mainBranch());
      List<WorkingCopyDiff.Delta> deltas =
          new ArrayList<>(WorkingCopyDiff.changed(git, base.commit(), Kind.API.folder()));
      deltas.addAll(OpenApiChanges.deltas(git, root, base.commit(), deltas, parser));
      RepositoryView repo = new RepositoryView(git, root, base.commit(), settings);
      VersionPolicy policy = new VersionPolicy(settings.exceptions(), repo);
      ChangedFiles changed = new ChangedFiles(git, root, base, problems);
      List<VersionPolicy.Prepared> prepared = new ArrayList<>();
      for (WorkingCopyDiff.Delta delta : deltas) {
        changed.read(delta).ifPresent(file -> prepared.add(policy.prepare(file)));
      }
      // judged once all are compared: a breaking file's consumers are read meanwhile
      List<VersionPolicy.Verdict> verdicts = new ArrayList<>();
      for (VersionPolicy.Prepared p : prepared) {
        VersionPolicy.Verdict verdict = policy.check(p);
        verdicts.add(verdict);
        problems.addAll(verdict.problems());
      }
      problems.addAll(expiredExceptions(settings, changed.versions));
      logVerdicts(base, verdicts);
      return result(base, verdicts, problems);
    }
  }

  private static GoalResult result(
      BaseRevision base, List<VersionPolicy.Verdict> verdicts, List<Problem> problems) {
    CheckVersionsReport body =
        new CheckVersionsReport(
            base.revision(),
            base.commit(),
            verdicts.stream().map(VersionPolicy.Verdict::toReport).toList());
    boolean failed = Problems.hasErrors(problems);
    String message;
    if (!problems.isEmpty()) {
      message = Problems.summary(problems);
    } else if (verdicts.isEmpty()) {
      message = "no Api file changed since " + base.describe();
    } else {
      message =
          Problems.plural(verdicts.size(), "Api file")
              + " changed since "
              + base.describe()
              + ": every version step matches its changes";
    }
    return new GoalResult(GOAL, failed ? "VERSION_CHECK_FAILED" : "OK", message, problems, body);
  }

  /**
   * Reads the two sides of each changed Api file, reporting the files that cannot be judged, and
   * keeps the version of every major line it reads.
   */
  private final class ChangedFiles {
    private final GitRepo git;
    private final Path root;
    private final BaseRevision base;
    private final List<Problem> problems;
    final Map<String, String> versions = new TreeMap<>();

    ChangedFiles(GitRepo git, Path root, BaseRevision base, List<Problem> problems) {
      this.git = git;
      this.root = root;
      this.base = base;
      this.problems = problems;
    }

    /** The file to judge, or empty when it is no Api file or a side cannot be read. */
    Optional<VersionPolicy.ApiFile> read(WorkingCopyDiff.Delta delta) throws IOException {
      Optional<ConfigLoader.Placement> place = ConfigLoader.place(delta.path());
      if (place.isEmpty() || place.get().kind() != Kind.API) {
        return Optional.empty(); // validate reports files out of place
      }
      if (!delta.onDisk() && Files.isSymbolicLink(root.resolve(delta.path()))) {
        problems.add(
            Problem.warning(
                delta.path(),
                Position.FILE,
                "",
                RuleId.LAYOUT,
                "symbolic link not followed: "
                    + delta.path()
                    + " was a file at the base and is a link now; apistage reads only regular"
                    + " files, so to every goal this Api file is deleted"));
      }
      String name = place.get().name();
      int major = place.get().major();
      Optional<OpenApiExpander.Expanded> before = Optional.empty();
      if (delta.baseBlob().isPresent()) {
        before = atBase(delta);
        if (before.isEmpty()) {
          return Optional.empty();
        }
      }
      Optional<OpenApiExpander.Expanded> after = Optional.empty();
      if (delta.onDisk()) {
        after = inWorkingCopy(delta);
        if (after.isEmpty()) {
          return Optional.empty();
        }
        if (after.get().body().str("version") != null) {
          versions.put(name + "@" + major, after.get().body().str("version"));
        }
      }
      String commit = base.commit().substring(0, Math.min(10, base.commit().length()));
      return Optional.of(OpenApiChanges.apiFile(name, major, delta.path(), before, after, commit));
    }

    private Optional<OpenApiExpander.Expanded> atBase(WorkingCopyDiff.Delta delta)
        throws IOException {
      ParsedFile parsed = parser.parse(git.readBlob(delta.baseBlob().get()), delta.path());
      if (parsed.ok()
          && parsed.problems().stream().noneMatch(Problem::isError)
          && parsed.root() instanceof YMap m) {
        Optional<OpenApiExpander.Expanded> expanded =
            OpenApiChanges.atBase(git, base.commit(), delta.path(), m, parser);
        if (expanded.isPresent()) {
          return expanded;
        }
      }
      problems.add(
          Problem.warning(
              delta.path(),
              Position.FILE,
              "",
              BASE_UNREADABLE,
              "the file at the base "
                  + base.describe()
                  + " is not a readable Api document, so its"
                  + " changes cannot be judged; check them by hand"));
      return Optional.empty();
    }

    private Optional<OpenApiExpander.Expanded> inWorkingCopy(WorkingCopyDiff.Delta delta)
        throws IOException {
      ParsedFile parsed = parser.parse(root.resolve(delta.path()), delta.path());
      problems.addAll(parsed.problems());
      if (!parsed.ok() || parsed.problems().stream().anyMatch(Problem::isError)) {
        return Optional.empty();
      }
      if (!(parsed.root() instanceof YMap m)) {
        problems.add(
            Problem.error(
                delta.path(),
                parsed.root().position(),
                "",
                RuleId.SCHEMA,
                "the document must be a mapping with kind, name and the fields of an Api"));
        return Optional.empty();
      }
      return OpenApiChanges.inWorkingCopy(root, delta.path(), m, parser, problems);
    }
  }

  private void logVerdicts(BaseRevision base, List<VersionPolicy.Verdict> verdicts) {
    context.log().info("check-versions: base " + base.describe());
    for (VersionPolicy.Verdict v : verdicts) {
      VersionPolicy.ApiFile f = v.file();
      ChangeSummary c = v.changes();
      context
          .log()
          .info(
              "api/"
                  + f.api()
                  + "@"
                  + f.major()
                  + " ("
                  + f.file()
                  + "): "
                  + (v.baseVersion() == null ? "new" : v.baseVersion())
                  + " → "
                  + (v.version() == null ? "deleted" : v.version())
                  + ", needs "
                  + v.requiredBump().label()
                  + "; "
                  + c.modified().size()
                  + " modified, "
                  + c.added().size()
                  + " added, "
                  + c.removed().size()
                  + " removed: "
                  + v.outcome());
      for (String note : v.notes()) {
        context.log().info("  " + note);
      }
    }
  }

  private List<Problem> expiredExceptions(Settings settings, Map<String, String> versions) {
    List<Problem> out = new ArrayList<>();
    if (settings.file() == null) {
      return out;
    }
    for (Settings.RuleException e : settings.exceptions()) {
      if (e.api() == null || e.version() == null) {
        continue;
      }
      Optional<SemVer> declared = SemVer.parse(e.version());
      if (declared.isEmpty()) {
        continue; // the schema of apistage.yaml reports it
      }
      // only a major line this run looked at can tell; the others did not change
      String current = versions.get(e.api() + "@" + declared.get().major());
      if (current != null && !current.equals(e.version())) {
        out.add(
            Problem.warning(
                settings.file(),
                e.at(),
                "/exceptions",
                EXCEPTION_EXPIRED,
                "the exception for "
                    + e.api()
                    + " "
                    + e.version()
                    + " ["
                    + e.rule()
                    + "] has expired: "
                    + e.api()
                    + " is now at "
                    + current
                    + "; remove it"));
      }
    }
    return out;
  }

  private Settings loadSettings(Path root, List<Problem> problems) throws IOException {
    Config config = new ConfigLoader(parser).loadSettings(root);
    problems.addAll(config.problems());
    return config.settings();
  }

  /** The policy's view of the repository: the working copy, the base and the release tags. */
  private static final class RepositoryView implements VersionPolicy.Repository {
    private final GitRepo git;
    private final Path root;
    private final String base;
    private final Settings settings;
    private CompletableFuture<Consumers> consumers;

    RepositoryView(GitRepo git, Path root, String base, Settings settings) {
      this.git = git;
      this.root = root;
      this.base = base;
      this.settings = settings;
    }

    @Override
    public boolean majorLineExists(String api, int major) throws IOException {
      for (String ext : List.of(".yaml", ".yml")) {
        String path = "apis/" + api + "/v" + major + ext;
        if (Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS)
            || git.readFile(base, path).isPresent()) {
          return true;
        }
      }
      return false;
    }

    private String tagName(String api, String version) {
      return settings.tagPattern().replace("<api>", api).replace("<version>", version);
    }

    @Override
    public Optional<VersionPolicy.TaggedFile> atReleaseTag(String api, String version, String file)
        throws IOException {
      if (version == null) {
        return Optional.empty();
      }
      String tag = tagName(api, version);
      if (!git.hasRef("refs/tags/" + tag)) {
        return Optional.empty();
      }
      // a tag that names no commit, or a commit without this file, released no version of it
      Optional<String> commit = git.resolveCommit("refs/tags/" + tag);
      if (commit.isEmpty()) {
        return Optional.empty();
      }
      Optional<byte[]> bytes = git.readFile(commit.get(), file);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      ParsedFile parsed = new YamlParser().parse(bytes.get(), file);
      if (parsed.ok()) {
        return Optional.of(new VersionPolicy.TaggedFile(tag, parsed.root().toPlain(), null));
      }
      String reason =
          parsed.problems().stream()
              .findFirst()
              .map(p -> p.line() + ":" + p.column() + ": " + p.message())
              .orElse("no document");
      return Optional.of(new VersionPolicy.TaggedFile(tag, null, reason));
    }

    /** Starts reading the consumer files on a thread of its own, once. */
    @Override
    public void expectConsumerLookup() {
      if (consumers == null) {
        consumers =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Consumers.read(root);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                task -> {
                  Thread thread = new Thread(task, "apistage-consumers");
                  thread.setDaemon(true);
                  thread.start();
                });
      }
    }

    @Override
    public List<String> consumers(String api, int major) throws IOException {
      expectConsumerLookup();
      try {
        return consumers.join().of(api, major);
      } catch (CompletionException e) {
        if (e.getCause() instanceof UncheckedIOException io) {
          throw io.getCause();
        }
        throw e;
      }
    }
  }
}
