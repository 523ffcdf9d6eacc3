package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Bump;
import io.apistage.problem.Problem;
import io.apistage.versions.ApiComparator;
import io.apistage.versions.Consumers;
import io.apistage.versions.SemVer;
import io.apistage.versions.VersionPolicy;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code set-state} goal: moves an API line's {@code state} forward (draft → published →
 * deprecated → retired) and writes the version bump the version rules ask of that change, so that
 * check-versions passes on the result. Retiring a line that applications or packages still use is
 * refused with their names.
 *
 * @since 0.1.0
 */
public final class SetStateGoal {

  /** The goal's name. */
  public static final String GOAL = "set-state";

  private static final String PROPERTY = "apistage.state";

  private final GoalContext context;
  private final String line;
  private final String state;
  private final boolean dryRun;

  /**
   * The goal.
   *
   * @param context the goal's context
   * @param line the API line ({@code apistage.api}, e.g. {@code orders@1})
   * @param state the new state ({@code apistage.state})
   * @param dryRun whether to show the edit as a diff instead of writing it
   */
  public SetStateGoal(GoalContext context, String line, String state, boolean dryRun) {
    this.context = context;
    this.line = line;
    this.state = state;
    this.dryRun = dryRun;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    ApiLines lines = new ApiLines(context.configDir());
    ApiLines.Ref ref = lines.requireLine(line, GOAL, "apistage.api");
    String target = requireState();
    String path = requirePath(lines, ref);
    SetStateReport body = SetStateReport.asked(ref.toString(), path, target);
    ApiLines.YamlText file = lines.read(path);
    if (file.root() == null) {
      return EditOutcome.unreadable(GOAL, file, body);
    }
    YMap doc = file.root();
    String current = VersionPolicy.state(doc);
    body = body.read(current);
    Optional<Problem> refusal = refusal(lines, ref, path, doc, target);
    if (refusal.isPresent()) {
      return EditOutcome.refused(GOAL, refusal.get(), body);
    }
    YamlEdit edit = new YamlEdit(path, file.text());
    if (doc.has("state")) {
      edit.replaceValue(doc, "state", target);
    } else {
      edit.insertAfter(doc, doc.has("version") ? "version" : "name", "state", target);
    }
    String edited = edit.result();
    Optional<String> bumped = bump(path, doc, edited, current);
    if (bumped.isPresent()) {
      edit.replaceValue(doc, "version", bumped.get());
      edited = edit.result();
    }
    String version = bumped.orElse(doc.str("version"));
    body = body.edited(version);
    context.log().info(describe(ref, path, current, target, doc.str("version"), bumped));
    FileEdits edits =
        new FileEdits(context.configDir()).put(path, file.bytes(), ApiLines.bytes(file, edited));
    return EditOutcome.apply(context, GOAL, edits, dryRun, List.of(), body);
  }

  private static String requirePath(ApiLines lines, ApiLines.Ref ref)
      throws ApistageException, IOException {
    String path = lines.majors(ref.api()).get(ref.major());
    if (path == null) {
      throw new ApistageException(
          "unknown API line '"
              + ref
              + "' (apistage.api); lines: "
              + String.join(", ", lines.lines())
              + "; pass one with -Dapistage.api=<api>@<major>");
    }
    return path;
  }

  /** Why the state may not move: not forward, or a line to retire that is still in use. */
  private Optional<Problem> refusal(
      ApiLines lines, ApiLines.Ref ref, String path, YMap doc, String target) throws IOException {
    String current = VersionPolicy.state(doc);
    if (VersionPolicy.STATES.indexOf(target) <= VersionPolicy.STATES.indexOf(current)) {
      return Optional.of(backwards(path, doc, current, target));
    }
    if (target.equals("retired")) {
      List<String> users = users(ref);
      if (!users.isEmpty()) {
        return Optional.of(inUse(lines, ref, path, doc, users));
      }
    }
    return Optional.empty();
  }

  private static String describe(
      ApiLines.Ref ref,
      String path,
      String current,
      String target,
      String version,
      Optional<String> bumped) {
    return GOAL
        + ": "
        + ref
        + " ("
        + path
        + ") "
        + current
        + " → "
        + target
        + ", version "
        + (bumped.isPresent()
            ? version + " → " + bumped.get()
            : version + " (a state change alone needs no version bump under the version rules)");
  }

  private String requireState() throws ApistageException {
    List<String> forward = VersionPolicy.STATES.subList(1, VersionPolicy.STATES.size());
    if (state == null || !forward.contains(state.trim())) {
      throw new ApistageException(
          (state == null || state.isBlank()
                  ? GOAL + " needs a state"
                  : PROPERTY + "='" + state + "' is not a state a line can move to")
              + "; pass -D"
              + PROPERTY
              + "=<state>, one of: "
              + String.join(", ", forward));
    }
    return state.trim();
  }

  /**
   * The version the edited document needs: a published or deprecated version is immutable, so a
   * change the comparator classifies needs the bump it names; a draft changes freely.
   */
  private Optional<String> bump(String path, YMap doc, String edited, String current) {
    ParsedFile after = new YamlParser().parse(edited, path);
    Bump needed = ApiComparator.compare(doc.toPlain(), after.root().toPlain()).requiredBump();
    Optional<SemVer> version = SemVer.parse(doc.str("version"));
    if (needed == Bump.NONE || current.equals("draft") || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(version.get().next(needed).toString());
  }

  private List<String> users(ApiLines.Ref ref) throws IOException {
    return Consumers.from(new ConfigLoader().load(new DirectorySource(context.configDir())))
        .of(ref.api(), ref.major());
  }

  private static Problem backwards(String path, YMap doc, String current, String target) {
    return LifecycleRules.error(
        path,
        doc.has("state") ? doc.valuePosition("state") : doc.position(),
        "/state",
        current.equals(target) ? LifecycleRules.STATE_UNCHANGED : LifecycleRules.STATE_MOVED_BACK,
        current.equals(target)
            ? "state is " + current + " already"
            : "state is "
                + current
                + " and cannot move back to "
                + target
                + "; states move draft → published → deprecated → retired only");
  }

  private static Problem inUse(
      ApiLines lines, ApiLines.Ref ref, String path, YMap doc, List<String> users) {
    Integer newer = lines.majors(ref.api()).higherKey(ref.major());
    String advice =
        newer == null
            ? "start a new line with mvn apistage:new-version -Dapistage.api="
                + ref.api()
                + ", then move them with mvn apistage:upgrade-access"
            : "move them first with mvn apistage:upgrade-access -Dapistage.api="
                + ref.api()
                + " -Dapistage.from="
                + ref.major()
                + " -Dapistage.to="
                + lines.majors(ref.api()).lastKey();
    return LifecycleRules.error(
        path,
        doc.has("state") ? doc.valuePosition("state") : doc.position(),
        "/state",
        LifecycleRules.RETIRED_IN_USE,
        ref + " is still used by " + String.join(", ", users) + "; " + advice);
  }
}
