package io.apistage.problem;

import static io.apistage.problem.RuleEntry.ERROR_ONLY;
import static io.apistage.problem.RuleEntry.ERROR_OR_WARNING;
import static io.apistage.problem.RuleEntry.WARNING_ONLY;
import static io.apistage.problem.RuleEntry.change;
import static io.apistage.problem.RuleEntry.goal;
import static io.apistage.problem.RuleEntry.lifecycle;
import static io.apistage.problem.RuleEntry.other;
import static io.apistage.problem.RuleEntry.validate;
import static io.apistage.problem.RuleEntry.warning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogue of every rule apistage reports: each problem's {@code [rule]} is the {@link #id()}
 * of one entry here, with its family (the goal that owns it), its level (the severity of its
 * problems; for a change rule, the version step it needs), a one-line description and an example.
 * The SARIF rule metadata and the rule tables of {@code docs/validate.md} and {@code
 * docs/versions.md} are generated from it ({@link RuleTable}); producers build their problems with
 * {@link Problem#error(String, Position, String, RuleId, String)} and its siblings.
 *
 * <p>To add a rule: add an entry in its family's section (the order is the order of the
 * documentation tables), use it where the problem is found, and regenerate the table of its page.
 *
 * @since 0.1.0
 */
public enum RuleId {

  // ---- validate: reading files, schemas, and the rules between assets (docs/validate.md) ----
  YAML(
      validate(
          "yaml",
          ERROR_ONLY,
          "A file is not well-formed YAML or exceeds the parser's limits.",
          "the file is readable: UTF-8, no control characters, valid YAML, one document, no "
              + "duplicate key, at most 4 MiB, at most 64 levels deep, at most 500,000 values once "
              + "aliases are expanded",
          "duplicate key 'type'; each key may appear once in a mapping")),
  LAYOUT(
      validate(
          "layout",
          ERROR_OR_WARNING,
          "A file is not where the repository layout expects it.",
          "one file per asset key (`v1.yaml` and `v1.yml` clash: error); a YAML file under "
              + "`apis/` that is not `apis/<api>/v<N>.yaml` is ignored (warning)",
          "ignored: an Api file lives at apis/<api>/v<MAJOR>.yaml")),
  SCHEMA(
      validate(
          "schema",
          ERROR_ONLY,
          "A document does not match the JSON Schema of its kind.",
          "the document against its kind's JSON Schema (types, enums, patterns, required fields);"
              + " an enum or type error names the field and the value given",
          "state: publishd is not one of draft, published, deprecated, retired; did you mean "
              + "published?")),
  UNKNOWN_FIELD(
      validate(
          "unknown-field",
          ERROR_ONLY,
          "A document has a field its kind does not define.",
          "a field the schema does not know (a typo never passes silently); the nearest field the"
              + " schema knows there is suggested",
          "unknown field 'ratelimit' in /endpoints/1; did you mean rateLimit?")),
  KIND_FOLDER(
      validate(
          "kind-folder",
          ERROR_ONLY,
          "A document's kind does not match its folder.",
          "`kind` matches the folder",
          "kind 'Plan' does not match the folder: policies/ holds kind: Policy "
              + "(policies/<name>.yaml); move the file to plans/cors.yaml or set kind: Policy")),
  NAME_FILE(
      validate(
          "name-file",
          ERROR_ONLY,
          "A document's name does not match its file (for an Api, its folder).",
          "`name` matches the file name (an Api: its folder), and the file name is a valid name",
          "name 'corz' does not match the file name cors.yaml; set name: cors or rename the file")),
  API_MAJOR(
      validate(
          "api-major",
          ERROR_ONLY,
          "An Api's version major does not match its file vN.yaml.",
          "the major of an Api's `version` equals the `N` of `vN.yaml`",
          "version 2.0.0 is in major line 2, but the file is apis/orders/v1.yaml; keep 1.x.y "
              + "here, or put this version in apis/orders/v2.yaml")),
  OPENAPI(
      validate(
          "openapi",
          ERROR_ONLY,
          "An Api's OpenAPI document cannot be read or converted.",
          "`openapi` names an OpenAPI 3.0 or 3.1 file in the config root, not next to `endpoints`; "
              + "every `$ref` resolves inside the config root (no network, no climbing out); each "
              + "operation converts to an endpoint",
          "$ref '../../common/money.yaml' climbs out of the config root; keep referenced files "
              + "in it")),
  DUPLICATE_ENDPOINT(
      validate(
          "duplicate-endpoint",
          ERROR_ONLY,
          "Two endpoints of an Api have the same method and path.",
          "`method` + `path` unique within an Api (`/orders/{id}` and `/orders/{orderId}` "
              + "are the same route)",
          "endpoint GET /orders/{orderId} is already defined at line 11 (as /orders/{id}); "
              + "method and path are unique within an Api: remove one or change its path")),
  PATH_PARAMETER(
      validate(
          "path-parameter",
          ERROR_OR_WARNING,
          "A path parameter is used but not declared, or declared but not used.",
          "every `{name}` of a path is declared with `location: path`, every declared path "
              + "parameter is in the path, braces balance; `required: false` on a path parameter "
              + "is a warning",
          "path parameter 'item' of DELETE /orders/{id}/items/{item} is not declared; add { "
              + "name: item, type: string, required: true, location: path } to its parameters")),
  DUPLICATE_PARAMETER(
      validate(
          "duplicate-parameter",
          ERROR_ONLY,
          "An endpoint declares a parameter twice.",
          "a location and name once per endpoint",
          "query parameter 'force' of DELETE /orders/{id} is declared twice; remove one")),
  UNKNOWN_REFERENCE(
      validate(
          "unknown-reference",
          ERROR_ONLY,
          "A reference names an asset that does not exist.",
          "policies (of Apis and Plans), `${alias:NAME}` in any string, `name@major` Apis of "
              + "Applications and Packages, plans, packages, applications, subscriptions, teams, "
              + "stages (`promotesFrom`, Alias stage keys, Promotion `from`/`to`/`include`), and "
              + "promotion selectors naming one asset all exist; the nearest existing name is "
              + "suggested",
          "policy 'corz' does not exist; expected policies/corz.yaml; did you mean cors?")),
  ONE_MAJOR(
      validate(
          "one-major",
          ERROR_ONLY,
          "An Application or Package references more than one major of an API.",
          "an Application or Package lists one major of each API",
          "application 'mobile' lists orders@1 and orders@2; an application uses one major "
              + "of an API: keep one of them")),
  SUBSCRIPTION_PLAN(
      validate(
          "subscription-plan",
          ERROR_ONLY,
          "A Subscription's plan is not one of its Package's plans.",
          "a Subscription's plan is one of its package's plans",
          "plan 'gold' is not a plan of package 'retail' (it offers free); choose one of its "
              + "plans or add gold to the plans of packages/retail.yaml")),
  IMPLEMENTATION(
      validate(
          "implementation",
          ERROR_ONLY,
          "A non-draft Api has no baseUrl.",
          "a published or deprecated Api has `baseUrl`",
          "a published Api needs baseUrl, the URL of its implementation (often "
              + "${alias:NAME}); add baseUrl or set state: draft")),
  LITERAL_SECRET(
      validate(
          "literal-secret",
          ERROR_OR_WARNING,
          "A secret-bearing field holds a literal instead of ${secret:NAME}.",
          "`auth.staticToken`, application credential keys and the values of a `secret: "
              + "true` Alias hold only `${secret:NAME}` (or `${alias:NAME}` of a secret Alias); "
              + "any other string value holds no secret (see [Secrets in any value]"
              + "(#secrets-in-any-value)); the value is never repeated",
          "auth.staticToken holds a literal value; secrets never go in Git: write "
              + "${secret:NAME} and provide APISTAGE_SECRET_NAME (or a settings.xml server) where "
              + "the stage's gateway is configured")),
  WEBHOOK(
      validate(
          "webhook",
          ERROR_ONLY,
          "An application's webhook URL is not https, carries credentials, or is no URL.",
          "an Application's `contact.webhook.url` is https (http only to a loopback address) "
              + "without a user or password in it",
          "webhook url must be https (http only to a loopback address such as 127.0.0.1): "
              + "notices would travel in clear text to hooks.example.com")),
  GATEWAY(
      validate(
          "gateway",
          ERROR_ONLY,
          "A stage's gateway block is invalid, or two stages share one listen address.",
          "a Stage's `gateway` listens on a valid `host:port` that no other stage's gateway uses",
          "stage qa listens on 127.0.0.1:18081, which stages/dev.yaml uses already; give each"
              + " stage's gateway its own listen address")),
  ALIAS_STAGE(
      validate(
          "alias-stage",
          WARNING_ONLY,
          "An Alias without a default value has no value for some stage.",
          "an Alias without a default `value` has a value for every stage (else promoting to "
              + "that stage fails when the alias is resolved)",
          "alias 'only-prod' has no value for stages dev, qa and no default value; add "
              + "value: or a value under stages:, or promoting an asset that uses it there fails")),
  STAGE_CHAIN(
      validate(
          "stage-chain",
          ERROR_ONLY,
          "The stages do not form one chain from a first stage without cycles.",
          "one first stage (no `promotesFrom`), no cycle, no stage promoting from itself, "
              + "`track` only on the first stage",
          "stages promote from each other in a cycle (prod <- qa <- prod); a stage chain "
              + "starts at one first stage without promotesFrom: break the cycle")),
  PROMOTION_CHAIN(
      validate(
          "promotion-chain",
          ERROR_ONLY,
          "A Promotion's targets do not promote from its source stage.",
          "each target's `promotesFrom` is the promotion's `from`; without `from`, only the "
              + "first stage",
          "stage 'prod' promotes from 'qa', not from 'dev'; set from: qa or choose targets "
              + "that promote from dev")),
  OVERWRITE(
      validate(
          "overwrite",
          ERROR_ONLY,
          "A Promotion's overwrite list is invalid.",
          "a child in the overwrite list (`application.credentials`) comes with its parent "
              + "(`application`)",
          "application.credentials needs its parent application in overwrite: add "
              + "application, or remove application.credentials to keep what the target has")),
  DUPLICATE_ID(
      validate(
          "duplicate-id",
          ERROR_ONLY,
          "Two assets declare the same id.",
          "no two assets share an id (declared, or derived from kind, name and major)",
          "id 3f2b6c1e-8d4a-4c1b-9e2f-0a1b2c3d4e5f is also the id of policy/cors "
              + "(policies/cors.yaml); ids are unique: give policy/cors-copy its own id")),
  DEPENDENCY_CYCLE(
      validate(
          "dependency-cycle",
          ERROR_ONLY,
          "Assets depend on each other in a cycle.",
          "required dependencies (section 3's table, plus aliases used by aliases) form no cycle",
          "dependency cycle alias/a -> alias/b -> alias/c -> alias/a; an asset cannot depend "
              + "on itself through others: break the cycle")),

  // ---- versions: change rules, each needing a version step (docs/versions.md) ----
  DESCRIPTION_CHANGED(
      change(
          "description-changed",
          "metadata",
          Bump.PATCH,
          "`description` (of the Api, an endpoint, a parameter, a response) reworded")),
  METADATA_CHANGED(
      change(
          "metadata-changed",
          "metadata",
          Bump.PATCH,
          "`category: commerce` → `sales`; `tags` or `team` changed")),
  BASE_URL_CHANGED(
      change(
          "base-url-changed",
          "metadata",
          Bump.PATCH,
          "`baseUrl` → `${alias:orders-backend-v2}` (consumers call the gateway)")),
  ID_CHANGED(
      change("id-changed", "metadata", Bump.MAJOR, "`id` replaced: the gateway sees another API")),
  POLICY_ADDED(
      change("policy-added", "metadata", Bump.MINOR, "`policies: [cors]` → `[cors, logging]`")),
  POLICY_REMOVED(
      change("policy-removed", "metadata", Bump.MINOR, "`policies: [cors, logging]` → `[cors]`")),
  ENDPOINT_ADDED(
      change("endpoint-added", "endpoints", Bump.MINOR, "`POST /orders/{id}/cancel` added")),
  ENDPOINT_REMOVED(
      change("endpoint-removed", "endpoints", Bump.MAJOR, "`DELETE /orders/{id}` removed")),
  ENDPOINT_METHOD_CHANGED(
      change(
          "endpoint-method-changed",
          "endpoints",
          Bump.MAJOR,
          "`getOrder`: `GET` → `POST /orders/{id}`")),
  ENDPOINT_PATH_CHANGED(
      change(
          "endpoint-path-changed",
          "endpoints",
          Bump.MAJOR,
          "`getOrder`: `/orders/{id}` → `/order/{id}`")),
  ENDPOINT_DEPRECATED(
      change(
          "endpoint-deprecated",
          "endpoints",
          Bump.MINOR,
          "`deprecated: true` on `GET /orders/{id}`")),
  ENDPOINT_UNDEPRECATED(
      change("endpoint-undeprecated", "endpoints", Bump.MINOR, "`deprecated: true` removed again")),
  OPERATION_ID_CHANGED(
      change(
          "operation-id-changed",
          "endpoints",
          Bump.MAJOR,
          "OpenAPI `operationId: getOrder` → `fetchOrder`: generated clients rename their method")),
  ENDPOINT_NAME_CHANGED(
      change(
          "endpoint-name-changed",
          "endpoints",
          Bump.MINOR,
          "`name: getOrder` → `fetchOrder` (same method and path)")),
  PARAMETER_ADDED(
      change(
          "parameter-added", "parameters", Bump.MINOR, "optional query parameter `expand` added")),
  PARAMETER_ADDED_REQUIRED(
      change(
          "parameter-added-required",
          "parameters",
          Bump.MAJOR,
          "required header `X-Tenant` (or any path parameter) added")),
  PARAMETER_REMOVED(
      change("parameter-removed", "parameters", Bump.MAJOR, "query parameter `expand` removed")),
  PARAMETER_RENAMED(
      change(
          "parameter-renamed", "parameters", Bump.MAJOR, "query parameter `expand` → `include`")),
  PARAMETER_MOVED(
      change(
          "parameter-moved", "parameters", Bump.MAJOR, "`tenant`: `location: query` → `header`")),
  PARAMETER_MADE_REQUIRED(
      change("parameter-made-required", "parameters", Bump.MAJOR, "`required: false` → `true`")),
  PARAMETER_MADE_OPTIONAL(
      change("parameter-made-optional", "parameters", Bump.MINOR, "`required: true` → `false`")),
  PARAMETER_TYPE_CHANGED(
      change(
          "parameter-type-changed",
          "parameters",
          Bump.MAJOR,
          "`type: integer` → `string` (or `format` changed)")),
  PARAMETER_ENUM_VALUE_REMOVED(
      change(
          "parameter-enum-value-removed",
          "parameters",
          Bump.MAJOR,
          "`enum: [items, customer]` → `[items]`")),
  PARAMETER_ENUM_VALUE_ADDED(
      change(
          "parameter-enum-value-added",
          "parameters",
          Bump.MINOR,
          "`enum: [items]` → `[items, customer]`")),
  PARAMETER_ENUM_ADDED(
      change(
          "parameter-enum-added",
          "parameters",
          Bump.MAJOR,
          "`enum: [items]` on a parameter that took any value")),
  PARAMETER_ENUM_REMOVED(
      change(
          "parameter-enum-removed",
          "parameters",
          Bump.MINOR,
          "`enum` dropped: any value accepted")),
  PARAMETER_CONSTRAINT_TIGHTENED(
      change(
          "parameter-constraint-tightened",
          "parameters",
          Bump.MAJOR,
          "`maxLength: 64` → `32`; `pattern` added or changed")),
  PARAMETER_CONSTRAINT_RELAXED(
      change(
          "parameter-constraint-relaxed",
          "parameters",
          Bump.MINOR,
          "`maximum: 100` → `500`; `minimum` dropped")),
  PARAMETER_DEFAULT_CHANGED(
      change("parameter-default-changed", "parameters", Bump.MAJOR, "`default: 20` → `50`")),
  PARAMETER_DEPRECATED(
      change(
          "parameter-deprecated", "parameters", Bump.MINOR, "`deprecated: true` on a parameter")),
  REQUEST_BODY_ADDED(
      change("request-body-added", "request bodies", Bump.MINOR, "optional `requestBody` added")),
  REQUEST_BODY_ADDED_REQUIRED(
      change(
          "request-body-added-required",
          "request bodies",
          Bump.MAJOR,
          "`requestBody: {required: true}` added")),
  REQUEST_BODY_REMOVED(
      change("request-body-removed", "request bodies", Bump.MAJOR, "`requestBody` removed")),
  REQUEST_BODY_MADE_REQUIRED(
      change(
          "request-body-made-required",
          "request bodies",
          Bump.MAJOR,
          "`requestBody.required: false` → `true`")),
  REQUEST_BODY_MADE_OPTIONAL(
      change(
          "request-body-made-optional",
          "request bodies",
          Bump.MINOR,
          "`requestBody.required: true` → `false`")),
  REQUEST_BODY_CONTENT_TYPE_CHANGED(
      change(
          "request-body-content-type-changed",
          "request bodies",
          Bump.MAJOR,
          "`contentType: application/json` → `application/xml`")),
  REQUEST_PROPERTY_ADDED(
      change(
          "request-property-added",
          "request bodies",
          Bump.MINOR,
          "optional property `note` added to a request schema")),
  REQUEST_PROPERTY_ADDED_REQUIRED(
      change(
          "request-property-added-required",
          "request bodies",
          Bump.MAJOR,
          "property `currency` added and listed in `required`")),
  REQUEST_PROPERTY_REMOVED(
      change(
          "request-property-removed",
          "request bodies",
          Bump.MAJOR,
          "property `note` removed from a request schema")),
  REQUEST_PROPERTY_MADE_REQUIRED(
      change(
          "request-property-made-required",
          "request bodies",
          Bump.MAJOR,
          "`required: [id]` → `[id, note]`")),
  REQUEST_PROPERTY_MADE_OPTIONAL(
      change(
          "request-property-made-optional",
          "request bodies",
          Bump.MINOR,
          "`required: [id, note]` → `[id]`")),
  REQUEST_TYPE_CHANGED(
      change(
          "request-type-changed",
          "request bodies",
          Bump.MAJOR,
          "`amount.type: number` → `string`; a schema added where none was")),
  REQUEST_ENUM_VALUE_REMOVED(
      change(
          "request-enum-value-removed",
          "request bodies",
          Bump.MAJOR,
          "`status.enum: [open, closed]` → `[open]`")),
  REQUEST_ENUM_VALUE_ADDED(
      change(
          "request-enum-value-added",
          "request bodies",
          Bump.MINOR,
          "`status.enum: [open]` → `[open, closed]`")),
  REQUEST_CONSTRAINT_TIGHTENED(
      change(
          "request-constraint-tightened",
          "request bodies",
          Bump.MAJOR,
          "`note.maxLength: 200` → `100`; an `enum` added")),
  REQUEST_CONSTRAINT_RELAXED(
      change(
          "request-constraint-relaxed",
          "request bodies",
          Bump.MINOR,
          "`note.maxLength: 100` → `200`; a schema dropped")),
  RESPONSE_ADDED(change("response-added", "responses", Bump.MINOR, "status `409` added")),
  RESPONSE_REMOVED(
      change(
          "response-removed",
          "responses",
          Bump.MAJOR,
          "status `404` (not a success) removed: callers handling it get another status")),
  SUCCESS_RESPONSE_REMOVED(
      change("success-response-removed", "responses", Bump.MAJOR, "status `200` removed")),
  RESPONSE_SCHEMA_ADDED(
      change(
          "response-schema-added",
          "responses",
          Bump.MINOR,
          "a `schema` documented for status `200`")),
  RESPONSE_SCHEMA_REMOVED(
      change(
          "response-schema-removed",
          "responses",
          Bump.MAJOR,
          "the `schema` of status `200` removed")),
  RESPONSE_PROPERTY_ADDED(
      change(
          "response-property-added",
          "responses",
          Bump.MINOR,
          "property `total` added to a response schema")),
  RESPONSE_PROPERTY_REMOVED(
      change(
          "response-property-removed",
          "responses",
          Bump.MAJOR,
          "property `total` removed from a response schema")),
  RESPONSE_PROPERTY_MADE_OPTIONAL(
      change(
          "response-property-made-optional",
          "responses",
          Bump.MAJOR,
          "`required: [id, total]` → `[id]`")),
  RESPONSE_PROPERTY_MADE_REQUIRED(
      change(
          "response-property-made-required",
          "responses",
          Bump.MINOR,
          "`required: [id]` → `[id, total]`")),
  REQUEST_MEDIA_TYPE_ADDED(
      change(
          "request-media-type-added",
          "request bodies",
          Bump.MINOR,
          "request body `content` gains `application/xml` next to `application/json`")),
  REQUEST_MEDIA_TYPE_REMOVED(
      change(
          "request-media-type-removed",
          "request bodies",
          Bump.MAJOR,
          "request body `content` loses `application/json`")),
  RESPONSE_MEDIA_TYPE_ADDED(
      change(
          "response-media-type-added",
          "responses",
          Bump.MINOR,
          "response `content` gains `application/xml`")),
  RESPONSE_MEDIA_TYPE_REMOVED(
      change(
          "response-media-type-removed",
          "responses",
          Bump.MAJOR,
          "response `content` loses `application/xml`")),
  RESPONSE_TYPE_CHANGED(
      change("response-type-changed", "responses", Bump.MAJOR, "`id.type: integer` → `string`")),
  RESPONSE_ENUM_VALUE_ADDED(
      change(
          "response-enum-value-added",
          "responses",
          Bump.MAJOR,
          "`status.enum: [open]` → `[open, closed]`: a client's closed enum rejects `closed`")),
  RESPONSE_ENUM_VALUE_REMOVED(
      change(
          "response-enum-value-removed",
          "responses",
          Bump.MINOR,
          "`status.enum: [open, closed]` → `[open]`")),
  RESPONSE_CONSTRAINT_CHANGED(
      change(
          "response-constraint-changed",
          "responses",
          Bump.MINOR,
          "`name.maxLength: 128` → `64` in a response")),
  RESPONSE_MIN_LENGTH_RAISED(
      change(
          "response-min-length-raised",
          "responses",
          Bump.MAJOR,
          "`code.minLength: 5` → `10` in a response: the values' format changed")),
  RESPONSE_DEFAULT_CHANGED(
      change(
          "response-default-changed",
          "responses",
          Bump.MINOR,
          "`enabled.default: false` → `true` in a response schema")),
  RESPONSE_HEADER_ADDED(
      change("response-header-added", "responses", Bump.MINOR, "header `X-Rate-Remaining` added")),
  RESPONSE_HEADER_REMOVED(
      change(
          "response-header-removed",
          "responses",
          Bump.MAJOR,
          "header `X-Rate-Remaining` removed from a response")),
  RESPONSE_HEADER_DEPRECATED(
      change(
          "response-header-deprecated",
          "responses",
          Bump.MINOR,
          "`deprecated: true` on a response header")),
  RESPONSE_CONSTRAINT_RELAXED(
      change(
          "response-constraint-relaxed",
          "responses",
          Bump.MAJOR,
          "`name.maxLength: 64` → `128` in a response: callers may receive values they reject")),
  AUTH_ADDED(
      change("auth-added", "auth", Bump.MAJOR, "`auth: {type: api-key, ...}` on an open API")),
  AUTH_REMOVED(
      change("auth-removed", "auth", Bump.MINOR, "`auth` removed: calls need no credential")),
  AUTH_TYPE_CHANGED(
      change("auth-type-changed", "auth", Bump.MAJOR, "`auth.type: api-key` → `oauth2`")),
  AUTH_LOCATION_CHANGED(
      change(
          "auth-location-changed", "auth", Bump.MAJOR, "`auth.tokenLocation: header` → `query`")),
  AUTH_NAME_CHANGED(
      change("auth-name-changed", "auth", Bump.MAJOR, "`auth.tokenName: X-Api-Key` → `X-Key`")),
  AUTH_SCOPE_ADDED(
      change(
          "auth-scope-added",
          "auth",
          Bump.MAJOR,
          "`auth.scopes: [orders:read]` → `[orders:read, orders:admin]`")),
  AUTH_SCOPE_REMOVED(
      change(
          "auth-scope-removed",
          "auth",
          Bump.MINOR,
          "`auth.scopes: [orders:read, orders:admin]` → `[orders:read]`")),
  SECURITY_REQUIREMENT_ADDED(
      change(
          "security-requirement-added",
          "security",
          Bump.MAJOR,
          "OpenAPI `security: [{apiKey: []}]` on an operation that had none")),
  SECURITY_REQUIREMENT_REMOVED(
      change(
          "security-requirement-removed",
          "security",
          Bump.MINOR,
          "OpenAPI `security: [{apiKey: []}]` removed, or another way to authenticate added")),
  SECURITY_ALTERNATIVE_REMOVED(
      change(
          "security-alternative-removed",
          "security",
          Bump.MAJOR,
          "OpenAPI `security: [{apiKey: []}, {oauth: []}]` → `[{oauth: []}]`")),
  SECURITY_SCOPE_ADDED(
      change(
          "security-scope-added",
          "security",
          Bump.MAJOR,
          "OpenAPI `security: [{oauth: [read]}]` → `[{oauth: [read, write]}]`")),
  SECURITY_SCOPE_REMOVED(
      change(
          "security-scope-removed",
          "security",
          Bump.MINOR,
          "OpenAPI `security: [{oauth: [read, write]}]` → `[{oauth: [read]}]`")),
  AUTH_CREDENTIAL_CHANGED(
      change(
          "auth-credential-changed",
          "auth",
          Bump.PATCH,
          "`auth.staticToken: ${secret:A}` → `${secret:B}` (backend side)")),
  RATE_LIMIT_ADDED(
      change(
          "rate-limit-added",
          "rate limits",
          Bump.MAJOR,
          "`rateLimit: {requests: 100, period: minute}` where there was none")),
  RATE_LIMIT_REMOVED(
      change("rate-limit-removed", "rate limits", Bump.MINOR, "`rateLimit` removed")),
  RATE_LIMIT_LOWERED(
      change(
          "rate-limit-lowered",
          "rate limits",
          Bump.MAJOR,
          "`100/minute` → `50/minute` (or `1000/hour`)")),
  RATE_LIMIT_RAISED(
      change("rate-limit-raised", "rate limits", Bump.MINOR, "`100/minute` → `200/minute`")),
  RATE_LIMIT_WINDOW_CHANGED(
      change(
          "rate-limit-window-changed",
          "rate limits",
          Bump.MAJOR,
          "`100/minute` → `6000/hour` (same rate, longer window)")),
  PRICING_ADDED(
      change("pricing-added", "pricing", Bump.MAJOR, "`pricing` on an API that had none")),
  PRICING_REMOVED(change("pricing-removed", "pricing", Bump.MINOR, "`pricing` removed")),
  PRICING_TYPE_CHANGED(
      change("pricing-type-changed", "pricing", Bump.MAJOR, "`pricing.type: tiered` → `usage`")),
  PRICING_PLAN_ADDED(change("pricing-plan-added", "pricing", Bump.MINOR, "plan `pro` added")),
  PRICING_PLAN_REMOVED(
      change("pricing-plan-removed", "pricing", Bump.MAJOR, "plan `basic` removed")),
  PRICING_PRICE_RAISED(
      change("pricing-price-raised", "pricing", Bump.MAJOR, "plan `basic`: `price: 0` → `9`")),
  PRICING_PRICE_LOWERED(
      change("pricing-price-lowered", "pricing", Bump.MINOR, "plan `pro`: `price: 49` → `39`")),
  PRICING_PERIOD_CHANGED(
      change(
          "pricing-period-changed", "pricing", Bump.MAJOR, "plan `pro`: `period: month` → `year`")),
  PRICING_CURRENCY_CHANGED(
      change("pricing-currency-changed", "pricing", Bump.MAJOR, "`currency: EUR` → `USD`")),
  PRICING_FEATURE_ADDED(
      change(
          "pricing-feature-added",
          "pricing",
          Bump.MINOR,
          "plan `basic`: feature `webhooks` added")),
  PRICING_FEATURE_REMOVED(
      change(
          "pricing-feature-removed",
          "pricing",
          Bump.MAJOR,
          "plan `basic`: feature `100 calls/day` removed")),
  UNCLASSIFIED_CHANGE(
      change(
          "unclassified-change",
          "other",
          Bump.MAJOR,
          "a field no rule knows (e.g. `endpoints[..].timeout`): treated as breaking")),

  // ---- versions: lifecycle rules that judge a version step (docs/versions.md) ----
  VERSION_INVALID(
      lifecycle("version-invalid", Severity.ERROR, "`version: 1.5` (not MAJOR.MINOR.PATCH)")),
  VERSION_MAJOR_MISMATCH(
      lifecycle(
          "version-major-mismatch",
          Severity.ERROR,
          "`version: 2.0.0` in `v1.yaml`: start `v2.yaml` instead")),
  VERSION_DECREASED(
      lifecycle("version-decreased", Severity.ERROR, "`1.4.2` → `1.4.1`, in any state")),
  BUMP_LARGER_THAN_NEEDED(
      lifecycle(
          "bump-larger-than-needed",
          Severity.WARNING,
          "`1.4.2` → `1.5.0` for a reworded description")),
  NEW_MAJOR_LINE_START(
      lifecycle(
          "new-major-line-start", Severity.ERROR, "new `v2.yaml` at `2.1.0` instead of `2.0.0`")),
  NEW_MAJOR_LINE_GAP(
      lifecycle("new-major-line-gap", Severity.ERROR, "new `v3.yaml` while there is no `v2.yaml`")),
  STATE_MOVED_BACK(
      lifecycle("state-moved-back", Severity.ERROR, "`state: deprecated` → `published`")),
  API_FILE_DELETED(
      lifecycle(
          "api-file-deleted", Severity.ERROR, "`v1.yaml` deleted while `published` at the base")),
  RELEASE_FROZEN(
      lifecycle(
          "release-frozen",
          Severity.ERROR,
          "tag `orders@1.4.2` exists and `1.4.2` has other content")),
  EXCEPTION_EXPIRED(
      lifecycle(
          "exception-expired",
          Severity.WARNING,
          "exception for `orders` `1.4.2` while the file is at `1.5.0`")),
  BASE_UNREADABLE(
      lifecycle(
          "base-unreadable",
          Severity.WARNING,
          "the file at the base is not valid YAML: not compared")),

  // ---- check: a goal the pull-request check runs could not run at all (docs/ci.md) ----
  VALIDATE_NOT_RUN(
      goal(
          "validate",
          "validate could not run: the config root /work/repo/confg is not a folder; pass"
              + " -Dapistage.configDir=<the folder that holds apis/, policies/, stages/, ...>")),
  CHECK_VERSIONS_NOT_RUN(
      goal(
          "check-versions",
          "check-versions could not run: there is neither a branch main nor origin/main to find the"
              + " base of this change; fetch it")),
  DIFF_NOT_RUN(
      goal("diff", "diff could not run: stage qa has no state branch apistage/stage/qa; fetch it")),
  PROMOTE_NOT_RUN(
      goal(
          "promote",
          "promote could not run: the repository has no commit yet; commit the configuration")),

  // ---- promotion: promote and rollback (docs/promotion.md) ----
  PROMOTION(
      other(
          "promotion",
          Family.PROMOTION,
          "A Promotion cannot be read or applied.",
          "promotion orders-to-qa names no target stage: add to: [<stage>]")),

  // ---- release: the release goal ----
  RELEASE_VERSION(
      other(
          "release-version",
          Family.RELEASE,
          "The tagged file does not hold the tagged version.",
          "the tag orders@1.5.0 names version 1.5.0, but the tagged commit holds version 1.4.2;"
              + " tag the commit that sets version: 1.5.0")),
  NEW_VERSION_EXISTS(
      other(
          "new-version-exists",
          Family.EDIT,
          "new-version would write a file that exists already.",
          "apis/orders/v2.yaml exists already; edit it, or remove it before running new-version")),
  NEW_VERSION_SOURCE(
      other(
          "new-version-source",
          Family.EDIT,
          "new-version found no Api file of that name to start from.",
          "there is no apis/ordrs/ folder with a vN.yaml; known APIs: catalog, orders, payments")),
  STATE_UNCHANGED(
      other(
          "state-unchanged",
          Family.EDIT,
          "set-state was asked for the state the line has already.",
          "orders@1 is published already; nothing to change")),
  RETIRED_IN_USE(
      other(
          "retired-in-use",
          Family.EDIT,
          "set-state would retire a line that applications or packages still use.",
          "orders@1 is still used by application web-shop; move it first: mvn apistage:upgrade-access -Dapistage.api=orders -Dapistage.to=2")),
  UPGRADE_TO_DRAFT(
      other(
          "upgrade-to-draft",
          Family.EDIT,
          "upgrade-access moves consumers to a line that is still a draft.",
          "orders@2 is a draft and may still change")),
  UPGRADE_TO_RETIRED(
      other(
          "upgrade-to-retired",
          Family.EDIT,
          "upgrade-access was asked to move consumers to a retired or missing line.",
          "orders@2 is retired; choose a published line")),
  RESTORE_EXISTS(
      other(
          "restore-exists",
          Family.EDIT,
          "restore was asked for an Api file that exists.",
          "apis/orders/v1.yaml exists; restore brings back only a deleted file")),
  RESTORE_NEVER_EXISTED(
      other(
          "restore-never-existed",
          Family.EDIT,
          "restore found no commit that had the Api file.",
          "no commit of HEAD's history had apis/orders/v3.yaml (looked at 12 commits from 4f2a91c)")),
  EXPORT(
      other(
          "export",
          Family.ARCHIVE,
          "export cannot take an asset into the archive as asked.",
          "api/orders@1 requires policy/cors, which the stage qa does not have")),
  IMPORT(
      other(
          "import",
          Family.ARCHIVE,
          "import cannot write an asset of the archive into the working copy.",
          "api/orders@1: exists already and overwrite is none; pass -Dapistage.overwrite=all or"
              + " api")),
  GATEWAY_DRIFT(
      warning(
          "gateway-drift",
          Family.STAGE,
          "A stage's gateway runs another commit than its branch, or its file was edited by hand.",
          "qa's gateway runs 4f2a91c, apistage/stage/qa is at 77b0e3d; apistage:deploy replaces"
              + " it")),
  RELEASE_STATE(
      other(
          "release-state",
          Family.RELEASE,
          "Only a published or deprecated API version can be released.",
          "orders 1.5.0 is a draft, which may still change; only a published or deprecated"
              + " version can be released: set state: published, merge it and tag that commit")),
  RELEASE_NOT_NEWER(
      other(
          "release-not-newer",
          Family.RELEASE,
          "A release must be newer than the previous release of its API line.",
          "orders@1.4.1 is not newer than orders@1.4.2, the latest release of orders v1; a released"
              + " version is frozen: release a higher version, e.g. 1.4.3")),

  // ---- stage: diff and the stage branches (docs/stages.md) ----
  ALIAS(
      other(
          "alias",
          Family.STAGE,
          "An alias cannot be resolved for a stage.",
          "${alias:orders-backend} has no value for stage dev: aliases/orders-backend.yaml sets"
              + " neither stages.dev nor a default value; add one of them")),
  DRIFT(
      other(
          "drift",
          Family.STAGE,
          "A stage differs from the working copy.",
          "stage qa differs from the working copy (0 to create, 1 to update, 0 to delete, 1"
              + " unchanged) and apistage.failOnDiff is set; promote the changes or revert them")),
  STAGE_STATE(
      other(
          "stage-state",
          Family.STAGE,
          "A stage's state branch cannot be read.",
          "defines api/orders@1 again, already defined by apis/orders/v1.yaml; keep one file")),
  STAGE_HAND_CHANGE(
      warning(
          "stage-hand-change",
          Family.STAGE,
          "A stage's state branch was changed by hand.",
          "api/orders@1 has an authored copy but the stage does not run it; it was removed by"
              + " hand"));

  /** The goal a rule belongs to. */
  public enum Family {
    VALIDATE,
    VERSIONS,
    PROMOTION,
    RELEASE,
    STAGE,
    /** The pull-request check, when one of its goals could not run at all (docs/ci.md). */
    CHECK,
    /** The lifecycle goals that edit the working copy, when they refuse (docs/lifecycle.md). */
    EDIT,
    /** Export and import of encrypted archives (docs/archive.md). */
    ARCHIVE
  }

  private static final Map<String, RuleId> BY_ID = index(List.of(values()), RuleId::id);

  private final RuleEntry entry;

  RuleId(RuleEntry entry) {
    this.entry = entry;
  }

  /** The id printed in brackets, e.g. {@code endpoint-removed}. */
  public String id() {
    return entry.id;
  }

  /** The goal the rule belongs to. */
  public Family family() {
    return entry.family;
  }

  /** The usual severity of the rule's problems. */
  public Severity severity() {
    return entry.severities.iterator().next();
  }

  /** Every severity the rule's problems may have (an error, a warning, or either). */
  public Set<Severity> severities() {
    return EnumSet.copyOf(entry.severities);
  }

  /** The version step a change rule needs; {@link Bump#NONE} for every other rule. */
  public Bump bump() {
    return entry.bump;
  }

  /** Whether the rule classifies a difference between two versions of an Api. */
  public boolean isChange() {
    return entry.bump != Bump.NONE;
  }

  /**
   * The level of the documentation tables: a change rule's bump ({@code major}), else its
   * severities ({@code error}, {@code warning}, {@code error / warning}).
   */
  public String level() {
    if (isChange()) {
      return entry.bump.label();
    }
    List<String> labels = new ArrayList<>();
    entry.severities.forEach(s -> labels.add(s.label()));
    return String.join(" / ", labels);
  }

  /** What part of an Api a check-versions rule concerns ({@code endpoints}, {@code lifecycle}). */
  public String area() {
    return entry.area;
  }

  /** One sentence: what a problem of this rule means (the SARIF short description). */
  public String description() {
    return entry.texts.description;
  }

  /** What the rule checks, as the documentation tables say it. */
  public String details() {
    return entry.texts.details;
  }

  /** An example: a problem's message, or for a check-versions rule a change it reports. */
  public String example() {
    return entry.texts.example;
  }

  /** The id, so that a rule reads in a message as it prints in brackets. */
  @Override
  public String toString() {
    return entry.id;
  }

  /** The rule with an id, if the catalogue has one. */
  public static Optional<RuleId> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The rule with an id. */
  public static RuleId of(String id) {
    RuleId rule = BY_ID.get(id);
    if (rule == null) {
      throw new NoSuchElementException("no rule " + id + " in the catalogue");
    }
    return rule;
  }

  /** The rules of a family, in catalogue order. */
  public static List<RuleId> of(Family family) {
    List<RuleId> out = new ArrayList<>();
    for (RuleId rule : values()) {
      if (rule.family() == family) {
        out.add(rule);
      }
    }
    return out;
  }

  /**
   * Items by their ids, in their order; an id given twice is a mistake of the catalogue, not a rule
   * silently replacing another.
   *
   * @throws IllegalStateException naming the id given twice
   */
  static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T item : items) {
      if (out.putIfAbsent(id.apply(item), item) != null) {
        throw new IllegalStateException(
            "rule id " + id.apply(item) + " is given twice; every rule has an id of its own");
      }
    }
    return out;
  }
}
