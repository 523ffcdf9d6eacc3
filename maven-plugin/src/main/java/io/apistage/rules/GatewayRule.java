package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gateway}: a stage's {@code gateway.listen} is {@code host:port} with a port from 1 to
 * 65535, and no two stages listen on the same address (a wildcard host such as {@code 0.0.0.0}
 * takes its port on every address). The shape of the block is its schema's (docs/gateway.md).
 *
 * @since 0.1.0
 */
public final class GatewayRule implements Rule {

  /** The rule id. */
  private static final Pattern LISTEN =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*|\\*):([0-9]{1,5})");

  private static final List<String> WILDCARDS = List.of("*", "0.0.0.0", "[::]");

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    Map<String, Asset> byListen = new LinkedHashMap<>();
    for (Asset stage : config.all(Kind.STAGE)) {
      String listen = RuleSupport.text(stage.body().at("/gateway/listen"));
      if (listen == null) {
        continue;
      }
      Matcher m = LISTEN.matcher(listen);
      if (!m.matches()) {
        continue; // the schema reports the shape
      }
      int port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65535) {
        out.add(
            RuleSupport.error(
                stage,
                "/gateway/listen",
                RuleId.GATEWAY,
                "gateway.listen '" + listen + "' has port " + port + "; a port is 1 to 65535"));
        continue;
      }
      String host = m.group(1).toLowerCase(Locale.ROOT);
      for (Map.Entry<String, Asset> other : byListen.entrySet()) {
        String[] hp = other.getKey().split(":(?=[0-9]+$)");
        if (Integer.parseInt(hp[1]) == port
            && (hp[0].equals(host) || WILDCARDS.contains(hp[0]) || WILDCARDS.contains(host))) {
          out.add(
              RuleSupport.error(
                  stage,
                  "/gateway/listen",
                  RuleId.GATEWAY,
                  "stage '"
                      + stage.name()
                      + "' listens on "
                      + listen
                      + ", as stage '"
                      + other.getValue().name()
                      + "' does; two stages may not share one gateway.listen: give each its own"
                      + " port"));
          break;
        }
      }
      byListen.putIfAbsent(host + ":" + port, stage);
    }
    return out;
  }
}
