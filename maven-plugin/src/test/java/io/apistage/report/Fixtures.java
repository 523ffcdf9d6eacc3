package io.apistage.report;

import io.apistage.goal.DiffReport;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.model.Change;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.stage.StageDiff;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Results as the goals produce them: check-versions run on a small Git history, and a diff built
 * from the stage diffs the diff goal computes.
 */
final class Fixtures {

  private Fixtures() {}

  private static final String ORDERS =
      "kind: Api\nname: orders\nversion: %s\nstate: published\nbaseUrl: https://orders.internal\n"
          + "endpoints:\n"
          + "  - name: getOrder\n    method: GET\n    path: /orders/{id}\n    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";
  private static final String DELETE_ORDER =
      "  - name: deleteOrder\n    method: DELETE\n    path: /orders/{id}\n    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";
  private static final String CATALOG =
      "kind: Api\nname: catalog\nversion: %s\nstate: published\ndescription: %s\n"
          + "baseUrl: https://catalog.internal\n"
          + "endpoints:\n  - name: listItems\n    method: GET\n    path: /items\n";

  /**
   * check-versions on a feature branch of a repository in {@code dir} that removes an endpoint of
   * orders@1 (used by two applications) at 1.5.0, and rewords catalog@2 at a minor step.
   */
  static GoalResult checkVersions(Path dir) throws IOException, ApistageException {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write(dir, "apis/orders/v1.yaml", ORDERS.formatted("1.4.2") + DELETE_ORDER);
      write(dir, "apis/catalog/v2.yaml", CATALOG.formatted("2.0.0", "Catalog"));
      write(dir, "applications/mobile-app.yaml", application("mobile-app"));
      write(dir, "applications/web-shop.yaml", application("web-shop"));
      commit(git, "orders 1.4.2, catalog 2.0.0", 0);
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(dir, "apis/orders/v1.yaml", ORDERS.formatted("1.5.0"));
      write(dir, "apis/catalog/v2.yaml", CATALOG.formatted("2.1.0", "The catalog"));
      commit(git, "remove DELETE /orders/{id}, reword catalog", 1);
    } catch (GitAPIException e) {
      throw new IOException(e);
    }
    GoalContext context = GoalContext.of(dir, dir.resolve("target/apistage"), new RecordingLog());
    return new CheckVersionsGoal(context, new CheckVersionsRequest(null)).execute();
  }

  /** The first error of a result. */
  static Problem error(GoalResult result) {
    return result.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
  }

  /** The first warning of a result. */
  static Problem warning(GoalResult result) {
    return result.problems().stream().filter(p -> !p.isError()).findFirst().orElseThrow();
  }

  /** A diff result for dev, qa and prod, from the stage diffs the diff goal computes. */
  static GoalResult diff() {
    StageDiff dev =
        stageDiff(
            "dev",
            List.of("api/orders@2"),
            List.of(
                new DiffReport.Update(
                    "api/orders@1",
                    List.of(
                        new Change(
                            Change.Type.CHANGED, "/version", "/version", "1.4.2", "1.5.0")))),
            List.of(),
            4);
    StageDiff qa = stageDiff("qa", List.of(), List.of(), List.of("application/old-app"), 7);
    StageDiff prod = stageDiff("prod", List.of(), List.of(), List.of(), 8);
    return new GoalResult(
        "diff",
        "OK",
        "3 stages compared",
        List.of(),
        new DiffReport(List.of(dev.toReport(), qa.toReport(), prod.toReport())));
  }

  private static StageDiff stageDiff(
      String stage,
      List<String> create,
      List<DiffReport.Update> update,
      List<String> delete,
      int unchanged) {
    return new StageDiff(
        stage,
        Optional.empty(),
        new DiffReport.AssetChanges(create, update, delete),
        unchanged,
        DiffReport.Gateway.NONE);
  }

  static PromotionPath chain() {
    return new PromotionPath(
        "main",
        List.of(
            new PromotionPath.Edge(null, "dev"),
            new PromotionPath.Edge("dev", "qa"),
            new PromotionPath.Edge("qa", "prod")));
  }

  private static String application(String name) {
    return "kind: Application\nname: " + name + "\napis: [orders@1]\n";
  }

  /** Writes a file of a test repository, creating its folders. */
  static void write(Path root, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Commits everything, authored by Ada {@code minute} minutes into 2026. */
  static void commit(Git git, String message, int minute) throws GitAPIException {
    PersonIdent who =
        new PersonIdent(
            "Ada",
            "ada@example.com",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute),
            ZoneOffset.UTC);
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
