package io.apistage.gateway;

import io.apistage.model.Asset;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.stage.StageState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of rendering a stage for its gateway, each at the value in the stage's
 * state that causes it (its file named {@code <branch>:<path>}), under rule {@code gateway}.
 *
 * @since 0.1.0
 */
public final class StageProblems {

  /** The rule id of everything a gateway cannot run. */
  public static final RuleId RULE = RuleId.GATEWAY;

  private final StageState state;
  private final Set<Problem> problems = new LinkedHashSet<>();

  /** Problems about a stage's state. */
  public StageProblems(StageState state) {
    this.state = state;
  }

  /** Adds an error at the value of an asset (by key) at a JSON pointer. */
  public void error(String key, String pointer, String message) {
    Asset asset = state.deployed().get(key);
    if (asset == null) {
      problems.add(Problem.error(state.stage().file(), Position.FILE, pointer, RULE, message));
      return;
    }
    problems.add(
        Problem.error(asset.file(), asset.body().positionOf(pointer), pointer, RULE, message));
  }

  /** The stage's name. */
  public String stage() {
    return state.stage().name();
  }

  /** Every problem so far. */
  public List<Problem> all() {
    return List.copyOf(problems);
  }
}
