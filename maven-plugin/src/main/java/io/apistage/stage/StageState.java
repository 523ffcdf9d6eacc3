package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stage's deployed state at one commit of its branch, as {@link StageStore#read} found it.
 *
 * @param stage the stage
 * @param commit the commit the state was read at, or empty for a stage never deployed to (no branch
 *     yet)
 * @param content what the stage's tree holds: the assets as the stage runs them (aliases resolved,
 *     secrets as references), by key, in plain normalized form ({@link
 *     io.apistage.model.TreeDiff#normalize}); the assets as authored (alias references intact); the
 *     authored aliases the assets use; the promotion and rollback records, oldest first; and the id
 *     of the last record as the state's metadata names it
 * @param deployed the running assets with positions, their files named {@code <branch>:<path>}
 * @param problems files that do not parse (errors) and signs of changes by hand (warnings)
 * @since 0.1.0
 */
public record StageState(
    Stage stage,
    Optional<String> commit,
    StageContent content,
    Map<String, Asset> deployed,
    List<Problem> problems) {

  public StageState {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(content, "content");
    if (!content.stage().equals(stage.name())) {
      throw new IllegalArgumentException(
          "the content of stage " + content.stage() + " given as the state of " + stage.name());
    }
    // sorted by key, so every reader of a state sees the same order
    content =
        new StageContent(
            content.stage(),
            new TreeMap<>(content.running()),
            new TreeMap<>(content.authored()),
            new TreeMap<>(content.aliases()),
            content.history(),
            content.lastRecord());
    // parsed again on demand (a deploy's read) or copied sorted
    deployed =
        deployed instanceof AssetsOnDemand
            ? deployed
            : Collections.unmodifiableMap(new TreeMap<>(deployed));
    problems = List.copyOf(problems);
  }

  /** The state of a stage whose branch does not exist yet: nothing deployed. */
  public static StageState empty(Stage stage) {
    return new StageState(
        stage,
        Optional.empty(),
        new StageContent(stage.name(), Map.of(), Map.of(), Map.of(), List.of(), null),
        Map.of(),
        List.of());
  }

  /**
   * Every asset as the stage runs it (aliases resolved, secrets as references), by key, in plain
   * normalized form.
   */
  public Map<String, Object> assets() {
    return content.running();
  }

  /** The assets as authored (alias references intact), by key. */
  public Map<String, Asset> authored() {
    return content.authored();
  }

  /** The authored aliases the assets use, by name. */
  public Map<String, Asset> aliases() {
    return content.aliases();
  }

  /** The promotion and rollback records, oldest first. */
  public List<HistoryRecord> history() {
    return content.history();
  }

  /** The id of the last record as the state's metadata names it, or null. */
  public String lastRecord() {
    return content.lastRecord();
  }

  /** Whether nothing has been deployed to the stage. */
  public boolean isEmpty() {
    return commit.isEmpty();
  }

  /** Whether a file of the state did not parse; such a state cannot be compared or built on. */
  public boolean hasErrors() {
    return Problems.hasErrors(problems);
  }

  /** The number the next history record gets. */
  public int nextRecordNumber() {
    return content.history().stream().mapToInt(HistoryRecord::number).max().orElse(0) + 1;
  }

  /**
   * What a stage's tree holds, before it is serialized.
   *
   * @param stage the stage's name
   * @param running the assets as the stage runs them, by key, plain (normalized when rendered)
   * @param authored the assets as authored, by key
   * @param aliases the authored aliases, by name
   * @param history the records, oldest first
   * @param lastRecord the id of the last record, or null
   */
  public record StageContent(
      String stage,
      Map<String, Object> running,
      Map<String, Asset> authored,
      Map<String, Asset> aliases,
      List<HistoryRecord> history,
      String lastRecord) {

    public StageContent {
      Objects.requireNonNull(stage, "stage");
      running = Collections.unmodifiableMap(new LinkedHashMap<>(running));
      authored = Collections.unmodifiableMap(new LinkedHashMap<>(authored));
      aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
      history = List.copyOf(history);
    }
  }
}
