package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stages of a configuration in promotion order: the first stage (no {@code promotesFrom}), then
 * the stages that promote from it, breadth first, by name. A chain has one first stage and no
 * cycle; a {@code promotesFrom} that names no stage, a second first stage and stages caught in a
 * cycle are problems of rule {@code stage-chain}.
 *
 * @since 0.1.0
 */
public final class StageChain {

  /** The property that picks one stage, for messages. */
  public static final String STAGE_PROPERTY = "apistage.stage";

  private final Map<String, Stage> byName;
  private final List<Stage> order;
  private final List<Problem> problems;

  private StageChain(Map<String, Stage> byName, List<Stage> order, List<Problem> problems) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.order = List.copyOf(order);
    this.problems = List.copyOf(problems);
  }

  /** The chain of the Stage assets of a configuration. */
  public static StageChain of(Config config) {
    Map<String, Stage> byName = new TreeMap<>();
    for (Asset asset : config.all(Kind.STAGE)) {
      byName.put(asset.name(), Stage.of(asset));
    }
    return of(byName.values());
  }

  /** The chain of the given stages. */
  public static StageChain of(Iterable<Stage> stages) {
    Map<String, Stage> byName = new TreeMap<>();
    stages.forEach(s -> byName.put(s.name(), s));
    List<Problem> problems = new ArrayList<>();
    List<Stage> firsts = new ArrayList<>();
    Map<String, List<Stage>> children = new TreeMap<>();
    for (Stage stage : byName.values()) {
      if (stage.isFirst()) {
        firsts.add(stage);
      } else {
        link(stage, byName, children).ifPresent(problems::add);
      }
    }
    problems.addAll(extraFirsts(firsts));
    List<Stage> order = new ArrayList<>();
    Deque<Stage> queue = new ArrayDeque<>();
    if (!firsts.isEmpty()) {
      queue.add(firsts.get(0));
    }
    while (!queue.isEmpty()) {
      Stage stage = queue.poll();
      order.add(stage);
      queue.addAll(children.getOrDefault(stage.name(), List.of()));
    }
    problems.addAll(cycles(byName, order, firsts));
    return new StageChain(byName, order, problems);
  }

  /**
   * Adds a stage that is not the first as a child of the stage it promotes from, or returns the
   * problem when that stage does not exist or is itself.
   */
  private static Optional<Problem> link(
      Stage stage, Map<String, Stage> byName, Map<String, List<Stage>> children) {
    if (!byName.containsKey(stage.promotesFrom())) {
      return Optional.of(
          promotesFromProblem(
              stage,
              "stage "
                  + stage.name()
                  + " promotes from '"
                  + stage.promotesFrom()
                  + "', which is not a stage; known stages: "
                  + String.join(", ", byName.keySet())));
    }
    if (stage.promotesFrom().equals(stage.name())) {
      return Optional.of(
          promotesFromProblem(
              stage, "stage " + stage.name() + " promotes from itself; name the stage before it"));
    }
    children.computeIfAbsent(stage.promotesFrom(), k -> new ArrayList<>()).add(stage);
    return Optional.empty();
  }

  /** A chain has one first stage: every other stage without promotesFrom is a problem. */
  private static List<Problem> extraFirsts(List<Stage> firsts) {
    List<Problem> problems = new ArrayList<>();
    for (Stage extra : firsts.subList(Math.min(1, firsts.size()), firsts.size())) {
      problems.add(
          Problem.error(
              extra.file(),
              extra.body().position(),
              "",
              RuleId.STAGE_CHAIN,
              "stages "
                  + firsts.get(0).name()
                  + " and "
                  + extra.name()
                  + " both lack promotesFrom, but a stage chain has one first stage; set promotesFrom"
                  + " on all stages but the first"));
    }
    return problems;
  }

  /** The stages whose promotesFrom names a stage, yet that are never reached from the first. */
  private static List<Problem> cycles(
      Map<String, Stage> byName, List<Stage> order, List<Stage> firsts) {
    List<Problem> problems = new ArrayList<>();
    for (Stage stage : byName.values()) {
      if (!order.contains(stage)
          && !stage.isFirst()
          && byName.containsKey(stage.promotesFrom())
          && !stage.promotesFrom().equals(stage.name())
          && !reachesFirst(stage, byName, firsts)) {
        problems.add(
            promotesFromProblem(
                stage,
                "stage "
                    + stage.name()
                    + " is in a promotesFrom cycle ("
                    + cycle(stage, byName)
                    + ") and never reached from the first stage; break the cycle"));
      }
    }
    return problems;
  }

  /** A problem of the stage chain at a stage's promotesFrom. */
  private static Problem promotesFromProblem(Stage stage, String message) {
    return Problem.error(
        stage.file(),
        stage.body().valuePosition("promotesFrom"),
        "/promotesFrom",
        RuleId.STAGE_CHAIN,
        message);
  }

  private static boolean reachesFirst(Stage stage, Map<String, Stage> byName, List<Stage> firsts) {
    Stage at = stage;
    for (int i = 0; i <= byName.size() && at != null; i++) {
      if (at.isFirst()) {
        return firsts.contains(at);
      }
      at = byName.get(at.promotesFrom());
    }
    return false;
  }

  private static String cycle(Stage stage, Map<String, Stage> byName) {
    List<String> names = new ArrayList<>();
    Stage at = stage;
    while (at != null && !names.contains(at.name())) {
      names.add(at.name());
      at = at.isFirst() ? null : byName.get(at.promotesFrom());
    }
    if (at != null) {
      names.add(at.name());
    }
    return String.join(" <- ", names);
  }

  /** The problems of the chain; empty when it is sound. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether there are no stages at all. */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** The stages in promotion order (first stage first); stages outside the chain are left out. */
  public List<Stage> order() {
    return order;
  }

  /** The names of all stages, in promotion order, then the ones outside the chain by name. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    order.forEach(s -> out.add(s.name()));
    byName.keySet().stream().filter(n -> !out.contains(n)).forEach(out::add);
    return out;
  }

  /** The first stage, if the chain has one. */
  public Optional<Stage> first() {
    return order.isEmpty() ? Optional.empty() : Optional.of(order.get(0));
  }

  /** The stage with a name, if any. */
  public Optional<Stage> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The stage with a name.
   *
   * @throws ApistageException naming the known stages and the {@code -Dapistage.stage=} form
   */
  public Stage get(String name) throws ApistageException {
    Stage stage = byName.get(name);
    if (stage == null) {
      throw new ApistageException(unknown(name));
    }
    return stage;
  }

  /**
   * The stage a goal was asked for with {@code -Dapistage.stage}.
   *
   * @param goal the goal's name, for the message when no stage was given
   * @throws ApistageException when the name is blank (listing the stages) or unknown
   */
  public Stage required(String name, String goal) throws ApistageException {
    if (name == null || name.isBlank()) {
      throw new ApistageException(
          goal
              + " needs a stage: pass -Dapistage.stage=<stage> (stages: "
              + String.join(", ", names())
              + ")");
    }
    return get(name);
  }

  /** The message for an unknown stage name. */
  public String unknown(String name) {
    if (byName.isEmpty()) {
      return "unknown stage '"
          + name
          + "' ("
          + STAGE_PROPERTY
          + "): this repository declares no stages; add stages/"
          + name
          + ".yaml with kind: Stage";
    }
    List<String> names = names();
    return "unknown stage '"
        + name
        + "' ("
        + STAGE_PROPERTY
        + "); known stages: "
        + String.join(", ", names)
        + "; pass one with -D"
        + STAGE_PROPERTY
        + "="
        + names.get(0)
        + ", or omit it for all";
  }

  /** The stage a stage promotes from: empty for the first stage (its source is the main branch). */
  public Optional<Stage> promotesFrom(Stage stage) {
    return stage.isFirst()
        ? Optional.empty()
        : Optional.ofNullable(byName.get(stage.promotesFrom()));
  }

  /** The stages that promote from a stage, by name. */
  public List<Stage> next(Stage stage) {
    List<Stage> out = new ArrayList<>();
    for (Stage s : byName.values()) {
      if (stage.name().equals(s.promotesFrom())) {
        out.add(s);
      }
    }
    return out;
  }

  /** The position of a field of a stage's file, for problems about it. */
  static Position position(Stage stage, String field) {
    YMap state = stage.body().map("state");
    if (state != null && state.has(field)) {
      return state.valuePosition(field);
    }
    return stage.body().valuePosition(field);
  }

  /**
   * The stage chain declared in the {@code stages/} files of a commit; refused when those files
   * have errors or declare no stage.
   */
  public static StageChain declaredAt(GitRepo git, String head)
      throws ApistageException, IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, String> e : git.listFiles(head).entrySet()) {
      if (e.getKey().startsWith("stages/") && ConfigLoader.isYaml(e.getKey())) {
        files.put(e.getKey(), git.readBlob(e.getValue()));
      }
    }
    Config config = new ConfigLoader().load(new MemorySource(files));
    StageChain chain = StageChain.of(config);
    List<Problem> problems = new ArrayList<>(config.problems());
    problems.addAll(chain.problems());
    if (Problems.hasErrors(problems)) {
      throw new ApistageException(
          "the stages at HEAD have errors: "
              + problems.get(0).format()
              + "; run mvn apistage:validate");
    }
    if (chain.isEmpty()) {
      throw new ApistageException(
          "this repository declares no stages; add stages/<name>.yaml with kind: Stage");
    }
    return chain;
  }
}
