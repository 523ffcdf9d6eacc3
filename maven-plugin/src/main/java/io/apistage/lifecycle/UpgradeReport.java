package io.apistage.lifecycle;

import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Bump;
import io.apistage.versions.ApiComparator;
import io.apistage.versions.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each consumer moved by {@code upgrade-access} must adapt to: the breaking findings between
 * the line it leaves and the line it moves to, from the comparator check-versions uses, and the
 * Subscriptions that follow a Package. Printed, and returned as the report's {@code consumers}.
 *
 * @since 0.1.0
 */
final class UpgradeReport {

  /**
   * A consumer moved.
   *
   * @param asset the Application or Package
   * @param from the major it leaves
   */
  record Moved(Asset asset, int from) {}

  private final Log log;
  private final ApiLines lines;
  private final Config config;
  private final Map<Integer, Optional<List<Finding>>> breaking = new HashMap<>();

  UpgradeReport(Log log, ApiLines lines, Config config) {
    this.log = log;
    this.lines = lines;
    this.config = config;
  }

  /** Prints and returns the report entry of every consumer moved. */
  List<UpgradeAccessReport.Consumer> report(List<Moved> moved, String api, int to)
      throws IOException {
    List<UpgradeAccessReport.Consumer> out = new ArrayList<>();
    for (Moved m : moved) {
      Optional<List<Finding>> findings = breaking(api, m.from(), to);
      List<String> subscriptions = subscriptions(m.asset());
      log.info(
          m.asset().key()
              + " ("
              + m.asset().file()
              + "): "
              + api
              + "@"
              + m.from()
              + " → "
              + api
              + "@"
              + to
              + findingsLine(findings, api, m.from()));
      findings
          .orElse(List.of())
          .forEach(
              f ->
                  log.info(
                      "  "
                          + f.bump().label()
                          + " ["
                          + f.rule()
                          + "] "
                          + f.field()
                          + ": "
                          + f.message()));
      subscriptions.forEach(s -> log.info("  " + s + " follows " + m.asset().key()));
      List<UpgradeAccessReport.Breaking> breaking =
          findings
              .map(
                  list ->
                      list.stream()
                          .map(
                              f ->
                                  new UpgradeAccessReport.Breaking(
                                      String.valueOf(f.rule()), f.field(), f.message()))
                          .toList())
              .orElse(null);
      out.add(
          new UpgradeAccessReport.Consumer(
              m.asset().key(),
              m.asset().file(),
              api + "@" + m.from(),
              api + "@" + to,
              breaking,
              subscriptions));
    }
    return out;
  }

  private static String findingsLine(Optional<List<Finding>> findings, String api, int from) {
    if (findings.isEmpty()) {
      return "; apis/"
          + api
          + "/v"
          + from
          + ".yaml is gone or unreadable, so the changes between"
          + " the lines are unknown";
    }
    int n = findings.get().size();
    return n == 0
        ? "; no breaking change to adapt to"
        : "; " + n + " breaking change" + (n == 1 ? "" : "s") + " to adapt to:";
  }

  /** The breaking findings between two lines, empty when the older file cannot be read. */
  private Optional<List<Finding>> breaking(String api, int from, int to) throws IOException {
    if (!breaking.containsKey(from)) {
      breaking.put(from, compare(api, from, to));
    }
    return breaking.get(from);
  }

  private Optional<List<Finding>> compare(String api, int from, int to) throws IOException {
    String older = lines.majors(api).get(from);
    if (older == null) {
      return Optional.empty();
    }
    ApiLines.YamlText a = lines.read(older);
    ApiLines.YamlText b = lines.read(lines.majors(api).get(to));
    if (a.root() == null || b.root() == null) {
      return Optional.empty();
    }
    List<Finding> findings =
        ApiComparator.compare(a.root().toPlain(), b.root().toPlain()).findings().stream()
            .filter(f -> f.bump() == Bump.MAJOR)
            // each line has its own id (new-version drops the old one): no consumer adapts to it
            .filter(f -> !f.field().equals("/id"))
            .toList();
    return Optional.of(findings);
  }

  private List<String> subscriptions(Asset asset) {
    if (asset.kind() != Kind.PACKAGE) {
      return List.of();
    }
    return config.all(Kind.SUBSCRIPTION).stream()
        .filter(s -> asset.name().equals(s.str("package")))
        .map(Asset::key)
        .toList();
  }
}
