package io.apistage.versions;

/** Api documents and consumers for the check-versions tests. */
final class Fixtures {

  private Fixtures() {}

  /** The orders API v1 at a version and state, with GET and DELETE /orders/{id}. */
  static String orders(String version, String state) {
    return """
        kind: Api
        name: orders
        version: %s
        state: %s
        description: Orders of the web shop
        baseUrl: http://orders.internal
        endpoints:
          - name: getOrder
            method: GET
            path: /orders/{id}
            parameters:
              - { name: id, type: string, required: true, location: path }
            responses:
              "200": { description: The order }
          - name: deleteOrder
            method: DELETE
            path: /orders/{id}
            parameters:
              - { name: id, type: string, required: true, location: path }
        """
        .formatted(version, state);
  }

  /** {@link #orders} without DELETE /orders/{id}. */
  static String ordersWithoutDelete(String version, String state) {
    String full = orders(version, state);
    return full.substring(0, full.indexOf("  - name: deleteOrder"));
  }

  /** {@link #orders} with a new endpoint POST /orders/{id}/cancel. */
  static String ordersWithCancel(String version, String state) {
    return orders(version, state)
        + """
          - name: cancelOrder
            method: POST
            path: /orders/{id}/cancel
            parameters:
              - { name: id, type: string, required: true, location: path }
        """;
  }

  static String api(String name, String version, String state) {
    return """
        kind: Api
        name: %s
        version: %s
        state: %s
        endpoints:
          - { method: GET, path: /%s }
        """
        .formatted(name, version, state, name);
  }

  static final String MOBILE_APP =
      "kind: Application\nname: mobile-app\napis: [orders@1, catalog@2]\n";
  static final String SHOP = "kind: Package\nname: shop\napis: [orders@1]\nplans: [gold]\n";
  static final String MOBILE_SHOP =
      "kind: Subscription\nname: mobile-shop\napplication: mobile-app\npackage: shop\nplan: gold\n";
  static final String WEB_APP = "kind: Application\nname: web-app\napis: [orders@2]\n";
}
