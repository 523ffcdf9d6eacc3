package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code literal-secret}: a secret-bearing field ({@code auth.staticToken} of an Api, the {@code
 * key} of an Application's credentials, the values of an Alias with {@code secret: true}) holds
 * only a reference {@code ${secret:NAME}}, or {@code ${alias:NAME}} of a secret Alias; and any
 * other string value that holds a secret by its format or its field's name ({@link SecretFormats}),
 * unless {@code apistage.yaml} accepts it under {@code secrets.allow}. Secrets never go in Git. The
 * message never repeats the value.
 *
 * @since 0.1.0
 */
public final class LiteralSecretRule implements Rule {

  /** A secret reference; group 1 is the name looked up as {@code APISTAGE_SECRET_<NAME>}. */
  public static final Pattern SECRET_REF =
      Pattern.compile("\\$\\{secret:([A-Za-z_][A-Za-z0-9_]*)\\}");

  private static final Pattern ALIAS_REF = Pattern.compile("\\$\\{alias:([a-z][a-z0-9-]{0,62})\\}");

  @Override
  public List<Problem> check(Config config) {
    return check(config, Facts.computing());
  }

  @Override
  public List<Problem> check(Config config, Facts facts) {
    List<Problem> out = new ArrayList<>();
    for (Asset asset : config.assets().values()) {
      switch (asset.kind()) {
        case API -> checkApi(config, asset, out);
        case APPLICATION -> checkApplication(config, asset, out);
        case ALIAS -> checkAlias(config, asset, out);
        default -> {
          // no other kind has a secret-bearing field; SecretScan reads every value
        }
      }
    }
    Set<String> done = new HashSet<>();
    out.forEach(p -> done.add(p.file() + "#" + p.field()));
    out.addAll(SecretScan.problems(config, done, facts));
    return out;
  }

  /** An Api's {@code auth.staticToken}. */
  private static void checkApi(Config config, Asset asset, List<Problem> out) {
    YMap auth = asset.body().map("auth");
    if (auth != null && auth.get("staticToken") != null) {
      check(config, asset, auth.get("staticToken"), "/auth/staticToken", "auth.staticToken", out);
    }
  }

  /** The {@code key} of each of an Application's credentials. */
  private static void checkApplication(Config config, Asset asset, List<Problem> out) {
    List<YNode> credentials = asset.body().list("credentials");
    for (int i = 0; i < credentials.size(); i++) {
      if (credentials.get(i) instanceof YMap c && c.get("key") != null) {
        String name = c.str("name") == null ? String.valueOf(i) : c.str("name");
        check(
            config,
            asset,
            c.get("key"),
            "/credentials/" + i + "/key",
            "the key of credential '" + name + "'",
            out);
      }
    }
  }

  /** The value and the per-stage values of an Alias with {@code secret: true}. */
  private static void checkAlias(Config config, Asset asset, List<Problem> out) {
    if (!asset.body().bool("secret", false)) {
      return;
    }
    if (asset.body().get("value") != null) {
      check(config, asset, asset.body().get("value"), "/value", "the value of a secret alias", out);
    }
    YMap stages = asset.body().map("stages");
    if (stages != null) {
      for (YMap.Entry e : stages.entries().values()) {
        check(
            config,
            asset,
            e.value(),
            JsonPointer.child("/stages", e.key()),
            "the " + e.key() + " value of a secret alias",
            out);
      }
    }
  }

  private static void check(
      Config config, Asset asset, YNode node, String pointer, String what, List<Problem> out) {
    if (node instanceof YScalar s && s.value() == null) {
      return;
    }
    String text = node instanceof YScalar s && s.value() instanceof String v ? v : null;
    if (text != null && SECRET_REF.matcher(text).matches()) {
      return;
    }
    Matcher alias = text == null ? null : ALIAS_REF.matcher(text);
    if (alias != null && alias.matches()) {
      Optional<Asset> target = config.get(Kind.ALIAS, alias.group(1), 0);
      if (target.isEmpty() || target.get().body().bool("secret", false)) {
        return; // unknown-reference reports a missing alias
      }
      out.add(
          RuleSupport.error(
              asset,
              node,
              pointer,
              RuleId.LITERAL_SECRET,
              what
                  + " uses alias '"
                  + alias.group(1)
                  + "', which is not secret: true; set secret:"
                  + " true in "
                  + target.get().file()
                  + " and make its values ${secret:NAME}"
                  + " references"));
      return;
    }
    if (text != null && text.startsWith("${secret:")) {
      out.add(
          RuleSupport.error(
              asset,
              node,
              pointer,
              RuleId.LITERAL_SECRET,
              what
                  + " '"
                  + text
                  + "' is not a valid secret reference: write ${secret:NAME}"
                  + " with NAME of letters, digits and '_' (read from APISTAGE_SECRET_<NAME>),"
                  + " e.g. ${secret:MOBILE_KEY}"));
      return;
    }
    out.add(
        RuleSupport.error(
            asset,
            node,
            pointer,
            RuleId.LITERAL_SECRET,
            what
                + " holds a literal value; secrets never go in Git: write ${secret:NAME} and"
                + " provide APISTAGE_SECRET_NAME (or a settings.xml server) where the stage's"
                + " gateway is configured"));
  }
}
