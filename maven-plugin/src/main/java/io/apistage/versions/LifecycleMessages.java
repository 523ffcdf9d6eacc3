package io.apistage.versions;

import io.apistage.problem.Bump;
import io.apistage.problem.Position;
import java.util.List;

/**
 * The wording of the lifecycle rules: what is wrong with a version step and what to do, for each
 * {@link LifecycleBreach}, and the log lines of findings that need no action.
 *
 * @since 0.1.0
 */
final class LifecycleMessages {

  private LifecycleMessages() {}

  /** The message of a breach: what is wrong, and how to fix it. */
  static String message(LifecycleBreach breach) {
    if (breach instanceof LifecycleBreach.DeletedWhileInUse b) {
      return b.file()
          + " was deleted while its state at the base is "
          + b.baseState()
          + "; only a retired or draft Api"
          + " may be deleted: set state: retired (merged first, so consumers move on), then delete the file"
          + usedBy(b.consumers());
    }
    if (breach instanceof LifecycleBreach.MajorLineStartsLate b) {
      return b.file()
          + " starts major line "
          + b.start().major()
          + " and must start at "
          + b.start()
          + ", not "
          + b.version()
          + ": set version: "
          + b.start()
          + (b.preRelease().isEmpty() ? "" : "-" + b.preRelease());
    }
    if (breach instanceof LifecycleBreach.MajorLineGap b) {
      return b.file()
          + " starts major line "
          + b.major()
          + " but there is no apis/"
          + b.api()
          + "/v"
          + (b.major() - 1)
          + ".yaml; major lines follow each other: start v"
          + (b.major() - 1)
          + ".yaml first, or name this file v"
          + b.nextFreeMajor()
          + ".yaml";
    }
    if (breach instanceof LifecycleBreach.StateMovedBack b) {
      return "state moved back from "
          + b.baseState()
          + " to "
          + b.state()
          + "; states move draft → published →"
          + " deprecated → retired only: keep state: "
          + b.baseState();
    }
    if (breach instanceof LifecycleBreach.VersionInvalid b) {
      return (b.text() == null
              ? "version is missing"
              : "version " + b.text() + " is not a semantic version")
          + "; write MAJOR.MINOR.PATCH starting with "
          + b.major()
          + ", e.g. version: \""
          + b.major()
          + ".0.0\"";
    }
    return versionStep(breach);
  }

  private static String versionStep(LifecycleBreach breach) {
    if (breach instanceof LifecycleBreach.VersionMajorMismatch b) {
      return majorMismatch(b);
    }
    if (breach instanceof LifecycleBreach.VersionDecreased b) {
      return "version went down from "
          + b.baseVersion()
          + " to "
          + b.version()
          + "; a version never goes down: set"
          + " version to "
          + b.baseVersion()
          + " or higher";
    }
    if (breach instanceof LifecycleBreach.BumpLargerThanNeeded b) {
      String need =
          b.enough() == null
              ? "the contract did not change"
              : "the changes need only a " + b.required().label() + " bump (" + b.enough() + ")";
      return b.baseVersion()
          + " → "
          + b.version()
          + " is a "
          + b.actual().label()
          + " bump but "
          + need;
    }
    return release(breach);
  }

  private static String release(LifecycleBreach breach) {
    if (breach instanceof LifecycleBreach.ReleaseChanged b) {
      return b.api()
          + " "
          + b.version()
          + " is released (tag "
          + b.tag()
          + ") and frozen, but this file differs from the release at "
          + b.firstDifference()
          + (b.moreDifferences() > 0 ? " and " + b.moreDifferences() + " more" : "")
          + ": set version to "
          + b.next()
          + " or higher";
    }
    if (breach instanceof LifecycleBreach.ReleaseUnreadable b) {
      return b.api()
          + " "
          + b.version()
          + " is released (tag "
          + b.tag()
          + ") and frozen, but "
          + b.file()
          + " at the tag is not a readable Api document ("
          + b.reason()
          + "), so this file cannot be shown to match the release: set version to "
          + b.next()
          + " or higher";
    }
    return ofFinding((LifecycleBreach.OfFinding) breach);
  }

  private static String ofFinding(LifecycleBreach.OfFinding breach) {
    String finding = breach.finding().message();
    String bump = breach.finding().bump().label();
    if (breach instanceof LifecycleBreach.BreakingChange b) {
      return finding + " in " + b.version() + "; " + breakingAdvice(b) + usedBy(b.consumers());
    }
    if (breach instanceof LifecycleBreach.ImmutableVersionChanged b) {
      return finding
          + "; "
          + b.baseState()
          + " version "
          + b.baseVersion()
          + " is immutable: a "
          + bump
          + " change needs version "
          + b.suggested();
    }
    LifecycleBreach.BumpTooSmall b = (LifecycleBreach.BumpTooSmall) breach;
    return finding
        + "; a "
        + bump
        + " change, but "
        + b.baseVersion()
        + " → "
        + b.version()
        + " is "
        + (b.actual() == Bump.NONE ? "no" : "a " + b.actual().label())
        + " bump: set version to "
        + b.suggested();
  }

  private static String majorMismatch(LifecycleBreach.VersionMajorMismatch b) {
    String advice =
        b.versionMajor() > b.fileMajor()
            ? "; a breaking change needs a new major line: create apis/"
                + b.api()
                + "/v"
                + b.versionMajor()
                + ".yaml starting at "
                + b.versionMajor()
                + ".0.0 and keep "
                + b.file()
                + " at "
                + b.fileMajor()
                + ".x.y"
            : "; set a " + b.fileMajor() + ".x.y version";
    return "version "
        + b.version()
        + " does not belong in "
        + b.file()
        + ", whose versions are "
        + b.fileMajor()
        + ".x.y"
        + advice;
  }

  private static String breakingAdvice(LifecycleBreach.BreakingChange b) {
    LifecycleBreach.NextLine next = b.nextLine();
    if (next.exists()) {
      return "a breaking change needs a new major line: make it in "
          + next.file()
          + " and leave "
          + b.file()
          + " as it is";
    }
    return "a breaking change needs a new major line: create "
        + next.file()
        + " starting at "
        + next.major()
        + ".0.0";
  }

  private static String usedBy(List<String> consumers) {
    if (consumers.isEmpty()) {
      return "";
    }
    return " (used by " + String.join(", ", consumers) + ")";
  }

  /**
   * The log line of a finding that needs no action, e.g. {@code apis/orders/v1.yaml:9:7: patch
   * [description-changed] ...}, with a remark in parentheses when given.
   */
  static String note(String file, Position at, Finding finding, String remark) {
    return file
        + ":"
        + at.line()
        + ":"
        + at.column()
        + ": "
        + finding.bump().label()
        + " ["
        + finding.rule()
        + "] "
        + finding.message()
        + (remark == null ? "" : " (" + remark + ")");
  }

  /** The log line of a breach that a declared exception lifts. */
  static String lifted(String file, Position at, LifecycleBreach breach, String reason) {
    return file
        + ":"
        + at.line()
        + ":"
        + at.column()
        + ": lifted ["
        + breach.rule()
        + "] "
        + message(breach)
        + " (exception: "
        + reason
        + ")";
  }
}
