package io.apistage.gateway;

import io.apistage.stage.Stage;
import io.apistage.yaml.YMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gateway} block of a Stage: which gateway runs it, where it listens, and whether
 * promote and rollback deploy to it.
 *
 * @param type the gateway type, {@code nginx}
 * @param listen {@code host:port} of the stage's server
 * @param auto whether promote and rollback deploy what they change ({@code deploy: auto})
 * @since 0.1.0
 */
public record GatewaySpec(String type, String listen, boolean auto) {

  public GatewaySpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listen, "listen");
  }

  /** A stage's gateway, or empty when its file names none (or names it incompletely). */
  public static Optional<GatewaySpec> of(Stage stage) {
    YMap block = stage.body() == null ? null : stage.body().map("gateway");
    if (block == null || block.str("type") == null || block.str("listen") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new GatewaySpec(
            block.str("type"), block.str("listen"), "auto".equals(block.str("deploy"))));
  }

  /**
   * The address to call the stage's server on from this machine: a wildcard host is called on the
   * loopback address.
   */
  public String callAddress() {
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon);
    if (host.equals("*") || host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.equals("[::]")) {
      host = "[::1]";
    }
    return host + listen.substring(colon);
  }
}
