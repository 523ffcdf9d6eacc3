package io.apistage.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The one catalogue of check-versions rules: every rule id with its level and an example. The
 * change rules classify one difference between two versions of an Api (level major, minor or
 * patch); the lifecycle rules judge a version step (level error or warning). The README table is
 * generated from this class ({@link #markdownTable()}) and a test keeps the two in agreement.
 *
 * @since 0.1.0
 */
public final class ChangeRules {

  private ChangeRules() {}

  /**
   * One rule of the catalogue.
   *
   * @param id the rule id printed in brackets, e.g. {@code endpoint-removed}
   * @param area what part of an Api it concerns, e.g. {@code endpoints}
   * @param bump the bump a change rule needs; {@link Bump#NONE} for lifecycle rules
   * @param level {@code major|minor|patch} for change rules, {@code error|warning} for lifecycle
   *     rules
   * @param example an example of a change the rule reports
   */
  public record Rule(String id, String area, Bump bump, String level, String example) {}

  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  private static String change(String id, String area, Bump bump, String example) {
    RULES.put(id, new Rule(id, area, bump, bump.label(), example));
    return id;
  }

  private static String lifecycle(String id, String level, String example) {
    RULES.put(id, new Rule(id, "lifecycle", Bump.NONE, level, example));
    return id;
  }

  // metadata
  public static final String DESCRIPTION_CHANGED =
      change(
          "description-changed",
          "metadata",
          Bump.PATCH,
          "`description` (of the Api, an endpoint, a parameter, a response) reworded");
  public static final String METADATA_CHANGED =
      change(
          "metadata-changed",
          "metadata",
          Bump.PATCH,
          "`category: commerce` → `sales`; `tags` or `team` changed");
  public static final String BASE_URL_CHANGED =
      change(
          "base-url-changed",
          "metadata",
          Bump.PATCH,
          "`baseUrl` → `${alias:orders-backend-v2}` (consumers call the gateway)");
  public static final String ID_CHANGED =
      change("id-changed", "metadata", Bump.MAJOR, "`id` replaced: the gateway sees another API");
  public static final String POLICY_ADDED =
      change("policy-added", "metadata", Bump.MINOR, "`policies: [cors]` → `[cors, logging]`");
  public static final String POLICY_REMOVED =
      change("policy-removed", "metadata", Bump.MINOR, "`policies: [cors, logging]` → `[cors]`");

  // endpoints
  public static final String ENDPOINT_ADDED =
      change("endpoint-added", "endpoints", Bump.MINOR, "`POST /orders/{id}/cancel` added");
  public static final String ENDPOINT_REMOVED =
      change("endpoint-removed", "endpoints", Bump.MAJOR, "`DELETE /orders/{id}` removed");
  public static final String ENDPOINT_METHOD_CHANGED =
      change(
          "endpoint-method-changed",
          "endpoints",
          Bump.MAJOR,
          "`getOrder`: `GET` → `POST /orders/{id}`");
  public static final String ENDPOINT_PATH_CHANGED =
      change(
          "endpoint-path-changed",
          "endpoints",
          Bump.MAJOR,
          "`getOrder`: `/orders/{id}` → `/order/{id}`");
  public static final String ENDPOINT_DEPRECATED =
      change(
          "endpoint-deprecated",
          "endpoints",
          Bump.MINOR,
          "`deprecated: true` on `GET /orders/{id}`");
  public static final String ENDPOINT_UNDEPRECATED =
      change("endpoint-undeprecated", "endpoints", Bump.MINOR, "`deprecated: true` removed again");
  public static final String ENDPOINT_NAME_CHANGED =
      change(
          "endpoint-name-changed",
          "endpoints",
          Bump.MINOR,
          "`name: getOrder` → `fetchOrder` (same method and path)");

  // parameters
  public static final String PARAMETER_ADDED =
      change(
          "parameter-added", "parameters", Bump.MINOR, "optional query parameter `expand` added");
  public static final String PARAMETER_ADDED_REQUIRED =
      change(
          "parameter-added-required",
          "parameters",
          Bump.MAJOR,
          "required header `X-Tenant` (or any path parameter) added");
  public static final String PARAMETER_REMOVED =
      change("parameter-removed", "parameters", Bump.MAJOR, "query parameter `expand` removed");
  public static final String PARAMETER_RENAMED =
      change("parameter-renamed", "parameters", Bump.MAJOR, "query parameter `expand` → `include`");
  public static final String PARAMETER_MOVED =
      change("parameter-moved", "parameters", Bump.MAJOR, "`tenant`: `location: query` → `header`");
  public static final String PARAMETER_MADE_REQUIRED =
      change("parameter-made-required", "parameters", Bump.MAJOR, "`required: false` → `true`");
  public static final String PARAMETER_MADE_OPTIONAL =
      change("parameter-made-optional", "parameters", Bump.MINOR, "`required: true` → `false`");
  public static final String PARAMETER_TYPE_CHANGED =
      change(
          "parameter-type-changed",
          "parameters",
          Bump.MAJOR,
          "`type: integer` → `string` (or `format` changed)");
  public static final String PARAMETER_ENUM_VALUE_REMOVED =
      change(
          "parameter-enum-value-removed",
          "parameters",
          Bump.MAJOR,
          "`enum: [items, customer]` → `[items]`");
  public static final String PARAMETER_ENUM_VALUE_ADDED =
      change(
          "parameter-enum-value-added",
          "parameters",
          Bump.MINOR,
          "`enum: [items]` → `[items, customer]`");
  public static final String PARAMETER_ENUM_ADDED =
      change(
          "parameter-enum-added",
          "parameters",
          Bump.MAJOR,
          "`enum: [items]` on a parameter that took any value");
  public static final String PARAMETER_ENUM_REMOVED =
      change(
          "parameter-enum-removed", "parameters", Bump.MINOR, "`enum` dropped: any value accepted");
  public static final String PARAMETER_CONSTRAINT_TIGHTENED =
      change(
          "parameter-constraint-tightened",
          "parameters",
          Bump.MAJOR,
          "`maxLength: 64` → `32`; `pattern` added or changed");
  public static final String PARAMETER_CONSTRAINT_RELAXED =
      change(
          "parameter-constraint-relaxed",
          "parameters",
          Bump.MINOR,
          "`maximum: 100` → `500`; `minimum` dropped");
  public static final String PARAMETER_DEFAULT_CHANGED =
      change("parameter-default-changed", "parameters", Bump.MAJOR, "`default: 20` → `50`");
  public static final String PARAMETER_DEPRECATED =
      change("parameter-deprecated", "parameters", Bump.MINOR, "`deprecated: true` on a parameter");

  // request bodies
  public static final String REQUEST_BODY_ADDED =
      change("request-body-added", "request bodies", Bump.MINOR, "optional `requestBody` added");
  public static final String REQUEST_BODY_ADDED_REQUIRED =
      change(
          "request-body-added-required",
          "request bodies",
          Bump.MAJOR,
          "`requestBody: {required: true}` added");
  public static final String REQUEST_BODY_REMOVED =
      change("request-body-removed", "request bodies", Bump.MAJOR, "`requestBody` removed");
  public static final String REQUEST_BODY_MADE_REQUIRED =
      change(
          "request-body-made-required",
          "request bodies",
          Bump.MAJOR,
          "`requestBody.required: false` → `true`");
  public static final String REQUEST_BODY_MADE_OPTIONAL =
      change(
          "request-body-made-optional",
          "request bodies",
          Bump.MINOR,
          "`requestBody.required: true` → `false`");
  public static final String REQUEST_BODY_CONTENT_TYPE_CHANGED =
      change(
          "request-body-content-type-changed",
          "request bodies",
          Bump.MAJOR,
          "`contentType: application/json` → `application/xml`");
  public static final String REQUEST_PROPERTY_ADDED =
      change(
          "request-property-added",
          "request bodies",
          Bump.MINOR,
          "optional property `note` added to a request schema");
  public static final String REQUEST_PROPERTY_ADDED_REQUIRED =
      change(
          "request-property-added-required",
          "request bodies",
          Bump.MAJOR,
          "property `currency` added and listed in `required`");
  public static final String REQUEST_PROPERTY_REMOVED =
      change(
          "request-property-removed",
          "request bodies",
          Bump.MAJOR,
          "property `note` removed from a request schema");
  public static final String REQUEST_PROPERTY_MADE_REQUIRED =
      change(
          "request-property-made-required",
          "request bodies",
          Bump.MAJOR,
          "`required: [id]` → `[id, note]`");
  public static final String REQUEST_PROPERTY_MADE_OPTIONAL =
      change(
          "request-property-made-optional",
          "request bodies",
          Bump.MINOR,
          "`required: [id, note]` → `[id]`");
  public static final String REQUEST_TYPE_CHANGED =
      change(
          "request-type-changed",
          "request bodies",
          Bump.MAJOR,
          "`amount.type: number` → `string`; a schema added where none was");
  public static final String REQUEST_ENUM_VALUE_REMOVED =
      change(
          "request-enum-value-removed",
          "request bodies",
          Bump.MAJOR,
          "`status.enum: [open, closed]` → `[open]`");
  public static final String REQUEST_ENUM_VALUE_ADDED =
      change(
          "request-enum-value-added",
          "request bodies",
          Bump.MINOR,
          "`status.enum: [open]` → `[open, closed]`");
  public static final String REQUEST_CONSTRAINT_TIGHTENED =
      change(
          "request-constraint-tightened",
          "request bodies",
          Bump.MAJOR,
          "`note.maxLength: 200` → `100`; an `enum` added");
  public static final String REQUEST_CONSTRAINT_RELAXED =
      change(
          "request-constraint-relaxed",
          "request bodies",
          Bump.MINOR,
          "`note.maxLength: 100` → `200`; a schema dropped");

  // responses
  public static final String RESPONSE_ADDED =
      change("response-added", "responses", Bump.MINOR, "status `409` added");
  public static final String RESPONSE_REMOVED =
      change("response-removed", "responses", Bump.MINOR, "status `404` (not a success) removed");
  public static final String SUCCESS_RESPONSE_REMOVED =
      change("success-response-removed", "responses", Bump.MAJOR, "status `200` removed");
  public static final String RESPONSE_SCHEMA_ADDED =
      change(
          "response-schema-added",
          "responses",
          Bump.MINOR,
          "a `schema` documented for status `200`");
  public static final String RESPONSE_SCHEMA_REMOVED =
      change(
          "response-schema-removed",
          "responses",
          Bump.MAJOR,
          "the `schema` of status `200` removed");
  public static final String RESPONSE_PROPERTY_ADDED =
      change(
          "response-property-added",
          "responses",
          Bump.MINOR,
          "property `total` added to a response schema");
  public static final String RESPONSE_PROPERTY_REMOVED =
      change(
          "response-property-removed",
          "responses",
          Bump.MAJOR,
          "property `total` removed from a response schema");
  public static final String RESPONSE_PROPERTY_MADE_OPTIONAL =
      change(
          "response-property-made-optional",
          "responses",
          Bump.MAJOR,
          "`required: [id, total]` → `[id]`");
  public static final String RESPONSE_PROPERTY_MADE_REQUIRED =
      change(
          "response-property-made-required",
          "responses",
          Bump.MINOR,
          "`required: [id]` → `[id, total]`");
  public static final String RESPONSE_TYPE_CHANGED =
      change("response-type-changed", "responses", Bump.MAJOR, "`id.type: integer` → `string`");
  public static final String RESPONSE_ENUM_VALUE_ADDED =
      change(
          "response-enum-value-added",
          "responses",
          Bump.MINOR,
          "`status.enum: [open]` → `[open, closed]`");
  public static final String RESPONSE_ENUM_VALUE_REMOVED =
      change(
          "response-enum-value-removed",
          "responses",
          Bump.MINOR,
          "`status.enum: [open, closed]` → `[open]`");
  public static final String RESPONSE_CONSTRAINT_CHANGED =
      change(
          "response-constraint-changed",
          "responses",
          Bump.MINOR,
          "`name.maxLength: 64` → `128` in a response");

  // auth
  public static final String AUTH_ADDED =
      change("auth-added", "auth", Bump.MAJOR, "`auth: {type: api-key, ...}` on an open API");
  public static final String AUTH_REMOVED =
      change("auth-removed", "auth", Bump.MINOR, "`auth` removed: calls need no credential");
  public static final String AUTH_TYPE_CHANGED =
      change("auth-type-changed", "auth", Bump.MAJOR, "`auth.type: api-key` → `oauth2`");
  public static final String AUTH_LOCATION_CHANGED =
      change("auth-location-changed", "auth", Bump.MAJOR, "`auth.tokenLocation: header` → `query`");
  public static final String AUTH_NAME_CHANGED =
      change("auth-name-changed", "auth", Bump.MAJOR, "`auth.tokenName: X-Api-Key` → `X-Key`");
  public static final String AUTH_SCOPE_ADDED =
      change(
          "auth-scope-added",
          "auth",
          Bump.MAJOR,
          "`auth.scopes: [orders:read]` → `[orders:read, orders:admin]`");
  public static final String AUTH_SCOPE_REMOVED =
      change(
          "auth-scope-removed",
          "auth",
          Bump.MINOR,
          "`auth.scopes: [orders:read, orders:admin]` → `[orders:read]`");
  public static final String AUTH_CREDENTIAL_CHANGED =
      change(
          "auth-credential-changed",
          "auth",
          Bump.PATCH,
          "`auth.staticToken: ${secret:A}` → `${secret:B}` (backend side)");

  // rate limits
  public static final String RATE_LIMIT_ADDED =
      change(
          "rate-limit-added",
          "rate limits",
          Bump.MAJOR,
          "`rateLimit: {requests: 100, period: minute}` where there was none");
  public static final String RATE_LIMIT_REMOVED =
      change("rate-limit-removed", "rate limits", Bump.MINOR, "`rateLimit` removed");
  public static final String RATE_LIMIT_LOWERED =
      change(
          "rate-limit-lowered",
          "rate limits",
          Bump.MAJOR,
          "`100/minute` → `50/minute` (or `1000/hour`)");
  public static final String RATE_LIMIT_RAISED =
      change("rate-limit-raised", "rate limits", Bump.MINOR, "`100/minute` → `200/minute`");
  public static final String RATE_LIMIT_WINDOW_CHANGED =
      change(
          "rate-limit-window-changed",
          "rate limits",
          Bump.MAJOR,
          "`100/minute` → `6000/hour` (same rate, longer window)");

  // pricing
  public static final String PRICING_ADDED =
      change("pricing-added", "pricing", Bump.MAJOR, "`pricing` on an API that had none");
  public static final String PRICING_REMOVED =
      change("pricing-removed", "pricing", Bump.MINOR, "`pricing` removed");
  public static final String PRICING_TYPE_CHANGED =
      change("pricing-type-changed", "pricing", Bump.MAJOR, "`pricing.type: tiered` → `usage`");
  public static final String PRICING_PLAN_ADDED =
      change("pricing-plan-added", "pricing", Bump.MINOR, "plan `pro` added");
  public static final String PRICING_PLAN_REMOVED =
      change("pricing-plan-removed", "pricing", Bump.MAJOR, "plan `basic` removed");
  public static final String PRICING_PRICE_RAISED =
      change("pricing-price-raised", "pricing", Bump.MAJOR, "plan `basic`: `price: 0` → `9`");
  public static final String PRICING_PRICE_LOWERED =
      change("pricing-price-lowered", "pricing", Bump.MINOR, "plan `pro`: `price: 49` → `39`");
  public static final String PRICING_PERIOD_CHANGED =
      change(
          "pricing-period-changed", "pricing", Bump.MAJOR, "plan `pro`: `period: month` → `year`");
  public static final String PRICING_CURRENCY_CHANGED =
      change("pricing-currency-changed", "pricing", Bump.MAJOR, "`currency: EUR` → `USD`");
  public static final String PRICING_FEATURE_ADDED =
      change(
          "pricing-feature-added", "pricing", Bump.MINOR, "plan `basic`: feature `webhooks` added");
  public static final String PRICING_FEATURE_REMOVED =
      change(
          "pricing-feature-removed",
          "pricing",
          Bump.MAJOR,
          "plan `basic`: feature `100 calls/day` removed");

  // anything else
  public static final String UNCLASSIFIED_CHANGE =
      change(
          "unclassified-change",
          "other",
          Bump.MAJOR,
          "a field no rule knows (e.g. `endpoints[..].timeout`): treated as breaking");

  // lifecycle
  public static final String VERSION_INVALID =
      lifecycle("version-invalid", "error", "`version: 1.5` (not MAJOR.MINOR.PATCH)");
  public static final String VERSION_MAJOR_MISMATCH =
      lifecycle(
          "version-major-mismatch",
          "error",
          "`version: 2.0.0` in `v1.yaml`: start `v2.yaml` instead");
  public static final String VERSION_DECREASED =
      lifecycle("version-decreased", "error", "`1.4.2` → `1.4.1`, in any state");
  public static final String BUMP_LARGER_THAN_NEEDED =
      lifecycle(
          "bump-larger-than-needed", "warning", "`1.4.2` → `1.5.0` for a reworded description");
  public static final String NEW_MAJOR_LINE_START =
      lifecycle("new-major-line-start", "error", "new `v2.yaml` at `2.1.0` instead of `2.0.0`");
  public static final String NEW_MAJOR_LINE_GAP =
      lifecycle("new-major-line-gap", "error", "new `v3.yaml` while there is no `v2.yaml`");
  public static final String STATE_MOVED_BACK =
      lifecycle("state-moved-back", "error", "`state: deprecated` → `published`");
  public static final String API_FILE_DELETED =
      lifecycle("api-file-deleted", "error", "`v1.yaml` deleted while `published` at the base");
  public static final String RELEASE_FROZEN =
      lifecycle(
          "release-frozen", "error", "tag `orders@1.4.2` exists and `1.4.2` has other content");
  public static final String EXCEPTION_EXPIRED =
      lifecycle(
          "exception-expired",
          "warning",
          "exception for `orders` `1.4.2` while the file is at `1.5.0`");
  public static final String BASE_UNREADABLE =
      lifecycle(
          "base-unreadable", "warning", "the file at the base is not valid YAML: not compared");

  /** Every rule in catalogue order. */
  public static List<Rule> all() {
    return List.copyOf(RULES.values());
  }

  /** The rules that classify a difference (level major, minor or patch). */
  public static List<Rule> changeRules() {
    List<Rule> out = new ArrayList<>();
    for (Rule r : RULES.values()) {
      if (r.bump() != Bump.NONE) {
        out.add(r);
      }
    }
    return out;
  }

  /** The rule with an id. */
  public static Rule get(String id) {
    Rule rule = RULES.get(id);
    if (rule == null) {
      throw new NoSuchElementException("no check-versions rule " + id);
    }
    return rule;
  }

  /** Whether an id names a rule of the catalogue. */
  public static boolean exists(String id) {
    return RULES.containsKey(id);
  }

  /** A finding of a change rule, with the rule's bump. */
  static Finding finding(String id, String field, String message, boolean removal) {
    return new Finding(id, get(id).bump(), field, message, removal);
  }

  /** The catalogue as a Markdown table (rule, area, level, example), as in the README. */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append("| rule | area | level | example |\n");
    out.append("|---|---|---|---|\n");
    for (Rule r : RULES.values()) {
      out.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.area())
          .append(" | ")
          .append(r.level())
          .append(" | ")
          .append(r.example().replace("|", "\\|"))
          .append(" |\n");
    }
    return out.toString();
  }
}
