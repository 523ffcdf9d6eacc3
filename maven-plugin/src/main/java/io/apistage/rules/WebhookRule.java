package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code webhook}: an Application's {@code contact.webhook} receives signed change notices, so its
 * {@code url} is https (http only to a loopback address, for a receiver on the same machine) and
 * carries no user or password, and its {@code secret} is a {@code ${secret:NAME}} reference.
 *
 * @since 0.2.0
 */
public final class WebhookRule implements AssetRule {

  @Override
  public List<Problem> check(Asset app) {
    List<Problem> out = new ArrayList<>();
    if (app.kind() != Kind.APPLICATION) {
      return out;
    }
    YMap contact = app.body().map("contact");
    YMap webhook = contact == null ? null : contact.map("webhook");
    if (webhook == null) {
      return out;
    }
    YNode url = webhook.get("url");
    String text = RuleSupport.text(url);
    if (text != null) {
      String problem = urlProblem(text);
      if (problem != null) {
        out.add(RuleSupport.error(app, url, "/contact/webhook/url", RuleId.WEBHOOK, problem));
      }
    }
    YNode secret = webhook.get("secret");
    String value = RuleSupport.text(secret);
    if (secret != null
        && (value == null || !LiteralSecretRule.SECRET_REF.matcher(value).matches())) {
      out.add(
          RuleSupport.error(
              app,
              secret,
              "/contact/webhook/secret",
              RuleId.LITERAL_SECRET,
              "the webhook secret must be a reference ${secret:NAME} whose value (from"
                  + " APISTAGE_SECRET_NAME or a settings.xml server) has the form"
                  + " whsec_<base64>; a literal secret never goes in Git"));
    }
    return out;
  }

  /** What is wrong with a webhook URL, or null when it is fine. */
  static String urlProblem(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return "webhook url '" + text + "' is not a URL: " + e.getReason();
    }
    if (uri.getRawUserInfo() != null) {
      return "webhook url carries a user or password; remove it (the notice is signed with the"
          + " webhook secret instead)";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return "webhook url '" + text + "' names no host";
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      return "webhook url must be https (http only to a loopback address such as 127.0.0.1):"
          + " notices would travel in clear text to "
          + uri.getHost();
    }
    return null;
  }

  /** Whether a URL host is a loopback name or address. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
