package io.apistage.stage;

import io.apistage.goal.DiffReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What a promotion of the working copy would change on one stage: the assets to create, update
 * (with each changed field) and delete, the number left unchanged, and the gateway URL of every
 * endpoint the stage would serve.
 *
 * @param stage the stage's name
 * @param commit the commit of the stage's state compared with, or empty for a stage never deployed
 * @param assets the assets to create, update (field by field) and delete
 * @param unchanged how many assets stay as they are
 * @param gateway the stage's gateway URL (aliases resolved) and every endpoint it would serve
 * @since 0.1.0
 */
public record StageDiff(
    String stage,
    Optional<String> commit,
    DiffReport.AssetChanges assets,
    int unchanged,
    DiffReport.Gateway gateway) {

  public StageDiff {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(gateway, "gateway");
  }

  /** Whether anything would change. */
  public boolean hasChanges() {
    return toReport().hasChanges();
  }

  /** "2 to create, 1 to update, 0 to delete, 14 unchanged". */
  public String summary() {
    return toReport().summary();
  }

  /** This diff as its entry of the diff report. */
  public DiffReport.StagePlan toReport() {
    return new DiffReport.StagePlan(stage, commit.orElse(null), assets, unchanged, gateway);
  }
}
