package io.apistage.lifecycle;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import io.apistage.versions.VersionPolicy;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code upgrade-access} goal: every Application and Package that uses {@code <api>@<from>} (or
 * the named ones) uses {@code <api>@<to>} afterwards; Subscriptions follow through their Packages.
 * Per consumer it prints the breaking findings between the two lines, from the comparator of
 * check-versions, that the consumer must adapt to. A draft target line is allowed with a warning; a
 * retired or missing one is refused.
 *
 * @since 0.1.0
 */
public final class UpgradeAccessGoal {

  /** The goal's name. */
  public static final String GOAL = "upgrade-access";

  /**
   * What the goal is asked.
   *
   * @param api the API ({@code apistage.api})
   * @param to the target major ({@code apistage.to})
   * @param from the major moved from ({@code apistage.from}), null for every other line
   * @param consumers the Applications and Packages to move ({@code apistage.consumers}), comma
   *     separated, null for all
   * @param dryRun whether to show the edits as a diff instead of writing them
   */
  public record Request(String api, String to, String from, String consumers, boolean dryRun) {}

  /** One consumer to move: its asset, the item of its {@code apis} list, and the line it leaves. */
  private record Move(Asset asset, int item, int from) {}

  private final GoalContext context;
  private final Request request;

  /** The goal for a context and a request. */
  public UpgradeAccessGoal(GoalContext context, Request request) {
    this.context = context;
    this.request = request;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    ApiLines lines = new ApiLines(context.configDir());
    String api = lines.requireApi(request.api(), GOAL, "apistage.api");
    TreeMap<Integer, String> majors = lines.majors(api);
    List<Integer> known = List.copyOf(majors.keySet());
    int to = requireTo(api, majors);
    Integer from = requireFrom(known, to);
    UpgradeAccessReport body =
        new UpgradeAccessReport(api, api + "@" + to, from == null ? null : api + "@" + from, null);
    ApiLines.YamlText target = lines.read(majors.get(to));
    if (target.root() == null) {
      return EditOutcome.unreadable(GOAL, target, body);
    }
    String targetState = VersionPolicy.state(target.root());
    List<Problem> notes = new ArrayList<>();
    if (targetState.equals("retired")) {
      return EditOutcome.refused(GOAL, targetProblem(target, api, to, true), body);
    }
    if (targetState.equals("draft")) {
      notes.add(targetProblem(target, api, to, false));
    }
    Config config = new ConfigLoader().load(new DirectorySource(context.configDir()));
    List<Move> moves = select(config, api, to, from);
    if (moves.isEmpty()) {
      return EditOutcome.nothingToDo(
          GOAL,
          GOAL
              + ": no application or package uses another line of "
              + api
              + (from == null ? "" : "@" + from)
              + " than "
              + api
              + "@"
              + to
              + "; nothing written",
          notes,
          body.withConsumers(List.of()));
    }
    FileEdits edits = edits(lines, moves, api + "@" + to);
    List<UpgradeAccessReport.Consumer> consumers =
        new UpgradeReport(context.log(), lines, config).report(moves(moves), api, to);
    return EditOutcome.apply(
        context, GOAL, edits, request.dryRun(), notes, body.withConsumers(consumers));
  }

  private int requireTo(String api, TreeMap<Integer, String> majors) throws ApistageException {
    List<Integer> known = List.copyOf(majors.keySet());
    int to = ApiLines.major(request.to(), "apistage.to", known);
    if (!majors.containsKey(to)) {
      throw new ApistageException(
          "apis/"
              + api
              + "/v"
              + to
              + ".yaml does not exist (apistage.to); lines of "
              + api
              + ": "
              + String.join(", ", known.stream().map(m -> api + "@" + m).toList())
              + "; pass -Dapistage.to=<major>, or start the line with mvn apistage:new-version");
    }
    return to;
  }

  private Integer requireFrom(List<Integer> known, int to) throws ApistageException {
    if (request.from() == null || request.from().isBlank()) {
      return null;
    }
    int from = ApiLines.major(request.from(), "apistage.from", known);
    if (from == to) {
      throw new ApistageException(
          "apistage.from and apistage.to are both "
              + to
              + "; pass the line to move from and the line to move to");
    }
    return from;
  }

  /** One edit per consumer file, every item of the API in it replaced by the target line. */
  private FileEdits edits(ApiLines lines, List<Move> moves, String target)
      throws ApistageException, IOException {
    Map<String, List<Move>> byFile = new LinkedHashMap<>();
    moves.forEach(m -> byFile.computeIfAbsent(m.asset().file(), f -> new ArrayList<>()).add(m));
    FileEdits edits = new FileEdits(context.configDir());
    for (Map.Entry<String, List<Move>> e : byFile.entrySet()) {
      ApiLines.YamlText file = lines.read(e.getKey());
      if (file.root() == null || !(file.root().get("apis") instanceof YSeq seq)) {
        throw new ApistageException(file.path() + " changed while it was read; run the goal again");
      }
      YamlEdit edit = new YamlEdit(file.path(), file.text());
      for (Move move : e.getValue()) {
        edit.replaceItem(seq, move.item(), target);
      }
      edits.put(file.path(), file.bytes(), ApiLines.bytes(file, edit.result()));
    }
    return edits;
  }

  private static List<UpgradeReport.Moved> moves(List<Move> moves) {
    return moves.stream().map(m -> new UpgradeReport.Moved(m.asset(), m.from())).toList();
  }

  /** The consumers to move, in key order, after checking the names asked for. */
  private List<Move> select(Config config, String api, int to, Integer from)
      throws ApistageException {
    List<Move> all = new ArrayList<>();
    for (Kind kind : List.of(Kind.APPLICATION, Kind.PACKAGE)) {
      for (Asset asset : config.all(kind)) {
        List<YNode> items = asset.body().list("apis");
        for (int i = 0; i < items.size(); i++) {
          int major = majorOf(items.get(i), api);
          if (major >= 0 && major != to && (from == null || major == from)) {
            all.add(new Move(asset, i, major));
          }
        }
      }
    }
    if (request.consumers() == null || request.consumers().isBlank()) {
      return all;
    }
    List<Move> chosen = new ArrayList<>();
    for (String raw : request.consumers().split(",")) {
      String name = raw.trim();
      List<Move> named = all.stream().filter(m -> m.asset().name().equals(name)).toList();
      if (named.isEmpty()) {
        throw new ApistageException(
            "apistage.consumers names '"
                + name
                + "', which is no application or package that"
                + " uses "
                + api
                + (from == null ? " (other than " + api + "@" + to + ")" : "@" + from)
                + "; those that do: "
                + (all.isEmpty()
                    ? "none"
                    : String.join(",", all.stream().map(m -> m.asset().name()).distinct().toList()))
                + "; pass -Dapistage.consumers=<name>,<name>");
      }
      named.stream().filter(m -> !chosen.contains(m)).forEach(chosen::add);
    }
    return chosen;
  }

  /** The major of an {@code <api>@<major>} item naming this API, else -1. */
  private static int majorOf(YNode item, String api) {
    if (item instanceof YScalar s && s.value() instanceof String text) {
      String ref = text.trim();
      if (ref.startsWith(api + "@") && ref.substring(api.length() + 1).matches("[0-9]{1,6}")) {
        return Integer.parseInt(ref.substring(api.length() + 1));
      }
    }
    return -1;
  }

  private static Problem targetProblem(
      ApiLines.YamlText target, String api, int to, boolean retired) {
    YMap doc = target.root();
    return LifecycleRules.problem(
        target.path(),
        doc.valuePosition("state"),
        "/state",
        retired ? LifecycleRules.UPGRADE_TO_RETIRED : LifecycleRules.UPGRADE_TO_DRAFT,
        retired ? Severity.ERROR : Severity.WARNING,
        retired
            ? api
                + "@"
                + to
                + " is retired; consumers cannot move to it: pass a published line with"
                + " -Dapistage.to=<major>"
            : api
                + "@"
                + to
                + " is a draft: it may still change, even in breaking ways, before it is"
                + " published (mvn apistage:set-state -Dapistage.api="
                + api
                + "@"
                + to
                + " -Dapistage.state=published)");
  }
}
