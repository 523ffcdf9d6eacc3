package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code one-major}: an Application or a Package lists at most one major of each API.
 *
 * @since 0.1.0
 */
public final class OneMajorRule implements AssetRule {

  @Override
  public List<Problem> check(Asset asset) {
    List<Problem> out = new ArrayList<>();
    if (asset.kind() != Kind.APPLICATION && asset.kind() != Kind.PACKAGE) {
      return out;
    }
    Map<String, String> firstMajor = new HashMap<>();
    List<YNode> apis = asset.body().list("apis");
    for (int i = 0; i < apis.size(); i++) {
      String text = RuleSupport.text(apis.get(i));
      Matcher m = text == null ? null : RuleSupport.API_REF.matcher(text);
      if (m == null || !m.matches()) {
        continue;
      }
      String first = firstMajor.putIfAbsent(m.group(1), text);
      if (first != null && !first.equals(text)) {
        String kind = asset.kind().label().toLowerCase(Locale.ROOT);
        out.add(
            RuleSupport.error(
                asset,
                apis.get(i),
                "/apis/" + i,
                RuleId.ONE_MAJOR,
                kind
                    + " '"
                    + asset.name()
                    + "' lists "
                    + first
                    + " and "
                    + text
                    + "; "
                    + (kind.startsWith("a") ? "an " : "a ")
                    + kind
                    + " uses one major of an API: keep one of them"));
      }
    }
    return out;
  }
}
