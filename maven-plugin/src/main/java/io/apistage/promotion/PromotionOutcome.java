package io.apistage.promotion;

import io.apistage.log.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One promotion's outcome on one stage, as in {@code promote.json}.
 *
 * @param name the promotion
 * @param stage the target stage
 * @param status what happened
 * @param commit the stage commit that applied it, or null
 * @param reason why it was skipped or failed, or null
 * @param assets the per-asset report
 * @since 0.1.0
 */
public record PromotionOutcome(
    String name,
    String stage,
    Status status,
    String commit,
    String reason,
    List<AssetReport> assets) {

  public PromotionOutcome {
    assets = List.copyOf(assets);
  }

  /** What happened to a promotion on a stage. */
  public enum Status {
    /** Applied (or, in a dry run, would be applied). */
    SUCCESS("success"),
    /** Not applied: an asset failed, or the stage could not be updated. */
    FAILURE("failure"),
    /** Not applied because there is nothing to apply. */
    SKIPPED("skipped");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The word in reports and on the console: success, failure, skipped. */
    public String label() {
      return label;
    }
  }

  /** A promotion applied to a stage, its commit not known yet. */
  static PromotionOutcome applied(String name, String stage, List<AssetReport> assets) {
    return new PromotionOutcome(name, stage, Status.SUCCESS, null, null, assets);
  }

  /** A promotion not applied to a stage, with the reason. */
  static PromotionOutcome skipped(String name, String stage, String reason) {
    return new PromotionOutcome(name, stage, Status.SKIPPED, null, reason, List.of());
  }

  /** A promotion that failed on a stage, with the reason and the per-asset report. */
  static PromotionOutcome failed(
      String name, String stage, String reason, List<AssetReport> assets) {
    return new PromotionOutcome(name, stage, Status.FAILURE, null, reason, assets);
  }

  /** This outcome with the stage commit that applied it, when it was applied. */
  PromotionOutcome committedAs(String stageCommit) {
    return status == Status.SUCCESS
        ? new PromotionOutcome(name, stage, status, stageCommit, reason, assets)
        : this;
  }

  /** The outcome as its {@code promote.json} entry. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("stage", stage);
    out.put("status", status.label());
    out.put("commit", commit);
    if (reason != null) {
      out.put("reason", reason);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    assets.forEach(a -> list.add(a.toMap()));
    out.put("assets", list);
    return out;
  }

  /** Prints the outcome and its per-asset report, failures as errors. */
  void print(Log log, boolean dryRun) {
    String line = line(dryRun);
    if (status == Status.FAILURE) {
      log.error(line);
    } else {
      log.info(line);
    }
    for (AssetReport report : assets) {
      if (report.status() == AssetStatus.FAILURE) {
        log.error(report.format());
      } else if (report.status() == AssetStatus.WARNING) {
        log.warn(report.format());
      } else {
        log.info(report.format());
      }
    }
  }

  /**
   * The outcome's line: {@code orders-to-qa -> qa: success, commit 1a2b3c4}, {@code ... (dry run,
   * not written)}, {@code ...: skipped: <reason>}.
   */
  public String line(boolean dryRun) {
    StringBuilder line = new StringBuilder(name + " -> " + stage + ": " + status.label());
    if (commit != null) {
      line.append(", commit ").append(commit, 0, 7);
    } else if (dryRun && status == Status.SUCCESS) {
      line.append(" (dry run, not written)");
    }
    if (reason != null) {
      line.append(": ").append(reason);
    }
    return line.toString();
  }
}
