package io.apistage.promotion;

import static io.apistage.promotion.Fixtures.promotion;
import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final Planner planner = new Planner();

  private Planner.Plan plan(String promotionYaml, Config source, Planner.Contents target) {
    return planner.plan(
        promotion(promotionYaml), new Planner.Source(source, "dev"), "qa", target, false);
  }

  private static List<String> lines(Planner.Plan plan) {
    return plan.reports().stream()
        .map(r -> r.status().label() + " " + r.key() + ": " + r.explanation())
        .toList();
  }

  @Test
  void requiredDependenciesTravelWithTheApiAndAliasesAreResolvedForTheTarget() {
    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: orders, major: 1 }]\n",
            Fixtures.shop(),
            Planner.Contents.EMPTY);

    assertThat(plan.failed()).isFalse();
    assertThat(lines(plan))
        .containsExactly(
            "Success api/orders@1: created on qa",
            "Success policy/cors: created on qa (required by api/orders@1)",
            "Success alias/orders-backend: created on qa (required by api/orders@1)");
    assertThat(((Map<?, ?>) plan.after().running().get("api/orders@1")).get("baseUrl"))
        .isEqualTo("https://orders.qa");
    assertThat(plan.after().authored().get("api/orders@1").str("baseUrl"))
        .isEqualTo("${alias:orders-backend}");
    assertThat(plan.after().aliases()).containsOnlyKeys("orders-backend");
    assertThat(plan.after().running()).doesNotContainKey("application/mobile-app");
  }

  @Test
  void optionalApplicationsTravelOnlyWhenIncluded() {
    String yaml =
        "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: orders, major: 1 }]\n";
    Planner.Plan none =
        plan(yaml + "include: { applications: none }\n", Fixtures.shop(), Planner.Contents.EMPTY);
    Planner.Plan named =
        plan(
            yaml + "include: { applications: [mobile-app] }\n",
            Fixtures.shop(),
            Planner.Contents.EMPTY);

    assertThat(none.after().running()).doesNotContainKey("application/mobile-app");
    assertThat(named.after().running()).containsKey("application/mobile-app");
    assertThat(lines(named))
        .contains(
            "Success application/mobile-app: created on qa (optional dependency of api/orders@1, included)");
  }

  @Test
  void keywordSelectsByNameDescriptionAndTagWithOrAndWildcard() {
    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ keyword: \"PET|commerce\" }, { keyword: \"cor*\" }]\n",
            Fixtures.shop(),
            Planner.Contents.EMPTY);

    assertThat(plan.after().running())
        .containsOnlyKeys("api/orders@1", "api/pets@1", "policy/cors");
  }

  @Test
  void teamSelectorMatchesTheAssetsTeam() {
    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ team: animals }]\n",
            Fixtures.shop(),
            Planner.Contents.EMPTY);

    assertThat(plan.after().running()).containsOnlyKeys("api/pets@1");
  }

  @Test
  void promotionWhoseOnlySelectorMatchesNothingFails() {
    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: plan, name: gold }]\n",
            Fixtures.shop(),
            Planner.Contents.EMPTY);

    assertThat(plan.failed()).isTrue();
    assertThat(lines(plan))
        .containsExactly(
            "Warning assets[0]: selects nothing on dev; check the kind, name, team or keyword",
            "Failure assets: promotion p selects nothing on dev; check its selectors' kind, name,"
                + " team or keyword, or promote to dev first what it should select");
  }

  private static Planner.Contents after(String promotionYaml, Config source) {
    return new Planner()
        .plan(
            promotion(promotionYaml),
            new Planner.Source(source, "dev"),
            "qa",
            Planner.Contents.EMPTY,
            false)
        .after();
  }

  @Test
  void overwriteNoneFailsAnAssetThatExistsWithOtherContentAndWritesNothing() {
    String first = "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: pets }]\n";
    Planner.Contents qa = after(first, Fixtures.shop());
    Config changed =
        Fixtures.config("apis/pets/v1.yaml", Fixtures.PETS_V1.replace("1.0.0", "1.1.0"));

    Planner.Plan plan = plan(first + "overwrite: none\n", changed, qa);

    assertThat(plan.failed()).isTrue();
    assertThat(plan.after()).isEqualTo(qa);
    assertThat(lines(plan))
        .containsExactly(
            "Failure api/pets@1: exists on qa with different content (1 field change) and overwrite is none:"
                + " add api to overwrite to replace it");
  }

  @Test
  void overwriteListReplacesTheKindsItNames() {
    String first = "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: pets }]\n";
    Planner.Contents qa = after(first, Fixtures.shop());
    Config changed =
        Fixtures.config("apis/pets/v1.yaml", Fixtures.PETS_V1.replace("1.0.0", "1.1.0"));

    Planner.Plan plan = plan(first + "overwrite: [api]\n", changed, qa);

    assertThat(lines(plan)).containsExactly("Replaced api/pets@1: replaced on qa (1 field change)");
    assertThat(((Map<?, ?>) plan.after().running().get("api/pets@1")).get("version"))
        .isEqualTo("1.1.0");
  }

  @Test
  void sameContentAtTheTargetIsNoConflictEvenWithOverwriteNone() {
    String yaml = "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: pets }]\n";
    Planner.Contents qa = after(yaml, Fixtures.shop());

    Planner.Plan plan = plan(yaml, Fixtures.shop(), qa);

    assertThat(plan.failed()).isFalse();
    assertThat(lines(plan)).containsExactly("Success api/pets@1: unchanged: qa already has it");
    assertThat(plan.touched()).isEmpty();
  }

  @Test
  void parentOnlyOverwriteKeepsTheTargetsCredentials() {
    String yaml = "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: application }]\n";
    Planner.Contents qa = after(yaml, Fixtures.shop());
    Config changed =
        Fixtures.config(
            "apis/orders/v1.yaml",
            Fixtures.ORDERS_V1,
            "policies/cors.yaml",
            Fixtures.CORS,
            "aliases/orders-backend.yaml",
            Fixtures.BACKEND,
            "applications/mobile-app.yaml",
            Fixtures.MOBILE.replace("MOBILE_KEY", "NEW_KEY") + "description: the app\n");

    Planner.Plan parentOnly = plan(yaml + "overwrite: [application]\n", changed, qa);
    Planner.Plan withChild =
        plan(yaml + "overwrite: [application, application.credentials]\n", changed, qa);

    assertThat(lines(parentOnly))
        .contains(
            "Warning application/mobile-app: replaced on qa (1 field change); its credentials differ on qa and are"
                + " kept: add application.credentials to overwrite to replace them");
    assertThat(parentOnly.after().running().get("application/mobile-app").toString())
        .contains("MOBILE_KEY")
        .contains("the app");
    assertThat(withChild.after().running().get("application/mobile-app").toString())
        .contains("NEW_KEY");
  }

  @Test
  void fixMissingVersionsBringsTheEarlierMajorLine() {
    String yaml =
        "kind: Promotion\nname: p\nto: [qa]\nassets: [{ kind: api, name: orders, major: 2 }]\n";

    Planner.Plan without = plan(yaml, Fixtures.shop(), Planner.Contents.EMPTY);
    Planner.Plan with =
        plan(yaml + "fixMissingVersions: true\n", Fixtures.shop(), Planner.Contents.EMPTY);

    assertThat(without.after().running()).doesNotContainKey("api/orders@1");
    assertThat(lines(without))
        .contains(
            "Warning api/orders@2: created on qa; qa lacks the earlier version line api/orders@1 that dev has:"
                + " set fixMissingVersions: true to promote it as well");
    assertThat(with.after().running()).containsKeys("api/orders@1", "api/orders@2", "policy/cors");
    assertThat(lines(with))
        .contains(
            "Success api/orders@1: created on qa (earlier version line of api/orders@2 that qa lacked, added by fixMissingVersions)");
  }

  @Test
  void missingRequiredDependencyFailsTheAsset() {
    Config source =
        Fixtures.config(
            "apis/orders/v1.yaml",
            Fixtures.ORDERS_V1,
            "aliases/orders-backend.yaml",
            Fixtures.BACKEND);

    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ name: orders }]\n",
            source,
            Planner.Contents.EMPTY);

    assertThat(plan.failed()).isTrue();
    assertThat(lines(plan))
        .contains(
            "Failure api/orders@1: requires policy/cors, which dev does not have; add it to dev first");
    assertThat(plan.after().running()).isEmpty();
  }

  @Test
  void aliasWithoutValueForTheStageFailsTheAsset() {
    Config source =
        Fixtures.config(
            "apis/orders/v1.yaml",
            Fixtures.ORDERS_V1.replace("policies: [cors]", ""),
            "aliases/orders-backend.yaml",
            "kind: Alias\nname: orders-backend\nstages: { prod: x }\n");

    Planner.Plan plan =
        plan(
            "kind: Promotion\nname: p\nto: [qa]\nassets: [{ name: orders }]\n",
            source,
            Planner.Contents.EMPTY);

    assertThat(lines(plan))
        .contains(
            "Failure api/orders@1: ${alias:orders-backend} has no value for stage qa: aliases/orders-backend.yaml"
                + " sets neither stages.qa nor a default value; add one of them");
  }

  @Test
  void mirrorRemovesWhatTheSourceNoLongerHas() {
    Planner.Contents dev =
        new Planner()
            .plan(
                promotion("kind: Promotion\nname: p\nto: [dev]\nassets: [{ kind: api }]\n"),
                new Planner.Source(Fixtures.shop(), "main"),
                "dev",
                Planner.Contents.EMPTY,
                true)
            .after();
    Config smaller = Fixtures.config("apis/pets/v1.yaml", Fixtures.PETS_V1);

    Planner.Plan plan =
        new Planner()
            .plan(
                promotion("kind: Promotion\nname: p\nto: [dev]\nassets: [{ kind: api }]\n"),
                new Planner.Source(smaller, "main"),
                "dev",
                dev,
                true);

    assertThat(plan.after().keys()).containsExactly("api/pets@1");
    assertThat(lines(plan)).contains("Success api/orders@1: removed from dev: no longer on main");
  }
}
