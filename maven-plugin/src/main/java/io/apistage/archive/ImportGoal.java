package io.apistage.archive;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.FileParses;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.promotion.AssetReport;
import io.apistage.promotion.AssetStatus;
import io.apistage.rules.Validation;
import io.apistage.stage.StageLayout;
import io.apistage.yaml.ParsedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code import} goal: an archive's assets into the working copy, all or nothing. The archive
 * is decrypted chunk by chunk into a staging folder, its documents parsed as they come, and checked
 * whole first ({@link StagedArchive}); then each asset is matched and judged ({@link ImportPlan});
 * then the configuration with the import applied must validate; only then are the staged files
 * moved into place ({@link StagedInstall}). A dry run does all of it but the last step, staging in
 * a temporary folder outside the working copy. Nothing is committed.
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
    Path configDir = context.configDir().toAbsolutePath().normalize();
    if (!Files.isDirectory(configDir)) {
      throw new ApistageException(
          "the config root " + configDir + " is not a folder; pass -Dapistage.configDir");
    }
    Path temp = request.dryRun() ? Files.createTempDirectory("apistage-import-dry-run-") : null;
    try (StagedArchive staged = unpack(temp != null ? temp : configDir)) {
      return run(configDir, staged);
    } finally {
      if (temp != null) {
        StagedArchive.delete(temp);
      }
    }
  }

  private StagedArchive unpack(Path parent) throws ApistageException, IOException {
    try {
      return StagedArchive.unpack(request.archive(), request.password(), parent);
    } catch (BadArchive e) {
      throw new ApistageException(e.getMessage() + "; nothing was imported", e);
    }
  }

  private GoalResult run(Path configDir, StagedArchive staged) throws IOException {
    DirectorySource files = new DirectorySource(configDir);
    Map<String, ParsedFile> ours = new ConcurrentHashMap<>();
    Config target = new ConfigLoader().load(files, recording(ours));
    ImportPlan.Words words = new ImportPlan.Words(request.dryRun());
    ImportPlan plan = ImportPlan.of(staged, target, files, request.overwrite(), words);
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
          plan,
          false);
    }
    List<Problem> problems = validateApplied(files, staged, plan, ours);
    if (Problems.hasErrors(problems)) {
      return result(
          "VALIDATION_FAILED",
          "with the import applied the configuration does not validate ("
              + Problems.summary(problems)
              + "); nothing was written",
          problems,
          plan,
          false);
    }
    if (request.dryRun()) {
      return result("OK", dryRunMessage(plan), problems, plan, true);
    }
    StagedInstall.install(staged, configDir, plan.written(), plan.removed());
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
        plan,
        true);
  }

  /**
   * The problems of the configuration with the import applied. Nothing is parsed twice: the
   * archive's documents were parsed while it was read, the working copy's when it was loaded for
   * the plan ({@code ours}, emptied here).
   */
  private static List<Problem> validateApplied(
      DirectorySource files, StagedArchive staged, ImportPlan plan, Map<String, ParsedFile> ours)
      throws IOException {
    OverlaySource overlay =
        new OverlaySource(files, staged.files(), plan.written(), plan.removed());
    Set<String> written = Set.copyOf(plan.written());
    FileParses parses =
        (source, path, parser) -> {
          if (written.contains(path)) {
            return staged.parsed(path);
          }
          ParsedFile known = ours.get(path);
          return known != null ? known : FileParses.READ.parse(source, path, parser);
        };
    Config applied = new ConfigLoader().load(overlay, parses);
    ours.clear();
    return new Validation().validate(applied).problems();
  }

  /** Reads and parses as a load does, keeping each parse in {@code into}. */
  private static FileParses recording(Map<String, ParsedFile> into) {
    return (source, path, parser) -> {
      ParsedFile parsed = FileParses.READ.parse(source, path, parser);
      into.put(path, parsed);
      return parsed;
    };
  }

  private String dryRunMessage(ImportPlan plan) {
    return "dry run: importing "
        + Problems.plural(plan.reports().size(), "asset")
        + " from "
        + request.archive().getFileName()
        + " would write "
        + Problems.plural(plan.written().size(), "file")
        + " and delete "
        + Problems.plural(plan.removed().size(), "file")
        + " ("
        + counts(plan)
        + "); the archive is intact; nothing was written";
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
   * The result, its asset lines logged; {@code files} says whether the files written and removed
   * (or, in a dry run, those that would be) are listed.
   */
  private GoalResult result(
      String code, String message, List<Problem> problems, ImportPlan plan, boolean files) {
    for (AssetReport report : plan.reports()) {
      if (report.status() == AssetStatus.FAILURE) {
        context.log().error(report.format());
      } else if (report.status() == AssetStatus.WARNING) {
        context.log().warn(report.format());
      } else {
        context.log().info(report.format());
      }
    }
    if (files && request.dryRun()) {
      plan.written().forEach(p -> context.log().info("  would write  " + p));
      plan.removed().forEach(p -> context.log().info("  would delete " + p));
    }
    ImportReport body =
        new ImportReport(
            request.archive().toString(),
            request.overwrite().toString(),
            request.dryRun(),
            plan.reports(),
            files ? plan.written() : List.of(),
            files ? plan.removed() : List.of());
    return new GoalResult("import", code, message, problems, body);
  }
}
