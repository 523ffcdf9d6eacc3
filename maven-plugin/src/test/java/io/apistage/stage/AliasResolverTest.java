package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AliasResolverTest {

  private static Config config(Map<String, String> files) throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return new ConfigLoader().load(new MemorySource(bytes));
  }

  private static AliasResolver.Resolved resolve(Config config, String key, String stage) {
    return AliasResolver.of(config.assets().values(), stage).resolve(config.get(key).orElseThrow());
  }

  @Test
  void stageValueWinsOverTheDefault() throws IOException {
    Config config = config(Repos.shop());
    Map<?, ?> qa = (Map<?, ?>) resolve(config, "api/orders@1", "qa").plain();
    Map<?, ?> dev = (Map<?, ?>) resolve(config, "api/orders@1", "dev").plain();
    assertThat(qa.get("baseUrl")).isEqualTo("https://orders.qa.internal");
    assertThat(dev.get("baseUrl"))
        .as("dev has no stage value: the default")
        .isEqualTo("http://localhost:9001");
  }

  @Test
  void secretReferencesAreNeverResolved() throws IOException {
    Map<String, String> files = Repos.shop();
    files.put(
        "aliases/orders-token.yaml",
        "kind: Alias\nname: orders-token\nsecret: true\nvalue: ${secret:ORDERS_TOKEN_DEV}\nstages: { qa: \"${secret:ORDERS_TOKEN_QA}\" }\n");
    files.put(
        "apis/orders/v1.yaml",
        Repos.ORDERS.replace("${secret:ORDERS_TOKEN}", "${alias:orders-token}"));
    Config config = config(files);
    AliasResolver.Resolved qa = resolve(config, "api/orders@1", "qa");
    assertThat(qa.problems()).isEmpty();
    assertThat(((Map<?, ?>) ((Map<?, ?>) qa.plain()).get("auth")).get("staticToken"))
        .isEqualTo("${secret:ORDERS_TOKEN_QA}");
    assertThat(qa.aliasesUsed()).containsExactly("orders-backend", "orders-token");
  }

  @Test
  void referencesInsideLongerStringsAreReplacedEach() throws IOException {
    Map<String, String> files = Repos.shop();
    files.put(
        "applications/mobile-app.yaml",
        "kind: Application\nname: mobile-app\ndescription: calls ${alias:orders-backend}/v1 and ${alias:orders-backend}/v2\n");
    Map<?, ?> app = (Map<?, ?>) resolve(config(files), "application/mobile-app", "prod").plain();
    assertThat(app.get("description"))
        .isEqualTo("calls https://orders.internal/v1 and https://orders.internal/v2");
  }

  @Test
  void aliasWithoutValueForTheStageNamesAliasAndStage() throws IOException {
    Map<String, String> files = Repos.shop();
    files.put(
        "aliases/orders-backend.yaml",
        "kind: Alias\nname: orders-backend\nstages: { qa: https://q }\n");
    AliasResolver.Resolved dev = resolve(config(files), "api/orders@1", "dev");
    assertThat(dev.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apis/orders/v1.yaml:6:10: error [alias] ${alias:orders-backend} has no value for stage dev:"
                + " aliases/orders-backend.yaml sets neither stages.dev nor a default value; add one of them");
  }

  @Test
  void unknownAliasIsAnErrorAtTheReference() throws IOException {
    Map<String, String> files = Repos.shop();
    files.put("policies/cors.yaml", Repos.CORS + "description: ${alias:cors-origin}\n");
    AliasResolver.Resolved qa = resolve(config(files), "policy/cors", "qa");
    assertThat(qa.problems())
        .extracting(Problem::format)
        .containsExactly(
            "policies/cors.yaml:5:14: error [alias] ${alias:cors-origin} names no alias (needed for stage qa);"
                + " create aliases/cors-origin.yaml with kind: Alias, or fix the name; known aliases:"
                + " orders-backend, prod-gateway");
  }

  @Test
  void aliasValueThatIsAnotherAliasIsRefused() throws IOException {
    Map<String, String> files = Repos.shop();
    files.put(
        "aliases/orders-backend.yaml",
        "kind: Alias\nname: orders-backend\nvalue: ${alias:prod-gateway}\n");
    AliasResolver.Resolved qa = resolve(config(files), "api/orders@1", "qa");
    assertThat(qa.problems()).extracting(Problem::rule).containsExactly("alias");
    assertThat(qa.problems().get(0).message()).contains("is itself an alias reference");
  }

  @Test
  void referencedAliasesAreFoundWithoutResolving() throws IOException {
    Asset orders = config(Repos.shop()).get(Kind.API, "orders", 1).orElseThrow();
    assertThat(AliasResolver.referencedAliases(orders)).containsExactly("orders-backend");
  }

  @Test
  void resolvingThePlainDocumentGivesTheSameAsResolvingTheAsset() throws IOException {
    Config config = config(Repos.shop());
    Asset orders = config.get(Kind.API, "orders", 1).orElseThrow();
    for (String stage : List.of("dev", "qa", "prod")) {
      AliasResolver resolver = AliasResolver.of(config.assets().values(), stage);
      Object plain = io.apistage.model.TreeDiff.normalize(orders.body().toPlain());
      assertThat(AliasResolver.mentionsAlias(plain)).isTrue();
      assertThat(resolver.resolvePlain(plain)).contains(resolver.resolve(orders).plain());
    }
    AliasResolver none = AliasResolver.of(List.of(), "qa");
    assertThat(none.resolvePlain(Map.of("baseUrl", "${alias:orders-backend}"))).isEmpty();
    assertThat(AliasResolver.mentionsAlias(Map.of("a", List.of("x", "${secret:Y}")))).isFalse();
  }
}
