package io.apistage.versions;

import static io.apistage.problem.RuleId.*;

import io.apistage.problem.RuleId;
import java.util.List;
import java.util.Set;

/**
 * Decides which rule of the {@link RuleId} catalogue one change falls under, by the top-level field
 * it is in: documentation and metadata here, endpoints in {@link EndpointClassifier} (and their
 * schemas in {@link SchemaClassifier}), auth, rate limits, policies and pricing in {@link
 * GatewaySettingsClassifier}. A field no rule knows is an {@code unclassified-change}, breaking.
 *
 * @since 0.1.0
 */
final class ChangeClassifier {

  private ChangeClassifier() {}

  /** Keys that only document: changing them never changes the contract. */
  private static final Set<String> DOCUMENTATION =
      Set.of("description", "summary", "title", "example", "examples", "externalDocs", "x-notes");

  /** Adds the findings of one change to {@code out}. */
  static void classify(ChangePath loc, List<Finding> out) {
    int n = loc.size();
    if (n == 0) {
      out.add(loc.unclassified());
      return;
    }
    if (DOCUMENTATION.contains(loc.lastKey()) && !loc.isPropertyName(n - 1)) {
      out.add(loc.finding(DESCRIPTION_CHANGED, loc.change.path() + " " + loc.howChanged()));
      return;
    }
    switch (loc.key(0)) {
      case "category", "tags", "team", "contact", "label", "openapi" ->
          out.add(loc.finding(METADATA_CHANGED, loc.change.path() + " " + loc.howChanged()));
      case "baseUrl" -> out.add(loc.finding(BASE_URL_CHANGED, "baseUrl " + loc.howChanged()));
      case "id" ->
          out.add(
              loc.finding(ID_CHANGED, "id " + loc.howChanged() + ": the gateway sees another API"));
      case "policies" -> GatewaySettingsClassifier.policies(loc, "", out);
      case "endpoints" -> EndpointClassifier.classify(loc, out);
      case "auth" -> GatewaySettingsClassifier.auth(loc, out);
      case "rateLimit" -> GatewaySettingsClassifier.rateLimit(loc, 0, "the API", out);
      case "pricing" -> GatewaySettingsClassifier.pricing(loc, out);
      default -> out.add(loc.unclassified());
    }
  }
}
