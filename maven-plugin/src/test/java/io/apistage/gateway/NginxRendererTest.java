package io.apistage.gateway;

import io.apistage.gateway.nginx.NginxRenderer;
import io.apistage.stage.StageState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes nginx gets for a stage. */
class NginxRendererTest {

  private static final String COMMIT = "4f2a91c0000000000000000000000000000000aa";

  private Rendering render(Map<String, String> files, Secrets secrets) throws Exception {
    StageState state = GatewayFixture.state("qa", COMMIT, files);
    return new NginxRenderer().render(state, secrets, "127.0.0.1:18081");
  }

  @Test
  void printRendered() throws Exception {
    Rendering r =
        render(GatewayFixture.platform(18081, "http://127.0.0.1:9001"), GatewayFixture.secrets());
    System.out.println(r.text());
    System.out.println(r.problems());
  }
}
