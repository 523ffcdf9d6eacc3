package io.apistage.versions;

import static io.apistage.problem.RuleId.*;

import io.apistage.model.Settings;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Bump;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.problem.Severity;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle rules of DESIGN.md section 4 for one Api file that differs from the base: drafts
 * change freely but never go down in version; a published, deprecated or retired version is
 * immutable, so changed content needs a higher version with a bump at least the largest finding; a
 * breaking change is refused inside a major line; a new major line starts at {@code N.0.0} after
 * line {@code N-1}; states move forward only; a file may be deleted only when retired or draft at
 * the base; a release tag freezes its version. Declared exceptions lift a finding or rule for one
 * version.
 *
 * @since 0.1.0
 */
public final class VersionPolicy {

  /** The states in the order they may move. */
  public static final List<String> STATES = List.of("draft", "published", "deprecated", "retired");

  /** What the policy needs to know about the rest of the repository. */
  public interface Repository {

    /** Whether {@code apis/<api>/v<major>.yaml} exists in the working copy or at the base. */
    boolean majorLineExists(String api, int major) throws IOException;

    /** The release tag name of a version, e.g. {@code orders@1.4.2}. */
    String tagName(String api, String version);

    /** The document (plain form) of {@code file} at the release tag of a version, if tagged. */
    Optional<Object> released(String api, String version, String file) throws IOException;

    /** The keys of the assets that use {@code <api>@<major>}. */
    List<String> consumers(String api, int major) throws IOException;

    /**
     * Told by {@link #prepare} that {@link #consumers} will be asked for, so that an implementation
     * that reads many files can start now, while other files are compared.
     */
    default void consumersAhead() {}
  }

  /**
   * One Api file that differs between the base and the working copy.
   *
   * @param api the Api's name
   * @param major the file's major line
   * @param file the path relative to the config root
   * @param base the document at the base, null when the file is new
   * @param work the document in the working copy, null when the file was deleted
   */
  public record ApiFile(String api, int major, String file, YMap base, YMap work) {}

  /**
   * A finding and the exception that lifts it, if any.
   *
   * @param finding the finding
   * @param exception the reason of the declared exception, or null
   */
  public record Judged(Finding finding, String exception) {}

  /**
   * The policy's verdict on one Api file.
   *
   * @param file the file judged
   * @param baseVersion the version at the base, or null
   * @param version the version in the working copy, or null
   * @param requiredBump the largest finding not lifted by an exception
   * @param changes the change summary
   * @param findings every finding with its exception
   * @param consumers the assets that use this API major
   * @param problems the errors and warnings
   * @param notes findings that need no action, formatted like problems for the log
   */
  public record Verdict(
      ApiFile file,
      String baseVersion,
      String version,
      Bump requiredBump,
      ChangeSummary changes,
      List<Judged> findings,
      List<String> consumers,
      List<Problem> problems,
      List<String> notes) {

    public Verdict {
      findings = List.copyOf(findings);
      consumers = List.copyOf(consumers);
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }

    /** {@code error} when any problem is an error, else {@code ok}. */
    public String verdict() {
      return problems.stream().anyMatch(Problem::isError) ? "error" : "ok";
    }

    /** The report entry of DESIGN.md section 7. */
    public Map<String, Object> toPlain() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("api", file.api());
      out.put("major", file.major());
      out.put("file", file.file());
      out.put("baseVersion", baseVersion);
      out.put("version", version);
      out.put("requiredBump", requiredBump.label());
      out.put("verdict", verdict());
      out.put("changes", changes.toPlain());
      List<Map<String, Object>> list = new ArrayList<>();
      for (Judged j : findings) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", j.finding().rule().id());
        f.put("bump", j.finding().bump().label());
        f.put("field", j.finding().field());
        f.put("message", j.finding().message());
        if (j.exception() != null) {
          f.put("exception", j.exception());
        }
        list.add(f);
      }
      out.put("findings", list);
      out.put("consumers", consumers);
      return out;
    }
  }

  private final List<Settings.RuleException> exceptions;
  private final Repository repository;

  /** The policy with the declared exceptions and a view of the repository. */
  public VersionPolicy(List<Settings.RuleException> exceptions, Repository repository) {
    this.exceptions = List.copyOf(exceptions);
    this.repository = repository;
  }

  /**
   * A changed file compared with its base, ready to be judged.
   *
   * @param file the file
   * @param comparison its comparison with the base, or null when it is new or deleted
   */
  public record Prepared(ApiFile file, ApiComparator.Comparison comparison) {}

  /** Judges one file. */
  public Verdict check(ApiFile f) throws IOException {
    return check(prepare(f));
  }

  /**
   * Compares a file with its base, the first half of {@link #check(ApiFile)}. When the file will
   * need its consumers named (a breaking finding, or a deleted published file), the repository
   * hears of it now: a goal that prepares every changed file before judging any lets the lookup of
   * consumers run while the other files are read and compared.
   */
  public Prepared prepare(ApiFile f) {
    ApiComparator.Comparison cmp = null;
    if (f.base() != null && f.work() != null) {
      cmp = ApiComparator.compare(f.base().toPlain(), f.work().toPlain());
      if (cmp.findings().stream().anyMatch(finding -> finding.bump() == Bump.MAJOR)) {
        repository.consumersAhead();
      }
    } else if (f.base() != null && !deletable(f.base())) {
      repository.consumersAhead();
    }
    return new Prepared(f, cmp);
  }

  /** Judges a prepared file. */
  public Verdict check(Prepared prepared) throws IOException {
    return new Check(prepared.file(), prepared.comparison()).run();
  }

  /** The exception that lifts a rule at a pointer for an Api version, if declared. */
  public Optional<Settings.RuleException> exception(
      String api, String version, RuleId rule, String pointer) {
    for (Settings.RuleException e : exceptions) {
      if (api.equals(e.api())
          && version != null
          && version.equals(e.version())
          && rule.id().equals(e.rule())
          && (e.pointer() == null || e.pointer().isEmpty() || e.pointer().equals(pointer))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The state of a document, {@code draft} when it names none. */
  public static String state(YMap doc) {
    String s = doc == null ? null : doc.str("state");
    return s == null ? "draft" : s;
  }

  /** Whether a file in this state at the base may be deleted: retired, or never published. */
  private static boolean deletable(YMap base) {
    String state = state(base);
    return state.equals("retired") || state.equals("draft");
  }

  /**
   * The position a finding is shown at in the working copy: the value, or for a removal its parent.
   */
  public static Position position(YNode root, Finding f) {
    if (root == null) {
      return Position.FILE;
    }
    if (!f.removal()) {
      return root.positionOf(f.field());
    }
    String pointer = f.field();
    int slash = pointer.lastIndexOf('/');
    String parent = slash <= 0 ? "" : pointer.substring(0, slash);
    int up = parent.lastIndexOf('/');
    if (up >= 0 && root.at(parent.substring(0, up)) instanceof YMap grand) {
      String key = io.apistage.yaml.JsonPointer.unescape(parent.substring(up + 1));
      if (grand.has(key)) {
        return grand.keyPosition(key);
      }
    }
    return root.positionOf(parent);
  }

  /** The check of one file. */
  private final class Check {
    final ApiFile f;
    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<Judged> judged = new ArrayList<>();
    String version;
    String baseVersion;
    ChangeSummary summary = ChangeSummary.NONE;
    List<String> consumers = List.of();
    Bump required = Bump.NONE;
    final ApiComparator.Comparison cmp;

    Check(ApiFile f, ApiComparator.Comparison cmp) {
      this.f = f;
      this.cmp = cmp;
    }

    String key() {
      return f.api() + "@" + f.major();
    }

    Verdict run() throws IOException {
      baseVersion = f.base() == null ? null : f.base().str("version");
      version = f.work() == null ? null : f.work().str("version");
      if (f.work() == null) {
        deleted();
      } else if (f.base() == null) {
        created();
      } else {
        changed();
      }
      return new Verdict(
          f, baseVersion, version, required, summary, judged, consumers, problems, notes);
    }

    void deleted() throws IOException {
      summary = new ChangeSummary(List.of(), List.of(), List.of("api/" + key()));
      if (deletable(f.base())) {
        return;
      }
      String state = state(f.base());
      consumers = repository.consumers(f.api(), f.major());
      problem(
          API_FILE_DELETED,
          Position.FILE,
          "",
          baseVersion,
          f.file()
              + " was deleted while its state at the base is "
              + state
              + "; only a retired or draft Api"
              + " may be deleted: set state: retired (merged first, so consumers move on), then delete the file"
              + usedBy());
    }

    void created() throws IOException {
      summary = new ChangeSummary(List.of(), List.of("api/" + key()), List.of());
      Optional<SemVer> v = versionOf(version);
      if (v.isEmpty()) {
        return;
      }
      if (!majorMatches(v.get())) {
        return;
      }
      SemVer start = SemVer.of(f.major(), 0, 0);
      if (v.get().minor() != 0 || v.get().patch() != 0) {
        problem(
            NEW_MAJOR_LINE_START,
            at("/version"),
            "/version",
            version,
            f.file()
                + " starts major line "
                + f.major()
                + " and must start at "
                + start
                + ", not "
                + version
                + ": set version: "
                + start
                + (v.get().preRelease().isEmpty() ? "" : "-" + v.get().preRelease()));
      }
      if (f.major() > 1 && !repository.majorLineExists(f.api(), f.major() - 1)) {
        problem(
            NEW_MAJOR_LINE_GAP,
            at("/version"),
            "/version",
            version,
            f.file()
                + " starts major line "
                + f.major()
                + " but there is no apis/"
                + f.api()
                + "/v"
                + (f.major() - 1)
                + ".yaml; major lines follow each other: start v"
                + (f.major() - 1)
                + ".yaml first, or name this file v"
                + nextFreeMajor()
                + ".yaml");
      }
      frozen(v.get());
    }

    int nextFreeMajor() throws IOException {
      int n = 1;
      while (n < f.major() && repository.majorLineExists(f.api(), n)) {
        n++;
      }
      return n;
    }

    void changed() throws IOException {
      summary = cmp.summary();
      String baseState = state(f.base());
      String state = state(f.work());
      int from = STATES.indexOf(baseState);
      int to = STATES.indexOf(state);
      if (from >= 0 && to >= 0 && to < from) {
        problem(
            STATE_MOVED_BACK,
            at("/state"),
            "/state",
            version,
            "state moved back from "
                + baseState
                + " to "
                + state
                + "; states move draft → published →"
                + " deprecated → retired only: keep state: "
                + baseState);
      }
      Optional<SemVer> v = versionOf(version);
      Optional<SemVer> bv = SemVer.parse(baseVersion);
      for (Finding finding : cmp.findings()) {
        Optional<Settings.RuleException> e =
            exception(f.api(), version, finding.rule(), finding.field());
        judged.add(new Judged(finding, e.map(Settings.RuleException::reason).orElse(null)));
        if (e.isEmpty()) {
          required = required.max(finding.bump());
        }
      }
      if (required == Bump.MAJOR
          || judged.stream().anyMatch(j -> j.finding().bump() == Bump.MAJOR)) {
        consumers = repository.consumers(f.api(), f.major());
      }
      if (v.isEmpty() || !majorMatches(v.get())) {
        noteAll();
        return;
      }
      if (bv.isPresent() && v.get().compareTo(bv.get()) < 0) {
        problem(
            VERSION_DECREASED,
            at("/version"),
            "/version",
            version,
            "version went down from "
                + baseVersion
                + " to "
                + version
                + "; a version never goes down: set"
                + " version to "
                + baseVersion
                + " or higher");
        noteAll();
        return;
      }
      boolean immutable = !baseState.equals("draft") && bv.isPresent();
      if (!immutable) {
        noteAll();
        frozen(v.get());
        return;
      }
      SemVer base = bv.get();
      Bump actual = base.bumpTo(v.get());
      Bump minorNeeded = Bump.NONE;
      for (Judged j : judged) {
        if (j.exception() == null && j.finding().bump() != Bump.MAJOR) {
          minorNeeded = minorNeeded.max(j.finding().bump());
        }
      }
      for (Judged j : judged) {
        Finding finding = j.finding();
        if (j.exception() != null) {
          note(finding, "lifted by exception: " + j.exception());
        } else if (finding.bump() == Bump.MAJOR) {
          error(finding, finding.message() + " in " + version + "; " + breakingAdvice() + usedBy());
        } else if (!actual.covers(finding.bump())) {
          SemVer suggested = base.next(minorNeeded);
          String why =
              actual == Bump.NONE && v.get().compareTo(base) == 0
                  ? "; "
                      + baseState
                      + " version "
                      + baseVersion
                      + " is immutable: a "
                      + finding.bump().label()
                      + " change needs version "
                      + suggested
                  : "; a "
                      + finding.bump().label()
                      + " change, but "
                      + baseVersion
                      + " → "
                      + version
                      + " is "
                      + (actual == Bump.NONE ? "no" : "a " + actual.label())
                      + " bump: set version to "
                      + suggested;
          error(finding, finding.message() + why);
        } else {
          note(finding, null);
        }
      }
      Bump declared = Bump.NONE; // with the findings an exception lifts: their bump is intended
      for (Judged j : judged) {
        declared = declared.max(j.finding().bump());
      }
      if (required != Bump.MAJOR
          && actual.compareTo(required) > 0
          && actual.compareTo(declared) > 0) {
        String need =
            required == Bump.NONE
                ? "the contract did not change"
                : "the changes need only a "
                    + required.label()
                    + " bump ("
                    + base.next(required)
                    + ")";
        problem(
            BUMP_LARGER_THAN_NEEDED,
            at("/version"),
            "/version",
            version,
            Severity.WARNING,
            baseVersion + " → " + version + " is a " + actual.label() + " bump but " + need);
      }
      if (v.get().compareTo(base) != 0) {
        frozen(v.get());
      }
    }

    /** The version, or empty after reporting that it is not a semantic version. */
    Optional<SemVer> versionOf(String text) {
      Optional<SemVer> v = SemVer.parse(text);
      if (v.isEmpty()) {
        problem(
            VERSION_INVALID,
            at("/version"),
            "/version",
            text,
            (text == null ? "version is missing" : "version " + text + " is not a semantic version")
                + "; write MAJOR.MINOR.PATCH starting with "
                + f.major()
                + ", e.g. version: \""
                + f.major()
                + ".0.0\"");
      }
      return v;
    }

    boolean majorMatches(SemVer v) {
      if (v.major() == f.major()) {
        return true;
      }
      String advice =
          v.major() > f.major()
              ? "; a breaking change needs a new major line: create apis/"
                  + f.api()
                  + "/v"
                  + v.major()
                  + ".yaml starting at "
                  + v.major()
                  + ".0.0 and keep "
                  + f.file()
                  + " at "
                  + f.major()
                  + ".x.y"
              : "; set a " + f.major() + ".x.y version";
      problem(
          VERSION_MAJOR_MISMATCH,
          at("/version"),
          "/version",
          version,
          "version "
              + version
              + " does not belong in "
              + f.file()
              + ", whose versions are "
              + f.major()
              + ".x.y"
              + advice);
      return false;
    }

    /** A tagged release is frozen: same version, same content (state aside). */
    void frozen(SemVer v) throws IOException {
      Optional<Object> released = repository.released(f.api(), version, f.file());
      if (released.isEmpty()) {
        return;
      }
      Object tagged = withoutState(released.get());
      Object now = withoutState(f.work().toPlain());
      var diff = TreeDiff.diff(tagged, now);
      if (diff.isEmpty()) {
        return;
      }
      SemVer next = v.next(required == Bump.NONE || required == Bump.MAJOR ? Bump.PATCH : required);
      problem(
          RELEASE_FROZEN,
          at("/version"),
          "/version",
          version,
          f.api()
              + " "
              + version
              + " is released (tag "
              + repository.tagName(f.api(), version)
              + ") and frozen, but this file differs from the release at "
              + diff.get(0).path()
              + (diff.size() > 1 ? " and " + (diff.size() - 1) + " more" : "")
              + ": set version to "
              + next
              + " or higher");
    }

    String breakingAdvice() throws IOException {
      int next = f.major() + 1;
      String nextFile = "apis/" + f.api() + "/v" + next + ".yaml";
      if (repository.majorLineExists(f.api(), next)) {
        return "a breaking change needs a new major line: make it in "
            + nextFile
            + " and leave "
            + f.file()
            + " as it is";
      }
      return "a breaking change needs a new major line: create "
          + nextFile
          + " starting at "
          + next
          + ".0.0";
    }

    String usedBy() {
      if (consumers.isEmpty()) {
        return "";
      }
      return " (used by " + String.join(", ", consumers) + ")";
    }

    Position at(String pointer) {
      return f.work() == null ? Position.FILE : f.work().positionOf(pointer);
    }

    void noteAll() {
      for (Judged j : judged) {
        note(j.finding(), j.exception() == null ? null : "lifted by exception: " + j.exception());
      }
    }

    void note(Finding finding, String extra) {
      Position p = position(f.work(), finding);
      notes.add(
          f.file()
              + ":"
              + p.line()
              + ":"
              + p.column()
              + ": "
              + finding.bump().label()
              + " ["
              + finding.rule()
              + "] "
              + finding.message()
              + (extra == null ? "" : " (" + extra + ")"));
    }

    void error(Finding finding, String message) {
      problems.add(
          Problem.error(
              f.file(), position(f.work(), finding), finding.field(), finding.rule(), message));
    }

    void problem(RuleId rule, Position at, String pointer, String forVersion, String message) {
      problem(rule, at, pointer, forVersion, Severity.ERROR, message);
    }

    void problem(
        RuleId rule,
        Position at,
        String pointer,
        String forVersion,
        Severity severity,
        String message) {
      Optional<Settings.RuleException> e = exception(f.api(), forVersion, rule, pointer);
      if (e.isPresent()) {
        notes.add(
            f.file()
                + ":"
                + at.line()
                + ":"
                + at.column()
                + ": lifted ["
                + rule
                + "] "
                + message
                + " (exception: "
                + e.get().reason()
                + ")");
        return;
      }
      problems.add(Problem.of(f.file(), at, pointer, rule, severity, message));
    }
  }

  private static Object withoutState(Object doc) {
    if (doc instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.remove("state");
      return copy;
    }
    return doc;
  }
}
