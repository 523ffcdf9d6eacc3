package io.apistage.archive;

import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.problem.RuleId;
import io.apistage.promotion.AssetReport;
import io.apistage.promotion.AssetStatus;
import io.apistage.promotion.Dependencies;
import io.apistage.promotion.Include;
import io.apistage.promotion.Selector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code export} goal: the chosen assets of the working copy or of a stage's state, with their
 * required dependencies, ids and authored bytes, into one password-encrypted, tamper-evident
 * archive (docs/archive.md). The archive is written beside its target and moved into place, so a
 * failed export leaves no half-written file.
 *
 * @since 0.2.0
 */
public final class ExportGoal {

  /** The rule of export's problems. */
  public static final RuleId RULE = RuleId.EXPORT;

  private final GoalContext context;
  private final ExportRequest request;

  /** The goal for a context and request. */
  public ExportGoal(GoalContext context, ExportRequest request) {
    this.context = context;
    this.request = request;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    ArchivePassword.checkForExport(request.password());
    ExportSource source =
        request.stage() == null || request.stage().isBlank()
            ? ExportSource.workingCopy(context.configDir())
            : ExportSource.stage(context.configDir(), request.stage(), request.servers());
    // each file is hashed as the loader reads it, for the manifest
    HashingSource hashed = new HashingSource(source.files());
    Config config = new ConfigLoader().load(hashed);
    List<Problem> problems = new ArrayList<>(errors(config.problems()));
    Map<String, String> selected = select(config, problems);
    Dependencies.Closure closure =
        new Dependencies(config).close(selected, Include.NONE, Include.NONE);
    problems.addAll(missing(closure, config, source));
    if (Problems.hasErrors(problems)) {
      return result(
          "EXPORT_FAILED",
          Problems.summary(problems) + "; nothing exported",
          problems,
          List.of(),
          source);
    }
    List<Asset> assets = new ArrayList<>();
    closure.reasons().keySet().forEach(key -> assets.add(config.assets().get(key)));
    assets.sort((a, b) -> a.file().compareTo(b.file()));
    Manifest manifest = manifest(source, hashed, assets);
    write(source, manifest);
    List<AssetReport> reports = new ArrayList<>();
    for (Asset asset : assets) {
      reports.add(
          new AssetReport(
              asset.key(),
              AssetStatus.SUCCESS,
              "exported (" + closure.reasons().get(asset.key()) + ")"));
    }
    String message =
        "exported "
            + Problems.plural(assets.size(), "asset")
            + " from the "
            + describe(source)
            + " to "
            + request.archive();
    return result("OK", message, List.of(), reports, source);
  }

  /** An error for each required dependency the source does not have. */
  private static List<Problem> missing(
      Dependencies.Closure closure, Config config, ExportSource source) {
    List<Problem> problems = new ArrayList<>();
    closure
        .missing()
        .forEach(
            (key, deps) ->
                problems.add(
                    Problem.error(
                        config.assets().get(key).file(),
                        Position.FILE,
                        "",
                        RULE,
                        key
                            + " requires "
                            + String.join(", ", deps)
                            + ", which the "
                            + describe(source)
                            + " does not have; add it or leave "
                            + key
                            + " out of apistage.select")));
    return problems;
  }

  private Map<String, String> select(Config config, List<Problem> problems)
      throws ApistageException {
    Map<String, String> selected = new LinkedHashMap<>();
    List<Selector> selectors = request.selectors();
    for (Asset asset : config.assets().values()) {
      if (!Selection.EXPORTABLE.contains(asset.kind())) {
        continue;
      }
      if (selectors.isEmpty()) {
        selected.put(asset.key(), "all assets");
      }
      for (Selector selector : selectors) {
        if (selector.matches(asset)) {
          selected.putIfAbsent(asset.key(), "selected");
        }
      }
    }
    for (Selector selector : selectors) {
      if (config.assets().values().stream().noneMatch(selector::matches)) {
        throw new ApistageException(
            "apistage.select names "
                + describe(selector)
                + ", which matches no asset of the "
                + "source; check the name, or leave it out");
      }
    }
    if (selected.isEmpty() && problems.isEmpty()) {
      throw new ApistageException("there is nothing to export: the source has no assets");
    }
    return selected;
  }

  private static String describe(Selector s) {
    return s.kind().id()
        + (s.name() == null ? "" : "/" + s.name())
        + (s.major() == null ? "" : "@" + s.major());
  }

  private static String describe(ExportSource source) {
    return source.stage() == null ? "working copy" : "state of stage " + source.stage();
  }

  private static List<Problem> errors(List<Problem> problems) {
    return problems.stream().filter(Problem::isError).toList();
  }

  /**
   * The manifest, with each file's size and SHA-256 as the loader read it; the files are read again
   * only as they are written, and checked against it then.
   */
  private static Manifest manifest(ExportSource source, HashingSource hashed, List<Asset> assets)
      throws IOException {
    List<Manifest.Entry> entries = new ArrayList<>();
    for (Asset asset : assets) {
      HashingSource.Digest digest = hashed.digest(asset.file());
      entries.add(
          new Manifest.Entry(
              asset.key(),
              asset.id().toString(),
              asset.kind().id(),
              asset.file(),
              digest.size(),
              digest.sha256()));
    }
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return new Manifest(source.source(), source.stage(), source.commit(), now, entries);
  }

  private void write(ExportSource source, Manifest manifest) throws IOException, ApistageException {
    Path target = request.archive().toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          ArchiveWriter writer = ArchiveWriter.open(out, request.password(), manifest)) {
        for (Manifest.Entry entry : manifest.entries()) {
          byte[] bytes = source.files().read(entry.path());
          if (!HexFormat.of().formatHex(ArchiveHeader.sha256(bytes)).equals(entry.sha256())) {
            throw new ApistageException(
                entry.path() + " changed while it was exported; run export again");
          }
          writer.write(bytes);
        }
      }
      StagedInstall.move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private GoalResult result(
      String code,
      String message,
      List<Problem> problems,
      List<AssetReport> reports,
      ExportSource source) {
    reports.forEach(r -> context.log().info(r.format()));
    ExportReport body =
        new ExportReport(
            request.archive().toString(),
            source.source(),
            source.stage(),
            source.commit(),
            reports);
    return new GoalResult("export", code, message, problems, body);
  }
}
