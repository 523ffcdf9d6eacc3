package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of an Api's endpoints: {@code duplicate-endpoint} (method and path are unique within an
 * Api; {@code /orders/{id}} and {@code /orders/{orderId}} are the same route), {@code
 * path-parameter} (every {@code {name}} of a path is declared with {@code location: path}, every
 * declared path parameter appears in the path, and a path parameter is never optional) and {@code
 * duplicate-parameter} (a location and name are declared once per endpoint).
 *
 * @since 0.1.0
 */
public final class EndpointRule implements AssetRule {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]*)\\}");

  @Override
  public List<Problem> check(Asset api) {
    List<Problem> out = new ArrayList<>();
    if (api.kind() != Kind.API) {
      return out;
    }
    Map<String, Integer> routes = new HashMap<>();
    List<YNode> endpoints = api.body().list("endpoints");
    for (int i = 0; i < endpoints.size(); i++) {
      if (!(endpoints.get(i) instanceof YMap endpoint)) {
        continue;
      }
      String pointer = "/endpoints/" + i;
      String method = RuleSupport.text(endpoint.get("method"));
      String path = RuleSupport.text(endpoint.get("path"));
      if (method == null || path == null) {
        continue; // the schema reports them
      }
      String label = method.toUpperCase(Locale.ROOT) + " " + path;
      String route =
          method.toUpperCase(Locale.ROOT) + " " + VARIABLE.matcher(path).replaceAll("{}");
      Integer first = routes.putIfAbsent(route, i);
      if (first != null) {
        YMap other = (YMap) endpoints.get(first);
        out.add(
            RuleSupport.error(
                api,
                endpoint.get("path"),
                pointer + "/path",
                RuleId.DUPLICATE_ENDPOINT,
                "endpoint "
                    + label
                    + " is already defined at line "
                    + other.line()
                    + sameAs(other, path)
                    + "; method and path are unique within an Api: remove"
                    + " one or change its path"));
      }
      parameters(api, endpoint, pointer, label, path, out);
    }
    return out;
  }

  private static String sameAs(YMap other, String path) {
    String otherPath = RuleSupport.text(other.get("path"));
    return path.equals(otherPath) ? "" : " (as " + otherPath + ")";
  }

  /** One endpoint being checked: its Api, node, JSON pointer, label and path. */
  private record Endpoint(Asset api, YMap node, String pointer, String label, String path) {

    /** A {@code path-parameter} problem at the endpoint's path. */
    Problem pathProblem(String message) {
      return RuleSupport.error(
          api, node.get("path"), pointer + "/path", RuleId.PATH_PARAMETER, message);
    }
  }

  private static void parameters(
      Asset api, YMap node, String pointer, String label, String path, List<Problem> out) {
    Endpoint endpoint = new Endpoint(api, node, pointer, label, path);
    Set<String> variables = new LinkedHashSet<>();
    Matcher m = VARIABLE.matcher(path);
    while (m.find()) {
      variables.add(m.group(1));
    }
    String rest = VARIABLE.matcher(path).replaceAll("");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0 || variables.contains("")) {
      out.add(
          endpoint.pathProblem(
              "path "
                  + path
                  + " has unbalanced or empty braces; a path parameter is written {name}"));
      return;
    }
    Set<String> declared = declaredPathParameters(endpoint, variables, out);
    for (String variable : variables) {
      if (!declared.contains(variable)) {
        out.add(
            endpoint.pathProblem(
                "path parameter '"
                    + variable
                    + "' of "
                    + label
                    + " is not declared; add { name: "
                    + variable
                    + ", type: string, required: true, location: path } to its"
                    + " parameters"));
      }
    }
  }

  /**
   * Checks each parameter of an endpoint (declared once; a path parameter in the path and required)
   * and returns the names of its path parameters.
   */
  private static Set<String> declaredPathParameters(
      Endpoint endpoint, Set<String> variables, List<Problem> out) {
    Set<String> declared = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<YNode> parameters = endpoint.node().list("parameters");
    for (int j = 0; j < parameters.size(); j++) {
      if (!(parameters.get(j) instanceof YMap parameter)) {
        continue;
      }
      String p = endpoint.pointer() + "/parameters/" + j;
      String name = RuleSupport.text(parameter.get("name"));
      String location = RuleSupport.text(parameter.get("location"));
      if (name == null || location == null) {
        continue;
      }
      if (!seen.add(location + ":" + name)) {
        out.add(
            RuleSupport.error(
                endpoint.api(),
                parameter.get("name"),
                p + "/name",
                RuleId.DUPLICATE_PARAMETER,
                location
                    + " parameter '"
                    + name
                    + "' of "
                    + endpoint.label()
                    + " is declared twice; remove one"));
      } else if (location.equals("path")) {
        declared.add(name);
        checkPathParameter(endpoint, parameter, p, variables, out);
      }
    }
    return declared;
  }

  /** A declared path parameter appears in the path and is not optional. */
  private static void checkPathParameter(
      Endpoint endpoint, YMap parameter, String p, Set<String> variables, List<Problem> out) {
    String name = RuleSupport.text(parameter.get("name"));
    String label = endpoint.label();
    if (!variables.contains(name)) {
      out.add(
          RuleSupport.error(
              endpoint.api(),
              parameter.get("name"),
              p + "/name",
              RuleId.PATH_PARAMETER,
              "parameter '"
                  + name
                  + "' has location path, but the path of "
                  + label
                  + " has no {"
                  + name
                  + "}; add {"
                  + name
                  + "} to the path or change its location"));
    } else if (parameter.get("required") instanceof YScalar r && Boolean.FALSE.equals(r.value())) {
      out.add(
          Problem.warning(
              endpoint.api().file(),
              r.position(),
              p + "/required",
              RuleId.PATH_PARAMETER,
              "path parameter '"
                  + name
                  + "' of "
                  + label
                  + " is always required; set required: true"));
    }
  }
}
