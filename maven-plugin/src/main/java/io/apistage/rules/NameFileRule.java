package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code name-file}: a document's {@code name} matches its file name (for an Api, its folder under
 * {@code apis/}), and that file name is a valid name.
 *
 * @since 0.1.0
 */
public final class NameFileRule implements AssetRule {

  @Override
  public List<Problem> check(Asset asset) {
    List<Problem> out = new ArrayList<>();
    boolean api = asset.kind() == Kind.API;
    String what = api ? "folder apis/" + asset.name() + "/" : "file name " + fileName(asset);
    if (!RuleSupport.isName(asset.name())) {
      out.add(
          RuleSupport.error(
              asset,
              "/name",
              RuleId.NAME_FILE,
              "the "
                  + what
                  + " is not a valid name ("
                  + RuleSupport.NAME.pattern()
                  + "): rename it to lower-case letters, digits and '-'"));
      return out;
    }
    YNode node = asset.body().get("name");
    String name = RuleSupport.text(node);
    if (name != null && !name.equals(asset.name())) {
      out.add(
          RuleSupport.error(
              asset,
              node,
              "/name",
              RuleId.NAME_FILE,
              "name '"
                  + name
                  + "' does not match the "
                  + what
                  + "; set name: "
                  + asset.name()
                  + " or rename the "
                  + (api ? "folder" : "file")));
    }
    return out;
  }

  private static String fileName(Asset asset) {
    return asset.file().substring(asset.file().lastIndexOf('/') + 1);
  }
}
