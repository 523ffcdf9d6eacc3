package io.apistage.report;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results in the documented report shapes, as the goals of the other packages produce them. */
final class Fixtures {

  private Fixtures() {}

  static final Problem BREAKING =
      new Problem(
          "apis/orders/v1.yaml",
          14,
          7,
          "/endpoints/1",
          "breaking-change",
          Severity.ERROR,
          "endpoint DELETE /orders/{id} removed in 1.5.0; a breaking change needs a new major line:"
              + " create apis/orders/v2.yaml");

  static final Problem WARNING =
      new Problem(
          "apis/catalog/v2.yaml",
          3,
          10,
          "/version",
          "version-bump",
          Severity.WARNING,
          "version 2.1.0 bumps minor, the changes need only a patch");

  /** A check-versions result with a breaking change to orders@1 used by two consumers. */
  static GoalResult checkVersions() {
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("rule", "breaking-change");
    finding.put("bump", "major");
    finding.put("field", "/endpoints/1");
    finding.put("message", "endpoint DELETE /orders/{id} removed");
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("api", "orders@1");
    api.put("file", "apis/orders/v1.yaml");
    api.put("baseVersion", "1.4.2");
    api.put("version", "1.5.0");
    api.put("requiredBump", "major");
    api.put("verdict", "error");
    api.put("changes", Map.of("modified", 1, "added", 0, "removed", 1));
    api.put("findings", List.of(finding));
    api.put("consumers", List.of("application/mobile-app", "subscription/mobile-gold"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("base", "origin/main");
    body.put("apis", List.of(api));
    return new GoalResult(
        "check-versions",
        "VERSION_CHECK_FAILED",
        "2 problems in 2 files (1 error, 1 warning)",
        List.of(WARNING, BREAKING),
        body);
  }

  /** A diff result for dev, qa and prod. */
  static GoalResult diff() {
    Map<String, Object> dev = new LinkedHashMap<>();
    dev.put("stage", "dev");
    dev.put("create", List.of("api/orders@2"));
    dev.put(
        "update",
        List.of(
            Map.of(
                "key",
                "api/orders@1",
                "changes",
                List.of(Map.of("field", "/version", "from", "1.4.2", "to", "1.5.0")))));
    dev.put("delete", List.of());
    dev.put("unchanged", 4);
    Map<String, Object> qa = new LinkedHashMap<>();
    qa.put("stage", "qa");
    qa.put("create", List.of());
    qa.put("update", List.of());
    qa.put("delete", List.of("application/old-app"));
    qa.put("unchanged", 7);
    Map<String, Object> prod = new LinkedHashMap<>();
    prod.put("stage", "prod");
    prod.put("create", List.of());
    prod.put("update", List.of());
    prod.put("delete", List.of());
    prod.put("unchanged", 8);
    return new GoalResult(
        "diff", "OK", "3 stages compared", List.of(), Map.of("stages", List.of(dev, qa, prod)));
  }

  static PromotionPath chain() {
    return new PromotionPath(
        "main",
        List.of(
            new PromotionPath.Edge(null, "dev"),
            new PromotionPath.Edge("dev", "qa"),
            new PromotionPath.Edge("qa", "prod")));
  }
}
