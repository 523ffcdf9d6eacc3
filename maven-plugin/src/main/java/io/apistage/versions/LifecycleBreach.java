package io.apistage.versions;

import static io.apistage.problem.RuleId.*;

import io.apistage.problem.Bump;
import io.apistage.problem.RuleId;
import io.apistage.problem.Severity;
import java.util.List;

/**
 * One lifecycle rule an Api file's version step breaks, as facts: what {@link LifecycleCheck}
 * decided, before {@link LifecycleMessages} words it for the person fixing the file. Each kind
 * names its rule and the field it is shown at.
 *
 * @since 0.1.0
 */
sealed interface LifecycleBreach {

  /** The rule broken, from {@link RuleId}. */
  RuleId rule();

  /**
   * The JSON pointer the problem is shown at, {@code ""} for the whole file; most lifecycle rules
   * judge the version.
   */
  default String pointer() {
    return "/version";
  }

  /** Error, unless the rule only warns. */
  default Severity severity() {
    return Severity.ERROR;
  }

  /** A breach that is a change finding judged against the version step. */
  sealed interface OfFinding extends LifecycleBreach {
    Finding finding();

    @Override
    default RuleId rule() {
      return finding().rule();
    }

    @Override
    default String pointer() {
      return finding().field();
    }
  }

  /**
   * A file deleted while its state at the base is neither retired nor draft.
   *
   * @param file the file
   * @param baseState its state at the base
   * @param consumers the assets that use it
   */
  record DeletedWhileInUse(String file, String baseState, List<String> consumers)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return API_FILE_DELETED;
    }

    @Override
    public String pointer() {
      return "";
    }
  }

  /**
   * A new major line that does not start at {@code N.0.0}.
   *
   * @param file the new file
   * @param start the version it must start at
   * @param version the version it has
   * @param preRelease the pre-release part of that version, kept in the advice
   */
  record MajorLineStartsLate(String file, SemVer start, String version, String preRelease)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return NEW_MAJOR_LINE_START;
    }
  }

  /**
   * A new major line without the line before it.
   *
   * @param file the new file
   * @param api the Api
   * @param major its major line
   * @param nextFreeMajor the first major line of the Api that does not exist
   */
  record MajorLineGap(String file, String api, int major, int nextFreeMajor)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return NEW_MAJOR_LINE_GAP;
    }
  }

  /** A state that moved back, e.g. deprecated to published. */
  record StateMovedBack(String baseState, String state) implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return STATE_MOVED_BACK;
    }

    @Override
    public String pointer() {
      return "/state";
    }
  }

  /**
   * A version that is missing or not {@code MAJOR.MINOR.PATCH}.
   *
   * @param text the version as written, null when missing
   * @param major the file's major line, for the example
   */
  record VersionInvalid(String text, int major) implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return VERSION_INVALID;
    }
  }

  /**
   * A version of another major line than the file's.
   *
   * @param version the version
   * @param versionMajor its major
   * @param api the Api
   * @param file the file
   * @param fileMajor the file's major line
   */
  record VersionMajorMismatch(
      String version, long versionMajor, String api, String file, int fileMajor)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return VERSION_MAJOR_MISMATCH;
    }
  }

  /** A version lower than at the base. */
  record VersionDecreased(String baseVersion, String version) implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return VERSION_DECREASED;
    }
  }

  /**
   * A released version whose content differs from the release.
   *
   * @param api the Api
   * @param version the released version
   * @param tag the release tag
   * @param firstDifference the readable path of the first difference
   * @param moreDifferences how many more differences there are
   * @param next the lowest version the file may take instead
   */
  record ReleaseChanged(
      String api,
      String version,
      String tag,
      String firstDifference,
      int moreDifferences,
      SemVer next)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return RELEASE_FROZEN;
    }
  }

  /**
   * A released version whose file at the release tag cannot be read, so it cannot be shown to be
   * unchanged.
   *
   * @param api the Api
   * @param version the released version
   * @param tag the release tag
   * @param file the file
   * @param reason why the file at the tag cannot be read, with its position there
   * @param next the lowest version the file may take instead
   */
  record ReleaseUnreadable(
      String api, String version, String tag, String file, String reason, SemVer next)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return RELEASE_FROZEN;
    }
  }

  /**
   * A version step larger than the changes need: a warning.
   *
   * @param baseVersion the version at the base
   * @param version the version now
   * @param actual the bump taken
   * @param required the bump the changes need
   * @param enough the version the required bump leads to, null when nothing changed
   */
  record BumpLargerThanNeeded(
      String baseVersion, String version, Bump actual, Bump required, SemVer enough)
      implements LifecycleBreach {
    @Override
    public RuleId rule() {
      return BUMP_LARGER_THAN_NEEDED;
    }

    @Override
    public Severity severity() {
      return Severity.WARNING;
    }
  }

  /**
   * A breaking finding inside a major line.
   *
   * @param finding the finding
   * @param version the version it was made in
   * @param file the file
   * @param nextLine the major line the change belongs in
   * @param consumers the assets that use this major line
   */
  record BreakingChange(
      Finding finding, String version, String file, NextLine nextLine, List<String> consumers)
      implements OfFinding {}

  /**
   * The major line after a file's.
   *
   * @param major its number
   * @param file its file, e.g. {@code apis/orders/v2.yaml}
   * @param exists whether that file exists in the working copy or at the base
   */
  record NextLine(int major, String file, boolean exists) {}

  /**
   * A finding in an immutable version whose version did not change.
   *
   * @param finding the finding
   * @param baseState the state at the base
   * @param baseVersion the version at the base and now
   * @param suggested the version the changes need
   */
  record ImmutableVersionChanged(
      Finding finding, String baseState, String baseVersion, SemVer suggested)
      implements OfFinding {}

  /**
   * A finding that needs a larger bump than the version step takes.
   *
   * @param finding the finding
   * @param baseVersion the version at the base
   * @param version the version now
   * @param actual the bump taken
   * @param suggested the version the changes need
   */
  record BumpTooSmall(
      Finding finding, String baseVersion, String version, Bump actual, SemVer suggested)
      implements OfFinding {}
}
