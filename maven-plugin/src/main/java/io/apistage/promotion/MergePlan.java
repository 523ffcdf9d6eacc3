package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.problem.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pull-request check's view of promote: the plan of merging the checked-out commit, computed by
 * {@link PromoteGoal} itself as a dry run.
 *
 * @since 0.1.0
 */
public final class MergePlan {

  private MergePlan() {}

  /**
   * What merging the checked-out commit would do, for the pull-request check: a dry run of every
   * pending promotion at HEAD (in a pull-request build the merge commit, or the branch's tip),
   * which writes nothing and needs no main branch; a repository without stages has nothing to
   * promote.
   */
  public static GoalResult of(GoalContext context, PromoteRequest request)
      throws ApistageException, IOException {
    if (!request.dryRun()) {
      throw new IllegalArgumentException("the merge plan is a dry run");
    }
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      if (PromoteGoal.control(git, head).chain().isEmpty()) {
        return new PromoteReport(true, head, List.of())
            .result(List.of(), "no stages declared (stages/<name>.yaml): nothing to promote");
      }
    }
    GoalResult plan = new PromoteGoal(context, request).execute();
    // a promotion that would fail after the merge is shown, not held against the pull request:
    // its cause may be a stage's state the pull request cannot change
    List<Problem> problems = new ArrayList<>();
    for (Problem p : plan.problems()) {
      problems.add(p.is(RuleId.PROMOTION) ? p.withSeverity(Severity.WARNING) : p);
    }
    boolean failed = Problems.hasErrors(problems);
    return new GoalResult(
        plan.goal(), failed ? plan.code() : "OK", plan.message(), problems, plan.body());
  }
}
