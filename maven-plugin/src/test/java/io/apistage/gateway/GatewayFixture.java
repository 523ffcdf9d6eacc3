package io.apistage.gateway;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.MemorySource;
import io.apistage.model.TreeDiff;
import io.apistage.stage.Stage;
import io.apistage.stage.StageState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stage states built from YAML text, for rendering tests without Git. */
public final class GatewayFixture {

  private GatewayFixture() {}

  /** The stage file of stage {@code qa} listening on a port, deploy manual. */
  public static String stageFile(String name, int port) {
    return "kind: Stage\nname: "
        + name
        + "\ngateway: { type: nginx, listen: 127.0.0.1:"
        + port
        + " }\n";
  }

  /** A state of a stage at a commit, holding the given files (paths to YAML text). */
  public static StageState state(String stage, String commit, Map<String, String> files)
      throws IOException {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    Config config = new ConfigLoader().load(new MemorySource(bytes));
    Stage s =
        Stage.of(
            config.all(Kind.STAGE).stream()
                .filter(a -> a.name().equals(stage))
                .findFirst()
                .orElseThrow());
    Map<String, Object> plain = new LinkedHashMap<>();
    Map<String, Asset> deployed = new LinkedHashMap<>();
    for (Asset a : config.assets().values()) {
      if (a.kind() != Kind.STAGE && a.kind() != Kind.PROMOTION && a.kind() != Kind.ALIAS) {
        plain.put(a.key(), TreeDiff.normalize(a.body().toPlain()));
        deployed.put(a.key(), a);
      }
    }
    return new StageState(
        s,
        Optional.of(commit),
        new StageState.StageContent(s.name(), plain, deployed, Map.of(), List.of(), null),
        deployed,
        List.of());
  }

  /** The files of a small platform: orders (keys), catalog (no auth), an old retired API. */
  public static Map<String, String> platform(int port, String backend) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("stages/qa.yaml", stageFile("qa", port));
    files.put(
        "apis/orders/v1.yaml",
        """
        kind: Api
        name: orders
        version: 1.2.0
        state: published
        baseUrl: %s/orders-api
        auth: { type: api-key, tokenLocation: header, tokenName: X-Api-Key }
        policies: [request-id]
        endpoints:
          - { name: getOrder, method: GET, path: "/orders/{id}", parameters: [ { name: id, type: string, required: true, location: path } ] }
          - { name: cancelOrder, method: DELETE, path: "/orders/{id}", parameters: [ { name: id, type: string, required: true, location: path } ] }
          - name: slow
            method: GET
            path: /slow
          - name: limited
            method: GET
            path: /limited
            rateLimit: { requests: 2, period: minute }
        """
            .formatted(backend));
    files.put(
        "apis/catalog/v1.yaml",
        """
        kind: Api
        name: catalog
        version: 1.0.0
        state: deprecated
        baseUrl: %s
        endpoints:
          - { name: items, method: GET, path: /items }
        """
            .formatted(backend));
    files.put(
        "apis/legacy/v1.yaml",
        """
        kind: Api
        name: legacy
        version: 1.0.0
        state: retired
        baseUrl: %s
        endpoints:
          - { name: old, method: GET, path: /old }
        """
            .formatted(backend));
    files.put("policies/request-id.yaml", "kind: Policy\nname: request-id\ntype: request-id\n");
    files.put(
        "applications/shop.yaml",
        """
        kind: Application
        name: shop
        apis: [orders@1]
        credentials: [ { name: main, key: "${secret:SHOP_KEY}" } ]
        """);
    files.put(
        "applications/partner.yaml",
        """
        kind: Application
        name: partner
        apis: [catalog@1]
        credentials: [ { name: main, key: "${secret:PARTNER_KEY}" } ]
        """);
    return files;
  }

  /** The secrets of {@link #platform}. */
  public static Secrets secrets() {
    return new Secrets(
        Map.of(
            "APISTAGE_SECRET_SHOP_KEY",
            "shop-key-0001",
            "APISTAGE_SECRET_PARTNER_KEY",
            "partner-key-0002"),
        Map.of());
  }
}
