package io.apistage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.goal.GoalResult;
import io.apistage.problem.Problem;
import io.apistage.versions.CheckVersionsGoal;
import io.apistage.versions.CheckVersionsRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle of a new major line through the goal classes, as a person runs it: new-version, a
 * breaking edit by hand, set-state published, upgrade-access, retiring the old line; then
 * check-versions passes on the result.
 */
class RoundTripTest {

  @TempDir Path tmp;

  @Test
  void newLineIsPublishedConsumersMoveAndCheckVersionsPasses() throws Exception {
    try (ExampleRepo repo = ExampleRepo.create(tmp)) {
      assertThat(new NewVersionGoal(repo.context(), "payments", false).execute().problems())
          .isEmpty();

      // by hand: refunds leave payments v2, a breaking change that only a new line may make
      String v2 = repo.read("apis/payments/v2.yaml");
      int refunds = v2.indexOf("  - name: refundPayment");
      repo.write("apis/payments/v2.yaml", v2.substring(0, refunds));

      GoalResult published =
          new SetStateGoal(repo.context(), "payments@2", "published", false).execute();
      assertThat(published.problems()).isEmpty();

      GoalResult moved =
          new UpgradeAccessGoal(
                  repo.context(), new UpgradeAccessGoal.Request("payments", "2", null, null, false))
              .execute();
      assertThat(moved.problems()).isEmpty();
      assertThat(repo.log.lines())
          .contains(
              "[INFO] package/partner-commerce (packages/partner-commerce.yaml): payments@1 →"
                  + " payments@2; 1 breaking change to adapt to:",
              "[INFO]   major [endpoint-removed] /endpoints/2: endpoint POST"
                  + " /payments/{paymentId}/refunds removed",
              "[INFO]   subscription/mobile-commerce follows package/partner-commerce");

      GoalResult retired =
          new SetStateGoal(repo.context(), "payments@1", "retired", false).execute();
      assertThat(retired.problems()).isEmpty();

      assertThat(repo.changed())
          .containsExactly(
              "apis/payments/v1.yaml",
              "apis/payments/v2.yaml",
              "applications/web-shop.yaml",
              "packages/partner-commerce.yaml");
      GoalResult check =
          new CheckVersionsGoal(repo.context(), new CheckVersionsRequest(null)).execute();
      assertThat(check.problems()).extracting(Problem::format).isEmpty();
      assertThat(check.code()).isEqualTo("OK");
    }
  }
}
