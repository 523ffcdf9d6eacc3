package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code overwrite}: in a Promotion's list of what may be overwritten, a child ({@code
 * application.credentials}) is listed only with its parent ({@code application}), as in the
 * overwrite tree of the asset promotion seed. Unknown entries are the schema's to report.
 *
 * @since 0.1.0
 */
public final class OverwriteRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    List<Problem> out = new ArrayList<>();
    for (Asset promotion : config.all(Kind.PROMOTION)) {
      List<YNode> entries = promotion.body().list("overwrite");
      Set<String> listed = new HashSet<>();
      entries.forEach(e -> listed.add(RuleSupport.text(e)));
      for (int i = 0; i < entries.size(); i++) {
        String entry = RuleSupport.text(entries.get(i));
        if (entry == null || entry.indexOf('.') < 0) {
          continue;
        }
        String parent = entry.substring(0, entry.indexOf('.'));
        if (!listed.contains(parent)) {
          out.add(
              RuleSupport.error(
                  promotion,
                  entries.get(i),
                  "/overwrite/" + i,
                  RuleId.OVERWRITE,
                  entry
                      + " needs its parent "
                      + parent
                      + " in overwrite: add "
                      + parent
                      + ", or remove "
                      + entry
                      + " to keep what the target has"));
        }
      }
    }
    return out;
  }
}
