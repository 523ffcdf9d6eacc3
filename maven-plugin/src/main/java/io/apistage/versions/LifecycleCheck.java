package io.apistage.versions;

import io.apistage.model.Settings;
import io.apistage.model.TreeDiff;
import io.apistage.problem.BasePlace;
import io.apistage.problem.Bump;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle rules applied to one Api file: decides which {@link LifecycleBreach}es its version
 * step makes, lifts those a declared exception covers, and hands the rest to {@link
 * LifecycleMessages} to become problems. Used once per file by {@link VersionPolicy}.
 *
 * @since 0.1.0
 */
final class LifecycleCheck {

  private final VersionPolicy policy;
  private final VersionPolicy.Repository repository;
  private final VersionPolicy.ApiFile f;
  private final ApiComparator.Comparison cmp;
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<VersionPolicy.Judged> judged = new ArrayList<>();
  private final String baseVersion;
  private final String version;
  private ChangeSummary summary = ChangeSummary.NONE;
  private List<String> consumers = List.of();
  private Bump required = Bump.NONE;

  LifecycleCheck(
      VersionPolicy policy, VersionPolicy.Repository repository, VersionPolicy.Prepared prepared) {
    this.policy = policy;
    this.repository = repository;
    this.f = prepared.file();
    this.cmp = prepared.comparison();
    this.baseVersion = f.base() == null ? null : f.base().str("version");
    this.version = f.work() == null ? null : f.work().str("version");
  }

  VersionPolicy.Verdict run() throws IOException {
    if (f.work() == null) {
      checkDeletion();
    } else if (f.base() == null) {
      checkNewFile();
    } else {
      checkChangedFile();
    }
    return new VersionPolicy.Verdict(
        f,
        new VersionPolicy.Step(baseVersion, version, required, summary),
        judged,
        consumers,
        problems,
        notes);
  }

  private String key() {
    return f.api() + "@" + f.major();
  }

  private void checkDeletion() throws IOException {
    summary = new ChangeSummary(List.of(), List.of(), List.of("api/" + key()));
    if (VersionPolicy.mayBeDeleted(f.base())) {
      return;
    }
    consumers = repository.consumers(f.api(), f.major());
    report(
        new LifecycleBreach.DeletedWhileInUse(f.file(), VersionPolicy.state(f.base()), consumers),
        baseVersion);
  }

  private void checkNewFile() throws IOException {
    summary = new ChangeSummary(List.of(), List.of("api/" + key()), List.of());
    Optional<SemVer> v = parseVersion();
    if (v.isEmpty() || !checkMajorMatches(v.get())) {
      return;
    }
    if (v.get().minor() != 0 || v.get().patch() != 0) {
      SemVer start = SemVer.of(f.major(), 0, 0);
      report(
          new LifecycleBreach.MajorLineStartsLate(f.file(), start, version, v.get().preRelease()),
          version);
    }
    if (f.major() > 1 && !repository.majorLineExists(f.api(), f.major() - 1)) {
      report(
          new LifecycleBreach.MajorLineGap(f.file(), f.api(), f.major(), nextFreeMajor()), version);
    }
    checkReleaseFreeze(v.get());
  }

  private int nextFreeMajor() throws IOException {
    int n = 1;
    while (n < f.major() && repository.majorLineExists(f.api(), n)) {
      n++;
    }
    return n;
  }

  private void checkChangedFile() throws IOException {
    summary = cmp.summary();
    String baseState = VersionPolicy.state(f.base());
    String state = VersionPolicy.state(f.work());
    int from = VersionPolicy.STATES.indexOf(baseState);
    int to = VersionPolicy.STATES.indexOf(state);
    if (from >= 0 && to >= 0 && to < from) {
      report(new LifecycleBreach.StateMovedBack(baseState, state), version);
    }
    Optional<SemVer> v = parseVersion();
    Optional<SemVer> bv = SemVer.parse(baseVersion);
    judgeFindings();
    if (v.isEmpty() || !checkMajorMatches(v.get())) {
      noteAll();
      return;
    }
    if (bv.isPresent() && v.get().compareTo(bv.get()) < 0) {
      report(new LifecycleBreach.VersionDecreased(baseVersion, version), version);
      noteAll();
      return;
    }
    boolean immutable = !baseState.equals("draft") && bv.isPresent();
    if (!immutable) {
      noteAll();
      checkReleaseFreeze(v.get());
      return;
    }
    checkImmutableStep(baseState, bv.get(), v.get());
    if (v.get().compareTo(bv.get()) != 0) {
      checkReleaseFreeze(v.get());
    }
  }

  /** Pairs every finding with the exception that lifts it; names consumers of a breaking one. */
  private void judgeFindings() throws IOException {
    for (Finding finding : cmp.findings()) {
      Optional<Settings.RuleException> e =
          policy.exception(f.api(), version, finding.rule(), finding.field());
      judged.add(
          new VersionPolicy.Judged(finding, e.map(Settings.RuleException::reason).orElse(null)));
      if (e.isEmpty()) {
        required = required.max(finding.bump());
      }
    }
    if (required == Bump.MAJOR || judged.stream().anyMatch(j -> j.finding().bump() == Bump.MAJOR)) {
      consumers = repository.consumers(f.api(), f.major());
    }
  }

  /** A step from an immutable (published, deprecated, retired) version: it must cover each. */
  private void checkImmutableStep(String baseState, SemVer base, SemVer v) throws IOException {
    Bump actual = base.bumpTo(v);
    Bump minorNeeded = Bump.NONE;
    for (VersionPolicy.Judged j : judged) {
      if (j.exception() == null && j.finding().bump() != Bump.MAJOR) {
        minorNeeded = minorNeeded.max(j.finding().bump());
      }
    }
    for (VersionPolicy.Judged j : judged) {
      Finding finding = j.finding();
      if (j.exception() != null) {
        note(finding, "lifted by exception: " + j.exception());
      } else if (finding.bump() == Bump.MAJOR) {
        report(
            new LifecycleBreach.BreakingChange(finding, version, f.file(), nextLine(), consumers),
            version);
      } else if (!actual.covers(finding.bump())) {
        SemVer suggested = base.next(minorNeeded);
        report(
            actual == Bump.NONE && v.compareTo(base) == 0
                ? new LifecycleBreach.ImmutableVersionChanged(
                    finding, baseState, baseVersion, suggested)
                : new LifecycleBreach.BumpTooSmall(
                    finding, baseVersion, version, actual, suggested),
            version);
      } else {
        note(finding, null);
      }
    }
    Bump declared = Bump.NONE; // with the findings an exception lifts: their bump is intended
    for (VersionPolicy.Judged j : judged) {
      declared = declared.max(j.finding().bump());
    }
    if (required != Bump.MAJOR
        && actual.compareTo(required) > 0
        && actual.compareTo(declared) > 0) {
      SemVer enough = required == Bump.NONE ? null : base.next(required);
      report(
          new LifecycleBreach.BumpLargerThanNeeded(baseVersion, version, actual, required, enough),
          version);
    }
  }

  private LifecycleBreach.NextLine nextLine() throws IOException {
    int next = f.major() + 1;
    return new LifecycleBreach.NextLine(
        next, "apis/" + f.api() + "/v" + next + ".yaml", repository.majorLineExists(f.api(), next));
  }

  /** The version, or empty after reporting that it is not a semantic version. */
  private Optional<SemVer> parseVersion() {
    Optional<SemVer> v = SemVer.parse(version);
    if (v.isEmpty()) {
      report(new LifecycleBreach.VersionInvalid(version, f.major()), version);
    }
    return v;
  }

  /** Whether the version belongs in the file's major line; reports it when not. */
  private boolean checkMajorMatches(SemVer v) {
    if (v.major() == f.major()) {
      return true;
    }
    report(
        new LifecycleBreach.VersionMajorMismatch(version, v.major(), f.api(), f.file(), f.major()),
        version);
    return false;
  }

  /** A tagged release is frozen: same version, same content (state aside). */
  private void checkReleaseFreeze(SemVer v) throws IOException {
    Optional<VersionPolicy.TaggedFile> released =
        repository.atReleaseTag(f.api(), version, f.file());
    if (released.isEmpty()) {
      return;
    }
    VersionPolicy.TaggedFile tagged = released.get();
    SemVer next = v.next(required == Bump.NONE || required == Bump.MAJOR ? Bump.PATCH : required);
    if (tagged.document() == null) {
      report(
          new LifecycleBreach.ReleaseUnreadable(
              f.api(), version, tagged.tag(), f.file(), tagged.unreadable(), next),
          version);
      return;
    }
    var diff = TreeDiff.diff(withoutState(tagged.document()), withoutState(f.work().toPlain()));
    if (!diff.isEmpty()) {
      report(
          new LifecycleBreach.ReleaseChanged(
              f.api(), version, tagged.tag(), diff.get(0).path(), diff.size() - 1, next),
          version);
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

  private void noteAll() {
    for (VersionPolicy.Judged j : judged) {
      note(j.finding(), j.exception() == null ? null : "lifted by exception: " + j.exception());
    }
  }

  private void note(Finding finding, String remark) {
    String note =
        LifecycleMessages.note(
            f.fileAt(finding.field()), VersionPolicy.position(f.work(), finding), finding, remark);
    BasePlace was = f.basePlace(finding);
    notes.add(was == null ? note : note + "\n    " + was.format());
  }

  /**
   * A breach becomes a problem at its field, unless an exception declared for {@code forVersion}
   * lifts it: then it is a note.
   */
  private void report(LifecycleBreach breach, String forVersion) {
    Position at = positionOf(breach);
    String file =
        breach instanceof LifecycleBreach.OfFinding b ? f.fileAt(b.finding().field()) : f.file();
    Optional<Settings.RuleException> e =
        policy.exception(f.api(), forVersion, breach.rule(), breach.pointer());
    if (e.isPresent()) {
      notes.add(LifecycleMessages.lifted(file, at, breach, e.get().reason()));
      return;
    }
    String message = LifecycleMessages.message(breach);
    problems.add(
        Problem.error(file, at, breach.pointer(), breach.rule(), message)
            .withSeverity(breach.severity())
            .withBasePlace(
                breach instanceof LifecycleBreach.OfFinding b ? f.basePlace(b.finding()) : null));
  }

  private Position positionOf(LifecycleBreach breach) {
    if (breach instanceof LifecycleBreach.OfFinding b) {
      return VersionPolicy.position(f.work(), b.finding());
    }
    return f.work() == null ? Position.FILE : f.work().positionOf(breach.pointer());
  }
}
