package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.MemorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small configs in memory for the promotion tests. */
final class Fixtures {

  private Fixtures() {}

  /** A config from alternating paths and YAML texts. */
  static Config config(String... pathsAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    try {
      return new ConfigLoader().load(new MemorySource(files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A promotion parsed from its YAML text; fails the test when it has problems. */
  static PromotionSpec promotion(String yaml) {
    Config config = config("promotions/p.yaml", yaml);
    Asset asset = config.get("promotion/p").orElseThrow();
    PromotionSpec.Parsed parsed = PromotionSpec.parse(asset, yaml.getBytes(StandardCharsets.UTF_8));
    if (parsed.spec() == null) {
      throw new AssertionError("promotion has problems: " + parsed.problems());
    }
    return parsed.spec();
  }

  static final String ORDERS_V1 =
      """
      kind: Api
      name: orders
      version: 1.0.0
      state: published
      description: Orders of the web shop
      tags: [commerce]
      baseUrl: ${alias:orders-backend}
      policies: [cors]
      endpoints:
        - { name: getOrder, method: GET, path: /orders }
      """;

  static final String ORDERS_V2 =
      """
      kind: Api
      name: orders
      version: 2.0.0
      state: published
      baseUrl: ${alias:orders-backend}
      endpoints:
        - { name: getOrder, method: GET, path: /v2/orders }
      """;

  static final String PETS_V1 =
      """
      kind: Api
      name: pets
      version: 1.0.0
      state: published
      description: The pet store
      team: animals
      baseUrl: http://pets.local
      """;

  static final String CORS = "kind: Policy\nname: cors\ntype: cors\n";

  static final String BACKEND =
      "kind: Alias\nname: orders-backend\nvalue: http://localhost:9001\nstages: { qa: https://orders.qa, prod: https://orders.prod }\n";

  static final String MOBILE =
      """
      kind: Application
      name: mobile-app
      team: payments
      apis: [orders@1]
      credentials: [{ name: key, value: "${secret:MOBILE_KEY}" }]
      """;

  /** A source with orders v1 and v2, pets, cors, the backend alias and an application. */
  static Config shop() {
    return config(
        "apis/orders/v1.yaml", ORDERS_V1,
        "apis/orders/v2.yaml", ORDERS_V2,
        "apis/pets/v1.yaml", PETS_V1,
        "policies/cors.yaml", CORS,
        "aliases/orders-backend.yaml", BACKEND,
        "applications/mobile-app.yaml", MOBILE);
  }
}
