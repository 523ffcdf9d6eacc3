package io.apistage.release;

/** The orders Api the release tests tag and release, version by version. */
final class OrdersYaml {

  private OrdersYaml() {}

  /** An Api document of orders v1. */
  static String orders(String version, String state, String extraEndpoint) {
    return "kind: Api\n"
        + "name: orders\n"
        + "version: "
        + version
        + "\n"
        + "state: "
        + state
        + "\n"
        + "baseUrl: https://orders.internal\n"
        + "endpoints:\n"
        + "  - name: getOrder\n"
        + "    method: GET\n"
        + "    path: /orders/{id}\n"
        + "    description: One order\n"
        + "    parameters:\n"
        + "      - { name: id, type: string, required: true, location: path }\n"
        + extraEndpoint;
  }

  static final String CANCEL =
      "  - name: cancelOrder\n"
          + "    method: POST\n"
          + "    path: /orders/{id}/cancel\n"
          + "    parameters:\n"
          + "      - { name: id, type: string, required: true, location: path }\n";
}
