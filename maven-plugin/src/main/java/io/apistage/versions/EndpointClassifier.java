package io.apistage.versions;

import static io.apistage.problem.RuleId.*;
import static io.apistage.versions.PlainValues.field;

import io.apistage.model.Change;
import java.util.List;
import java.util.Map;

/**
 * Decides what a change of an endpoint breaks: the endpoint added, removed or deprecated, its name,
 * method or path, its parameters, request body and responses. Schemas inside go to {@link
 * SchemaClassifier}, policies and rate limits to {@link GatewaySettingsClassifier}.
 *
 * @since 0.1.0
 */
final class EndpointClassifier {

  private EndpointClassifier() {}

  private static final Constraints.EnumRules PARAMETER_ENUM =
      new Constraints.EnumRules(
          PARAMETER_ENUM_VALUE_REMOVED,
          PARAMETER_ENUM_VALUE_ADDED,
          PARAMETER_ENUM_ADDED,
          PARAMETER_ENUM_REMOVED);

  /** Adds the findings of a change under {@code endpoints} to {@code out}. */
  static void classify(ChangePath loc, List<Finding> out) {
    int n = loc.size();
    if (n < 2) {
      out.add(loc.unclassified());
      return;
    }
    String endpoint = loc.itemId(1);
    if (n == 2) {
      out.add(
          switch (loc.type()) {
            case ADDED -> loc.finding(ENDPOINT_ADDED, "endpoint " + endpoint + " added");
            case REMOVED -> loc.finding(ENDPOINT_REMOVED, "endpoint " + endpoint + " removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    String how = loc.howChanged();
    switch (loc.key(2)) {
      case "deprecated" ->
          out.add(
              Boolean.TRUE.equals(loc.to())
                  ? loc.finding(ENDPOINT_DEPRECATED, "endpoint " + endpoint + " deprecated")
                  : loc.finding(
                      ENDPOINT_UNDEPRECATED, "endpoint " + endpoint + " no longer deprecated"));
      case "name" ->
          out.add(loc.finding(ENDPOINT_NAME_CHANGED, "name of endpoint " + endpoint + " " + how));
      case "method" ->
          out.add(
              loc.finding(ENDPOINT_METHOD_CHANGED, "method of endpoint " + endpoint + " " + how));
      case "path" ->
          out.add(loc.finding(ENDPOINT_PATH_CHANGED, "path of endpoint " + endpoint + " " + how));
      case "tags" -> out.add(loc.finding(METADATA_CHANGED, loc.change.path() + " " + how));
      case "operationId" ->
          out.add(
              loc.type() == Change.Type.ADDED
                  ? loc.finding(METADATA_CHANGED, "operationId of " + endpoint + " " + how)
                  : loc.finding(OPERATION_ID_CHANGED, "operationId of " + endpoint + " " + how));
      case "policies" -> GatewaySettingsClassifier.policies(loc, " of endpoint " + endpoint, out);
      case "rateLimit" -> GatewaySettingsClassifier.rateLimit(loc, 2, "endpoint " + endpoint, out);
      case "parameters" -> parameter(loc, endpoint, out);
      case "requestBody" -> requestBody(loc, endpoint, out);
      case "responses" -> response(loc, endpoint, out);
      case "security" -> OpenApiClassifier.security(loc, endpoint, out);
      default -> out.add(loc.unclassified());
    }
  }

  private static void parameter(ChangePath loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    if (n < 4) {
      out.add(loc.unclassified());
      return;
    }
    Object param = loc.latestValueAt(4);
    String label =
        field(param, "location") + " parameter " + field(param, "name") + " of " + endpoint;
    if (n == 4) {
      out.add(wholeParameter(loc, param, label));
      return;
    }
    String key = loc.key(4);
    if (n == 5 && parameterField(loc, label, out)) {
      return;
    }
    if (key.equals("schema")) {
      new SchemaClassifier(loc, 5, Direction.REQUEST, label).classify(out);
    } else if (key.equals("items")) {
      out.add(loc.finding(PARAMETER_TYPE_CHANGED, "items of " + label + " " + loc.howChanged()));
    } else {
      out.add(loc.unclassified());
    }
  }

  private static Finding wholeParameter(ChangePath loc, Object param, String label) {
    return switch (loc.type()) {
      case ADDED -> {
        boolean required =
            Boolean.TRUE.equals(field(param, "required"))
                || "path".equals(field(param, "location"));
        yield required
            ? loc.finding(PARAMETER_ADDED_REQUIRED, "required " + label + " added")
            : loc.finding(PARAMETER_ADDED, "optional " + label + " added");
      }
      case REMOVED -> loc.finding(PARAMETER_REMOVED, label + " removed");
      case CHANGED -> loc.unclassified();
    };
  }

  /** A field of a parameter itself; false when the field is none of them. */
  private static boolean parameterField(ChangePath loc, String label, List<Finding> out) {
    String key = loc.key(4);
    String how = loc.howChanged();
    switch (key) {
      case "required" ->
          out.add(
              Boolean.TRUE.equals(loc.to())
                  ? loc.finding(PARAMETER_MADE_REQUIRED, label + " made required")
                  : loc.finding(PARAMETER_MADE_OPTIONAL, label + " made optional"));
      case "type" -> {
        Boolean widened = Constraints.numberWidened(loc.from(), loc.to());
        out.add(
            loc.finding(
                widened == null
                    ? PARAMETER_TYPE_CHANGED
                    : widened ? PARAMETER_CONSTRAINT_RELAXED : PARAMETER_CONSTRAINT_TIGHTENED,
                key + " of " + label + " " + how));
      }
      case "format" ->
          out.add(loc.finding(PARAMETER_TYPE_CHANGED, key + " of " + label + " " + how));
      case "enum" -> Constraints.classifyEnum(loc, label, PARAMETER_ENUM, out);
      case "default" ->
          out.add(loc.finding(PARAMETER_DEFAULT_CHANGED, "default of " + label + " " + how));
      case "deprecated" ->
          out.add(
              loc.finding(
                  PARAMETER_DEPRECATED,
                  label
                      + (Boolean.TRUE.equals(loc.to()) ? " deprecated" : " no longer deprecated")));
      default -> {
        if (!Constraints.isConstraint(key)) {
          return false;
        }
        if (Constraints.isNoChange(key, loc.from(), loc.to())) {
          return true;
        }
        boolean tightened = Constraints.isTightened(key, loc.from(), loc.to());
        out.add(
            loc.finding(
                tightened ? PARAMETER_CONSTRAINT_TIGHTENED : PARAMETER_CONSTRAINT_RELAXED,
                key + " of " + label + " " + how));
      }
    }
    return true;
  }

  private static void requestBody(ChangePath loc, String endpoint, List<Finding> out) {
    String label = "request body of " + endpoint;
    if (loc.size() == 3) {
      out.add(
          switch (loc.type()) {
            case ADDED ->
                Boolean.TRUE.equals(field(loc.to(), "required"))
                    ? loc.finding(REQUEST_BODY_ADDED_REQUIRED, "required " + label + " added")
                    : loc.finding(REQUEST_BODY_ADDED, "optional " + label + " added");
            case REMOVED -> loc.finding(REQUEST_BODY_REMOVED, label + " removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    switch (loc.key(3)) {
      case "required" ->
          out.add(
              Boolean.TRUE.equals(loc.to())
                  ? loc.finding(REQUEST_BODY_MADE_REQUIRED, label + " made required")
                  : loc.finding(REQUEST_BODY_MADE_OPTIONAL, label + " made optional"));
      case "contentType", "mediaType" ->
          out.add(
              loc.finding(
                  REQUEST_BODY_CONTENT_TYPE_CHANGED,
                  "content type of " + label + " " + loc.howChanged()));
      case "schema" -> new SchemaClassifier(loc, 4, Direction.REQUEST, label).classify(out);
      case "content" -> OpenApiClassifier.content(loc, 3, Direction.REQUEST, label, out);
      default -> out.add(loc.unclassified());
    }
  }

  private static void response(ChangePath loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    if (n < 4) {
      out.add(loc.unclassified());
      return;
    }
    String status = loc.key(3);
    String label = "response " + status + " of " + endpoint;
    if (n == 4) {
      out.add(
          switch (loc.type()) {
            case ADDED -> loc.finding(RESPONSE_ADDED, label + " added");
            case REMOVED ->
                status.startsWith("2")
                    ? loc.finding(SUCCESS_RESPONSE_REMOVED, "success " + label + " removed")
                    : loc.finding(RESPONSE_REMOVED, label + " removed");
            case CHANGED -> loc.unclassified();
          });
      return;
    }
    if (loc.key(4).equals("schema")) {
      new SchemaClassifier(loc, 5, Direction.RESPONSE, label).classify(out);
    } else if (loc.key(4).equals("content")) {
      OpenApiClassifier.content(loc, 4, Direction.RESPONSE, label, out);
    } else if (loc.key(4).equals("headers")) {
      header(loc, label, out);
    } else if (loc.key(4).equals("contentType")) {
      out.add(
          loc.finding(RESPONSE_TYPE_CHANGED, "content type of " + label + " " + loc.howChanged()));
    } else {
      out.add(loc.unclassified());
    }
  }

  /**
   * A change under a response's {@code headers}: a header added or removed, or deprecated; any
   * other change of a header (required, schema, serialization) is unclassified, breaking.
   */
  private static void header(ChangePath loc, String response, List<Finding> out) {
    int n = loc.size();
    String header = n == 5 ? "headers " + keysOf(loc.latestValueAt(5)) : "header " + loc.key(5);
    if (n <= 6 && loc.type() != Change.Type.CHANGED) {
      boolean added = loc.type() == Change.Type.ADDED;
      out.add(
          loc.finding(
              added ? RESPONSE_HEADER_ADDED : RESPONSE_HEADER_REMOVED,
              header + " of " + response + (added ? " added" : " removed")));
    } else if (n == 7 && loc.key(6).equals("deprecated")) {
      out.add(
          Boolean.TRUE.equals(loc.to())
              ? loc.finding(RESPONSE_HEADER_DEPRECATED, header + " of " + response + " deprecated")
              : loc.finding(
                  METADATA_CHANGED,
                  "deprecated of " + header + " of " + response + " " + loc.howChanged()));
    } else {
      out.add(loc.unclassified());
    }
  }

  private static List<String> keysOf(Object map) {
    return map instanceof Map<?, ?> m
        ? m.keySet().stream().map(String::valueOf).toList()
        : List.of();
  }
}
