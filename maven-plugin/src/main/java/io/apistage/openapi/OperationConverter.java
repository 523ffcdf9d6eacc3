package io.apistage.openapi;

import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the operations of an OpenAPI document into endpoints of the shape an Api lists under {@code
 * endpoints}: {@code operationId} as name, method, path, parameters (path-level ones merged in),
 * request body and responses with their media types and schemas, and security. Every value keeps
 * the position it had in the OpenAPI file.
 *
 * @since 0.2.0
 */
final class OperationConverter {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*$");
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]*}");

  private final RefResolver refs;
  private final SchemaInliner inliner;
  private final List<Problem> problems;
  private final ParameterConverter parameters;

  OperationConverter(RefResolver refs, SchemaInliner inliner, List<Problem> problems) {
    this.refs = refs;
    this.inliner = inliner;
    this.problems = problems;
    this.parameters = new ParameterConverter(refs, inliner);
  }

  /** The document's own file, where its security schemes are defined. */
  private String rootFile;

  /** The endpoints of a document, in document order. */
  List<YNode> convert(String file, YMap doc) throws IOException {
    rootFile = file;
    List<YNode> out = new ArrayList<>();
    Map<String, YMap.Entry> routes = new HashMap<>();
    YMap paths = doc.map("paths");
    if (paths == null) {
      return out;
    }
    YNode security = doc.get("security");
    YMap components = doc.map("components");
    YMap schemes = components == null ? null : components.map("securitySchemes");
    for (YMap.Entry path : paths.entries().values()) {
      RefResolver.Located item = refs.deref(file, path.value());
      if (item == null || !(item.node() instanceof YMap map)) {
        continue;
      }
      for (YMap.Entry op : map.entries().values()) {
        String method = op.key().toLowerCase(Locale.ROOT);
        if (method.equals("trace")) {
          problems.add(
              RefResolver.problem(
                  item.file(),
                  op.keyPosition(),
                  "TRACE "
                      + path.key()
                      + " cannot be an endpoint: an Api serves GET, POST, PUT,"
                      + " PATCH, DELETE, HEAD and OPTIONS"));
          continue;
        }
        if (!METHODS.contains(method) || !(op.value() instanceof YMap operation)) {
          continue;
        }
        String route = method + " " + TEMPLATE.matcher(path.key()).replaceAll("{}");
        YMap.Entry first = routes.putIfAbsent(route, op);
        if (first != null) {
          problems.add(
              Problem.error(
                  item.file(),
                  op.keyPosition(),
                  "",
                  RuleId.DUPLICATE_ENDPOINT,
                  "operation "
                      + method.toUpperCase(Locale.ROOT)
                      + " "
                      + path.key()
                      + " is already defined at line "
                      + first.keyLine()
                      + "; method and path are unique within an Api: remove one"));
          continue;
        }
        Operation where = new Operation(item.file(), path, map, op, operation, schemes);
        out.add(endpoint(where, security));
      }
    }
    return out;
  }

  /** One operation and where it sits. */
  private record Operation(
      String file,
      YMap.Entry path,
      YMap pathItem,
      YMap.Entry entry,
      YMap operation,
      YMap schemes) {}

  private YMap endpoint(Operation op, YNode rootSecurity) throws IOException {
    YMap o = op.operation();
    MapBuilder out = new MapBuilder(o);
    YNode id = o.get("operationId");
    if (id instanceof YScalar s && s.value() != null) {
      out.put("operationId", inliner.from(op.file(), s));
      if (NAME.matcher(s.text()).matches()) {
        out.put("name", inliner.from(op.file(), s));
      } else {
        problems.add(
            RefResolver.problem(
                op.file(),
                s.position(),
                "operationId '"
                    + s.text()
                    + "' cannot name an endpoint: start with a letter, then letters, digits,"
                    + " '_' and '-'"));
      }
    }
    YScalar method = key(op.entry(), op.entry().key().toUpperCase(Locale.ROOT));
    out.put(op.entry(), "method", inliner.from(op.file(), method));
    out.put(op.path(), "path", inliner.from(op.file(), key(op.path(), op.path().key())));
    YNode description = o.get("description") != null ? o.get("description") : o.get("summary");
    out.put("description", inliner.from(op.file(), description));
    out.put("parameters", parameters.merged(op.file(), op.pathItem(), o));
    out.put("requestBody", requestBody(op.file(), o.get("requestBody")));
    out.put("responses", responses(op.file(), o.map("responses")));
    if (o.bool("deprecated", false)) {
      out.put("deprecated", inliner.from(op.file(), o.get("deprecated")));
    }
    boolean own = o.has("security");
    out.put(
        "security",
        security(own ? op.file() : null, own ? o.get("security") : rootSecurity, op.schemes()));
    return inliner.from(op.file(), out.build());
  }

  /** Puts a converted value under the position of the source's key of the same name. */
  private static void putAtKey(MapBuilder out, YMap source, String key, YNode value) {
    YMap.Entry entry = source.entries().get(key);
    if (entry == null) {
      out.put(key, value);
    } else {
      out.put(entry, key, value);
    }
  }

  private static YScalar key(YMap.Entry entry, String text) {
    return new YScalar(text, text, entry.keyLine(), entry.keyColumn());
  }

  private YMap requestBody(String file, YNode node) throws IOException {
    RefResolver.Located body = node == null ? null : refs.deref(file, node);
    if (body == null || !(body.node() instanceof YMap m)) {
      return null;
    }
    MapBuilder out = new MapBuilder(m);
    if (m.get("required") instanceof YScalar r && Boolean.TRUE.equals(r.value())) {
      out.put("required", inliner.from(body.file(), r));
    }
    out.put("description", inliner.from(body.file(), m.get("description")));
    putAtKey(out, m, "content", content(body.file(), m.map("content")));
    return inliner.from(body.file(), out.build());
  }

  private YMap responses(String file, YMap responses) throws IOException {
    if (responses == null) {
      return null;
    }
    MapBuilder out = new MapBuilder(responses);
    for (YMap.Entry status : responses.entries().values()) {
      RefResolver.Located r = refs.deref(file, status.value());
      if (r == null || !(r.node() instanceof YMap m)) {
        continue;
      }
      MapBuilder one = new MapBuilder(m);
      one.put("description", inliner.from(r.file(), m.get("description")));
      putAtKey(one, m, "content", content(r.file(), m.map("content")));
      putAtKey(one, m, "headers", inliner.inline(r.file(), m.get("headers")));
      String code =
          status.key().matches("[1-5][xX][xX]")
              ? status.key().toUpperCase(Locale.ROOT)
              : status.key();
      out.put(status, code, inliner.from(r.file(), one.build()));
    }
    return inliner.from(file, out.build());
  }

  /** Media types and their schemas. */
  private YMap content(String file, YMap content) throws IOException {
    if (content == null) {
      return null;
    }
    MapBuilder out = new MapBuilder(content);
    for (YMap.Entry type : content.entries().values()) {
      if (!(type.value() instanceof YMap media)) {
        continue;
      }
      MapBuilder one = new MapBuilder(media);
      one.put("schema", inliner.inline(file, media.get("schema")));
      out.put(type, type.key(), inliner.from(file, one.build()));
    }
    return inliner.from(file, out.build());
  }

  /**
   * Security as a mapping from each alternative (its schemes joined by {@code " + "}) to its
   * schemes and their scopes ({@code scheme:scope}), so that alternatives match by name.
   */
  private YMap security(String file, YNode node, YMap definitions) throws IOException {
    if (!(node instanceof YSeq seq)) {
      return null;
    }
    MapBuilder out = new MapBuilder(seq);
    Map<String, YMap> seen = new LinkedHashMap<>();
    for (YNode item : seq.items()) {
      if (item instanceof YMap empty && empty.size() == 0) {
        return null; // {} among the alternatives makes authentication optional
      }
      if (!(item instanceof YMap requirement)) {
        continue;
      }
      List<YNode> schemes = new ArrayList<>();
      List<YNode> scopes = new ArrayList<>();
      MapBuilder defined = new MapBuilder(requirement);
      for (YMap.Entry scheme : requirement.entries().values()) {
        schemes.add(key(scheme, scheme.key()));
        YNode definition = definitions == null ? null : definitions.get(scheme.key());
        defined.put(scheme.key(), inliner.inline(rootFile, definition));
        if (scheme.value() instanceof YSeq list) {
          for (YNode scope : list.items()) {
            if (scope instanceof YScalar s && s.value() != null) {
              String text = scheme.key() + ":" + s.text();
              scopes.add(new YScalar(text, text, s.line(), s.column()));
            }
          }
        }
      }
      String name = String.join(" + ", Set.copyOf(requirement.keys()).stream().sorted().toList());
      MapBuilder one = new MapBuilder(requirement);
      one.put("schemes", new YSeq(schemes, requirement.line(), requirement.column()));
      if (!scopes.isEmpty()) {
        one.put("scopes", new YSeq(scopes, requirement.line(), requirement.column()));
      }
      if (!defined.isEmpty()) {
        one.put("definitions", defined.build());
      }
      seen.putIfAbsent(name, one.build());
    }
    seen.forEach((name, value) -> out.put(name, value));
    YMap built = out.build();
    return file == null ? built : inliner.from(file, built);
  }
}
