package io.apistage.stage;

import java.util.LinkedHashMap;
import java.util.Map;

/** The YAML of the small repositories the stage tests use. */
final class Repos {

  private Repos() {}

  static final String DEV =
      """
      kind: Stage
      name: dev
      gatewayUrl: https://dev.api.example.com
      """;

  static final String QA =
      """
      kind: Stage
      name: qa
      promotesFrom: dev
      gatewayUrl: https://qa.api.example.com/
      """;

  static final String PROD =
      """
      kind: Stage
      name: prod
      promotesFrom: qa
      gatewayUrl: ${alias:prod-gateway}
      """;

  static final String BACKEND =
      """
      kind: Alias
      name: orders-backend
      value: http://localhost:9001
      stages:
        qa: https://orders.qa.internal
        prod: https://orders.internal
      """;

  static final String PROD_GATEWAY =
      """
      kind: Alias
      name: prod-gateway
      stages: { prod: "https://api.example.com" }
      """;

  static final String ORDERS =
      """
      kind: Api
      name: orders
      version: 1.4.2
      state: published
      description: Orders of the web shop
      baseUrl: ${alias:orders-backend}
      auth:
        type: api-key
        tokenLocation: header
        tokenName: X-Api-Key
        staticToken: ${secret:ORDERS_TOKEN}
      policies: [cors]
      endpoints:
        - name: getOrder
          method: GET
          path: /orders/{id}
          description: One order
          parameters:
            - { name: id, type: string, required: true, location: path }
          responses:
            "200": { description: The order }
        - name: listOrders
          method: GET
          path: /orders
          deprecated: false
      """;

  /**
   * The same Api reformatted: flow style, other key order, quotes, comments, a spelled-out default.
   */
  static final String ORDERS_REFORMATTED =
      """
      # the orders API, reformatted
      name: 'orders'
      kind: "Api"
      state: published
      version: "1.4.2"
      baseUrl: "${alias:orders-backend}"
      description: >-
        Orders of the web shop
      auth: { type: api-key, tokenName: X-Api-Key, tokenLocation: header, staticToken: "${secret:ORDERS_TOKEN}" }
      policies:
        - cors
      endpoints:
        - path: /orders
          method: GET
          name: listOrders
        - method: GET
          name: getOrder
          path: "/orders/{id}"
          description: One order
          deprecated: false
          responses: { "200": { description: "The order" } }
          parameters: [ { location: path, required: true, type: string, name: id } ]
      """;

  static final String CORS =
      """
      kind: Policy
      name: cors
      type: cors
      config: { origins: ["*"] }
      """;

  static final String MOBILE =
      """
      kind: Application
      name: mobile-app
      description: The mobile app
      apis: [orders@1]
      """;

  static final String TEAM =
      """
      kind: Team
      name: payments
      """;

  /** A repository with three stages, two aliases, an Api, a Policy, an Application and a Team. */
  static Map<String, String> shop() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("stages/dev.yaml", DEV);
    files.put("stages/qa.yaml", QA);
    files.put("stages/prod.yaml", PROD);
    files.put("aliases/orders-backend.yaml", BACKEND);
    files.put("aliases/prod-gateway.yaml", PROD_GATEWAY);
    files.put("apis/orders/v1.yaml", ORDERS);
    files.put("policies/cors.yaml", CORS);
    files.put("applications/mobile-app.yaml", MOBILE);
    files.put("teams/payments.yaml", TEAM);
    return files;
  }
}
