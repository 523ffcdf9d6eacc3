package io.apistage.versions;

import io.apistage.goal.CheckVersionsReport;
import io.apistage.model.Settings;
import io.apistage.openapi.OpenApiOrigins;
import io.apistage.problem.BasePlace;
import io.apistage.problem.Bump;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle rules (docs/versions.md) for one Api file that differs from the base: drafts change
 * freely but never go down in version; a published, deprecated or retired version is immutable, so
 * changed content needs a higher version with a bump at least the largest finding; a breaking
 * change is refused inside a major line; a new major line starts at {@code N.0.0} after line {@code
 * N-1}; states move forward only; a file may be deleted only when retired or draft at the base; a
 * release tag freezes its version. Declared exceptions lift a finding or rule for one version.
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

    /**
     * The file {@code file} at the release tag of a version, when the version is tagged and the
     * file is in the tagged commit.
     */
    Optional<TaggedFile> atReleaseTag(String api, String version, String file) throws IOException;

    /** The keys of the assets that use {@code <api>@<major>}. */
    List<String> consumers(String api, int major) throws IOException;

    /**
     * Told by {@link VersionPolicy#prepare} that {@link #consumers} will be asked for, so that an
     * implementation that reads many files can start now, while other files are compared.
     */
    default void expectConsumerLookup() {}
  }

  /**
   * A file at a release tag.
   *
   * @param tag the tag name, e.g. {@code orders@1.4.2}
   * @param document the document in plain form, null when it cannot be read
   * @param unreadable why it cannot be read, with the position in the tagged file; null when read
   */
  public record TaggedFile(String tag, Object document, String unreadable) {}

  /**
   * Where the values of an Api file came from, on both sides.
   *
   * @param work the OpenAPI file of each value of the working copy that came from one
   * @param base the OpenAPI file of each value at the base that came from one
   * @param baseCommit the short id of the base commit
   */
  public record Origins(OpenApiOrigins work, OpenApiOrigins base, String baseCommit) {

    /** An Api that lists its endpoints itself, on both sides. */
    public static final Origins NONE = new Origins(OpenApiOrigins.NONE, OpenApiOrigins.NONE, "");
  }

  /**
   * One Api file that differs between the base and the working copy.
   *
   * @param api the Api's name
   * @param major the file's major line
   * @param file the path relative to the config root
   * @param base the document at the base, null when the file is new
   * @param work the document in the working copy, null when the file was deleted
   * @param origins the OpenAPI file of each value that came from one, on both sides
   */
  public record ApiFile(String api, int major, String file, YMap base, YMap work, Origins origins) {

    /** A file whose endpoints are its own. */
    public ApiFile(String api, int major, String file, YMap base, YMap work) {
      this(api, major, file, base, work, Origins.NONE);
    }

    /** The file a value of the working copy is in: this one, or the OpenAPI file it came from. */
    public String fileAt(String pointer) {
      return origins.work().fileAt(work, pointer, file);
    }

    /**
     * Where a finding's element was at the base, when it was in an OpenAPI file there; null for a
     * finding of the Api file itself or of an added element.
     */
    public BasePlace basePlace(Finding finding) {
      String pointer = finding.baseField();
      if (base == null || pointer == null || origins.base().isEmpty()) {
        return null;
      }
      String in = origins.base().fileAt(base, pointer, file);
      if (in.equals(file)) {
        return null;
      }
      return new BasePlace(in, placeAtBase(pointer, finding.removal()), origins.baseCommit());
    }

    /** A removed value's key where it has one (the line it began on), else the value's place. */
    private Position placeAtBase(String pointer, boolean removal) {
      int slash = pointer.lastIndexOf('/');
      if (removal && slash >= 0 && base.at(pointer.substring(0, slash)) instanceof YMap parent) {
        String key = JsonPointer.unescape(pointer.substring(slash + 1));
        if (parent.has(key)) {
          return parent.keyPosition(key);
        }
      }
      return base.positionOf(pointer);
    }
  }

  /**
   * A finding and the exception that lifts it, if any.
   *
   * @param finding the finding
   * @param exception the reason of the declared exception, or null
   */
  public record Judged(Finding finding, String exception) {}

  /**
   * The version step of one Api file.
   *
   * @param baseVersion the version at the base, or null
   * @param version the version in the working copy, or null
   * @param requiredBump the largest finding not lifted by an exception
   * @param changes the change summary
   */
  public record Step(
      String baseVersion, String version, Bump requiredBump, ChangeSummary changes) {}

  /**
   * The policy's verdict on one Api file.
   *
   * @param file the file judged
   * @param step its version step
   * @param findings every finding with its exception
   * @param consumers the assets that use this API major
   * @param problems the errors and warnings
   * @param notes findings that need no action, formatted like problems for the log
   */
  public record Verdict(
      ApiFile file,
      Step step,
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

    /** The version at the base, or null. */
    public String baseVersion() {
      return step.baseVersion();
    }

    /** The version in the working copy, or null. */
    public String version() {
      return step.version();
    }

    /** The largest finding not lifted by an exception. */
    public Bump requiredBump() {
      return step.requiredBump();
    }

    /** The change summary. */
    public ChangeSummary changes() {
      return step.changes();
    }

    /** {@code error} when any problem is an error, else {@code ok}. */
    public String outcome() {
      return problems.stream().anyMatch(Problem::isError) ? "error" : "ok";
    }

    /** The entry of the check-versions report (docs/versions.md). */
    public CheckVersionsReport.ApiVerdict toReport() {
      List<CheckVersionsReport.Finding> list = new ArrayList<>();
      for (Judged j : findings) {
        Finding f = j.finding();
        list.add(
            new CheckVersionsReport.Finding(
                f.rule().id(),
                f.bump().label(),
                f.field(),
                f.message(),
                j.exception(),
                file.basePlace(f)));
      }
      return new CheckVersionsReport.ApiVerdict(
          new CheckVersionsReport.ApiLine(file.api(), file.major(), file.file()),
          new CheckVersionsReport.VersionStep(baseVersion(), version(), requiredBump().label()),
          outcome(),
          new CheckVersionsReport.Changes(
              changes().modified(), changes().added(), changes().removed()),
          list,
          consumers);
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
        repository.expectConsumerLookup();
      }
    } else if (f.base() != null && !mayBeDeleted(f.base())) {
      repository.expectConsumerLookup();
    }
    return new Prepared(f, cmp);
  }

  /** Judges a prepared file. */
  public Verdict check(Prepared prepared) throws IOException {
    return new LifecycleCheck(this, repository, prepared).run();
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
  static boolean mayBeDeleted(YMap base) {
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
      String key = JsonPointer.unescape(parent.substring(up + 1));
      if (grand.has(key)) {
        return grand.keyPosition(key);
      }
    }
    return root.positionOf(parent);
  }
}
