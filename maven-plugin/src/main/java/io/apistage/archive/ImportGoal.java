package io.apistage.archive;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.promotion.AssetReport;
import io.apistage.promotion.AssetStatus;
import io.apistage.rules.Validation;
import io.apistage.stage.StageLayout;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code import} goal: an archive's assets into the working copy, all or nothing. The archive
 * is read and checked whole first; then each asset is matched and judged ({@link ImportPlan}); then
 * the configuration with the import applied, in memory, must validate; only then are files written.
 * Nothing is committed.
 *
 * @since 0.2.0
 */
public final class ImportGoal {

  /** The rule of import's problems. */
  public static final RuleId RULE = RuleId.IMPORT;

  private final GoalContext context;
  private final ImportRequest request;

  /** The goal for a context and request. */
  public ImportGoal(GoalContext context, ImportRequest request) {
    this.context = context;
    this.request = request;
  }

  /**
   * Runs the goal.
   *
   * @throws ApistageException for an archive that cannot be read (wrong password, changed,
   *     truncated, not an archive, a newer format, a path outside the config root)
   */
  public GoalResult execute() throws ApistageException, IOException {
    if (!Files.isDirectory(context.configDir())) {
      throw new ApistageException(
          "the config root " + context.configDir() + " is not a folder; pass -Dapistage.configDir");
    }
    ArchiveContents archive;
    try {
      archive = ArchiveContents.read(request.archive(), request.password());
    } catch (BadArchive e) {
      throw new ApistageException(e.getMessage() + "; nothing was imported", e);
    }
    DirectorySource files = new DirectorySource(context.configDir());
    Validation validation = new Validation();
    Config target = new ConfigLoader().load(files);
    ImportPlan plan = ImportPlan.of(archive, target, files, request.overwrite());
    if (plan.failed()) {
      long failures =
          plan.reports().stream().filter(r -> r.status() == AssetStatus.FAILURE).count();
      return result(
          "IMPORT_FAILED",
          Problems.plural(failures, "asset")
              + " of "
              + request.archive().getFileName()
              + " cannot be imported; nothing was written",
          failures(plan),
          plan);
    }
    List<Problem> problems =
        validation.validate(new OverlaySource(files, plan.written(), plan.removed())).problems();
    if (Problems.hasErrors(problems)) {
      return result(
          "VALIDATION_FAILED",
          "with the import applied the configuration does not validate ("
              + Problems.summary(problems)
              + "); nothing was written",
          problems,
          plan);
    }
    write(plan);
    return result(
        "OK",
        "imported "
            + Problems.plural(plan.reports().size(), "asset")
            + " from "
            + request.archive().getFileName()
            + " into the working copy ("
            + counts(plan)
            + "); nothing was committed",
        problems,
        plan);
  }

  /** Each failed asset as an error at the file it would have written. */
  private static List<Problem> failures(ImportPlan plan) {
    List<Problem> out = new ArrayList<>();
    for (AssetReport report : plan.reports()) {
      if (report.status() == AssetStatus.FAILURE) {
        String file = StageLayout.pathOfKey(report.key()).orElse(report.key());
        out.add(
            Problem.error(
                file, Position.FILE, "", RULE, report.key() + ": " + report.explanation()));
      }
    }
    return out;
  }

  private static String counts(ImportPlan plan) {
    Map<AssetStatus, Integer> counts = new LinkedHashMap<>();
    plan.reports().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    List<String> out = new ArrayList<>();
    counts.forEach((status, n) -> out.add(n + " " + status.label()));
    return String.join(", ", out);
  }

  /**
   * Writes every file beside its target first, then moves them all into place and deletes the old
   * names of renamed assets; a failure while writing the temporary files leaves the working copy as
   * it was.
   */
  private void write(ImportPlan plan) throws IOException {
    Map<Path, Path> moves = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, byte[]> file : plan.written().entrySet()) {
        Path target = context.configDir().resolve(file.getKey()).normalize();
        if (!target.startsWith(context.configDir())) {
          throw new IOException(file.getKey() + " is outside the config root");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        moves.put(tmp, target);
        Files.write(tmp, file.getValue());
      }
      for (Map.Entry<Path, Path> move : moves.entrySet()) {
        move(move.getKey(), move.getValue());
      }
      for (String old : plan.removed()) {
        Files.deleteIfExists(context.configDir().resolve(old));
      }
    } finally {
      for (Path tmp : moves.keySet()) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Moves a file into place, atomically where the file system can. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private GoalResult result(String code, String message, List<Problem> problems, ImportPlan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("archive", request.archive().toString());
    body.put("overwrite", request.overwrite().toString());
    List<Object> assets = new ArrayList<>();
    for (AssetReport report : plan.reports()) {
      assets.add(report.toMap());
      if (report.status() == AssetStatus.FAILURE) {
        context.log().error(report.format());
      } else if (report.status() == AssetStatus.WARNING) {
        context.log().warn(report.format());
      } else {
        context.log().info(report.format());
      }
    }
    body.put("assets", assets);
    return new GoalResult("import", code, message, problems, () -> body);
  }
}
