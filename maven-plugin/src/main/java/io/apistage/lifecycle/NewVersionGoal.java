package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.versions.VersionPolicy;
import io.apistage.yaml.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code new-version} goal: {@code apis/<api>/v<N+1>.yaml} made from the highest line {@code
 * vN}, at {@code <N+1>.0.0}, {@code state: draft}, without vN's {@code id}; every other byte of vN,
 * comments and layout included, is kept. Refused, with nothing written, when that file exists.
 *
 * @since 0.1.0
 */
public final class NewVersionGoal {

  /** The goal's name. */
  public static final String GOAL = "new-version";

  private final GoalContext context;
  private final String api;
  private final boolean dryRun;

  /**
   * The goal.
   *
   * @param context the goal's context
   * @param api the API ({@code apistage.api})
   * @param dryRun whether to show the new file as a diff instead of writing it
   */
  public NewVersionGoal(GoalContext context, String api, boolean dryRun) {
    this.context = context;
    this.api = api;
    this.dryRun = dryRun;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    ApiLines lines = new ApiLines(context.configDir());
    String name = lines.requireApi(api, GOAL, "apistage.api");
    TreeMap<Integer, String> majors = lines.majors(name);
    int from = majors.lastKey();
    int to = from + 1;
    String source = majors.get(from);
    String target = "apis/" + name + "/v" + to + source.substring(source.lastIndexOf('.'));
    NewVersionReport body = new NewVersionReport(name, source, target, to + ".0.0");
    Optional<Problem> taken = taken(name, to, source);
    if (taken.isPresent()) {
      return EditOutcome.refused(GOAL, taken.get(), body);
    }
    ApiLines.YamlText file = lines.read(source);
    if (file.root() == null) {
      return EditOutcome.unreadable(GOAL, file, body);
    }
    YMap doc = file.root();
    if (doc.str("version") == null) {
      return EditOutcome.refused(
          GOAL,
          LifecycleRules.error(
              source,
              doc.position(),
              "/version",
              LifecycleRules.NEW_VERSION_SOURCE,
              source + " has no version to start from; give it one first"),
          body);
    }
    String edited = edit(file, doc, to);
    FileEdits edits =
        new FileEdits(context.configDir()).put(target, null, ApiLines.bytes(file, edited));
    context
        .log()
        .info(
            GOAL
                + ": "
                + target
                + " from "
                + source
                + " ("
                + VersionPolicy.state(doc)
                + " "
                + doc.str("version")
                + ") at "
                + to
                + ".0.0, state: draft"
                + (doc.has("id") ? ", without its id" : ""));
    return EditOutcome.apply(context, GOAL, edits, dryRun, List.of(), body);
  }

  /**
   * The refusal when {@code v<to>} exists in any form (a folder, a link) under either extension.
   */
  private Optional<Problem> taken(String name, int to, String source) {
    for (String ext : List.of(".yaml", ".yml")) {
      String taken = "apis/" + name + "/v" + to + ext;
      if (Files.exists(context.configDir().resolve(taken), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(
            LifecycleRules.error(
                taken,
                Position.FILE,
                "",
                LifecycleRules.NEW_VERSION_EXISTS,
                taken
                    + " exists already; edit it, or remove it first to start it anew from "
                    + source));
      }
    }
    return Optional.empty();
  }

  /** vN's text at {@code <to>.0.0}, as a draft, without its id. */
  private static String edit(ApiLines.YamlText file, YMap doc, int to) throws ApistageException {
    YamlEdit edit =
        new YamlEdit(file.path(), file.text()).replaceValue(doc, "version", to + ".0.0");
    if (doc.has("state") && !"draft".equals(doc.str("state"))) {
      edit.replaceValue(doc, "state", "draft");
    } else if (!doc.has("state")) {
      edit.insertAfter(doc, "version", "state", "draft");
    }
    if (doc.has("id")) {
      edit.removeEntry(doc, "id");
    }
    return edit.result();
  }
}
