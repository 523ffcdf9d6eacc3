package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code api-major}: the major of an Api's {@code version} equals the {@code N} of its file {@code
 * apis/<api>/vN.yaml}.
 *
 * @since 0.1.0
 */
public final class ApiMajorRule implements AssetRule {

  @Override
  public List<Problem> check(Asset api) {
    List<Problem> out = new ArrayList<>();
    if (api.kind() != Kind.API) {
      return out;
    }
    YNode node = api.body().get("version");
    String version = RuleSupport.text(node);
    Matcher m = version == null ? null : RuleSupport.SEMVER.matcher(version);
    if (m == null || !m.matches()) {
      return out; // the schema reports a missing or malformed version
    }
    String majorText = m.group(1);
    if (majorText.length() > 6 || Integer.parseInt(majorText) != api.major()) {
      out.add(
          RuleSupport.error(
              api,
              node,
              "/version",
              RuleId.API_MAJOR,
              "version "
                  + version
                  + " is in major line "
                  + majorText
                  + ", but the file is "
                  + api.file()
                  + "; keep "
                  + api.major()
                  + ".x.y here, or put this version in "
                  + RuleSupport.expectedFile(Kind.API, api.name(), safeMajor(majorText))));
    }
    return out;
  }

  private static int safeMajor(String text) {
    return text.length() > 6 ? 0 : Integer.parseInt(text);
  }
}
