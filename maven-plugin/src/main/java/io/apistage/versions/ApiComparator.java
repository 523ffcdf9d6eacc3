package io.apistage.versions;

import static io.apistage.problem.RuleId.*;

import io.apistage.model.Change;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Bump;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions of an Api document and classifies every semantic difference into a {@link
 * Finding} of the {@link RuleId} catalogue. Formatting, key order, quoting, comments and
 * spelled-out defaults are no differences ({@link TreeDiff} sees to that); endpoints are matched by
 * method and path, parameters by location and name. The {@code version} and {@code state} fields
 * are the subject of the lifecycle rules, not findings. Maven-free, so other goals (release notes)
 * call it as well.
 *
 * @since 0.1.0
 */
public final class ApiComparator {

  private ApiComparator() {}

  /**
   * The outcome of a comparison.
   *
   * @param changes every field-level change, including {@code version} and {@code state}
   * @param findings the classified differences, in document order
   * @param summary the modified, added and removed fields
   */
  public record Comparison(List<Change> changes, List<Finding> findings, ChangeSummary summary) {

    public Comparison {
      changes = List.copyOf(changes);
      findings = List.copyOf(findings);
    }

    /** The largest bump of the findings, {@link Bump#NONE} without findings. */
    public Bump requiredBump() {
      Bump out = Bump.NONE;
      for (Finding f : findings) {
        out = out.max(f.bump());
      }
      return out;
    }
  }

  /**
   * Compares two Api documents in plain form (maps, lists, scalars), e.g. {@code YNode.toPlain()}.
   */
  public static Comparison compare(Object from, Object to) {
    Object a = TreeDiff.normalize(from);
    Object b = TreeDiff.normalize(to);
    List<Change> changes = TreeDiff.diff(a, b);
    List<Loc> locs = new ArrayList<>();
    for (Change c : changes) {
      if (c.field().equals("/version") || c.field().equals("/state")) {
        continue;
      }
      expand(locate(c, a, b), a, b, locs);
    }
    List<Finding> findings = new ArrayList<>();
    Set<Loc> consumed = new HashSet<>();
    pairEndpoints(locs, consumed, findings);
    pairParameters(locs, consumed, findings);
    for (Loc loc : locs) {
      if (!consumed.contains(loc)) {
        classify(loc, findings);
      }
    }
    Map<String, Finding> unique = new LinkedHashMap<>();
    for (Finding f : findings) {
      unique.putIfAbsent(f.rule() + " " + f.field() + " " + f.message(), f);
    }
    return new Comparison(changes, List.copyOf(unique.values()), ChangeSummary.of(changes));
  }

  // ---------------------------------------------------------------------------------------------
  // where a change is

  /** A change with the semantic path to it: keys ("*" for list items), item identities, values. */
  private static final class Loc {
    final Change change;
    final String[] tokens;
    final String[] keys;
    final String[] ids;
    final boolean[] names;
    final Object[] froms;
    final Object[] tos;

    Loc(
        Change change,
        String[] tokens,
        String[] keys,
        String[] ids,
        boolean[] names,
        Object[] froms,
        Object[] tos) {
      this.change = change;
      this.tokens = tokens;
      this.keys = keys;
      this.ids = ids;
      this.names = names;
      this.froms = froms;
      this.tos = tos;
    }

    int size() {
      return keys.length;
    }

    String last() {
      return keys[keys.length - 1];
    }

    Change.Type type() {
      return change.type();
    }

    Object from() {
      return froms[keys.length];
    }

    Object to() {
      return tos[keys.length];
    }

    /** The value in the new document after {@code n} tokens, else in the old one. */
    Object either(int n) {
      return tos[n] != null ? tos[n] : froms[n];
    }

    String pointer(int n) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < n; i++) {
        out.append('/').append(JsonPointer.escape(tokens[i]));
      }
      return out.toString();
    }

    boolean is(String... pattern) {
      return pattern.length == keys.length && startsWith(pattern);
    }

    boolean startsWith(String... pattern) {
      if (pattern.length > keys.length) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!pattern[i].equals(keys[i])) {
          return false;
        }
      }
      return true;
    }

    boolean removal() {
      return change.type() == Change.Type.REMOVED;
    }
  }

  private static Loc locate(Change c, Object from, Object to) {
    String[] tokens = tokens(c.field());
    int n = tokens.length;
    String[] keys = new String[n];
    String[] ids = new String[n];
    boolean[] names = new boolean[n];
    Object[] froms = new Object[n + 1];
    Object[] tos = new Object[n + 1];
    froms[0] = from;
    tos[0] = to;
    boolean inSchema = false;
    boolean nextIsName = false;
    for (int i = 0; i < n; i++) {
      Object f = froms[i];
      Object t = tos[i];
      boolean last = i == n - 1;
      if (f instanceof List<?> || t instanceof List<?>) {
        List<?> fl = f instanceof List<?> l ? l : List.of();
        List<?> tl = t instanceof List<?> l ? l : List.of();
        int index = Integer.parseInt(tokens[i]);
        boolean positional = TreeDiff.identities(fl) == null || TreeDiff.identities(tl) == null;
        keys[i] = "*";
        if (last && c.type() == Change.Type.REMOVED) {
          froms[i + 1] = item(fl, index);
          ids[i] = id(froms[i + 1], index);
        } else {
          Object item = item(tl, index);
          tos[i + 1] = item;
          ids[i] = id(item, index);
          if (positional) {
            froms[i + 1] = item(fl, index);
          } else if (!(last && c.type() == Change.Type.ADDED)) {
            froms[i + 1] = byIdentity(fl, TreeDiff.identity(item));
          }
        }
        nextIsName = false;
      } else {
        keys[i] = tokens[i];
        froms[i + 1] = f instanceof Map<?, ?> m ? m.get(tokens[i]) : null;
        tos[i + 1] = t instanceof Map<?, ?> m ? m.get(tokens[i]) : null;
        boolean isName =
            nextIsName || (i == 3 && "responses".equals(keys[2]) && "endpoints".equals(keys[0]));
        names[i] = isName;
        if (isName) {
          nextIsName = false;
        } else if (inSchema && tokens[i].equals("properties")) {
          nextIsName = true;
        } else if (tokens[i].equals("schema")) {
          inSchema = true;
        }
      }
    }
    return new Loc(c, tokens, keys, ids, names, froms, tos);
  }

  private static String[] tokens(String pointer) {
    if (pointer.isEmpty()) {
      return new String[0];
    }
    String[] raw = pointer.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = JsonPointer.unescape(raw[i]);
    }
    return raw;
  }

  private static Object item(List<?> list, int index) {
    return index >= 0 && index < list.size() ? list.get(index) : null;
  }

  private static String id(Object item, int index) {
    String id = TreeDiff.identity(item);
    return id == null ? String.valueOf(index) : id;
  }

  private static Object byIdentity(List<?> list, String identity) {
    if (identity == null) {
      return null;
    }
    for (Object item : list) {
      if (identity.equals(TreeDiff.identity(item))) {
        return item;
      }
    }
    return null;
  }

  /**
   * A whole collection added or removed (the first endpoints, the parameters of an endpoint, the
   * responses, the properties of a schema, the pricing plans) becomes one change per item, so each
   * item is judged like any other added or removed item.
   */
  private static void expand(Loc loc, Object from, Object to, List<Loc> out) {
    boolean collection =
        loc.is("endpoints")
            || loc.is("endpoints", "*", "parameters")
            || loc.is("endpoints", "*", "responses")
            || loc.is("pricing", "plans")
            || isPropertiesKeyword(loc);
    Change c = loc.change;
    if (!collection || c.type() == Change.Type.CHANGED) {
      out.add(loc);
      return;
    }
    Object value = c.type() == Change.Type.ADDED ? c.to() : c.from();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        Change child =
            new Change(
                c.type(),
                JsonPointer.child(c.field(), i),
                c.path() + "[" + id(item, i) + "]",
                c.type() == Change.Type.REMOVED ? item : null,
                c.type() == Change.Type.ADDED ? item : null);
        out.add(locate(child, from, to));
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        Change child =
            new Change(
                c.type(),
                JsonPointer.child(c.field(), key),
                c.path() + "." + key,
                c.type() == Change.Type.REMOVED ? e.getValue() : null,
                c.type() == Change.Type.ADDED ? e.getValue() : null);
        out.add(locate(child, from, to));
      }
    } else {
      out.add(loc);
    }
  }

  private static boolean isPropertiesKeyword(Loc loc) {
    int n = loc.size();
    if (n == 0 || !loc.last().equals("properties") || loc.names[n - 1]) {
      return false;
    }
    for (int i = 0; i < n - 1; i++) {
      if (loc.keys[i].equals("schema") && !loc.names[i]) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // pairs that are one change: an endpoint moved, a parameter renamed or moved

  private static void pairEndpoints(List<Loc> locs, Set<Loc> consumed, List<Finding> out) {
    List<Loc> removed = new ArrayList<>();
    List<Loc> added = new ArrayList<>();
    for (Loc loc : locs) {
      if (loc.is("endpoints", "*")) {
        (loc.type() == Change.Type.REMOVED ? removed : added).add(loc);
      }
    }
    for (Loc r : removed) {
      Object name = field(r.from(), "name");
      if (name == null) {
        continue;
      }
      for (Loc a : added) {
        if (consumed.contains(a) || !name.equals(field(a.to(), "name"))) {
          continue;
        }
        String oldMethod = String.valueOf(field(r.from(), "method"));
        String newMethod = String.valueOf(field(a.to(), "method"));
        String oldPath = String.valueOf(field(r.from(), "path"));
        String newPath = String.valueOf(field(a.to(), "path"));
        if (!oldMethod.equalsIgnoreCase(newMethod)) {
          out.add(
              finding(
                  ENDPOINT_METHOD_CHANGED,
                  a.change.field() + "/method",
                  "method of endpoint "
                      + name
                      + " changed from "
                      + oldMethod
                      + " to "
                      + newMethod
                      + " ("
                      + newPath
                      + ")",
                  false));
        }
        if (!oldPath.equals(newPath)) {
          out.add(
              finding(
                  ENDPOINT_PATH_CHANGED,
                  a.change.field() + "/path",
                  "path of endpoint " + name + " changed from " + oldPath + " to " + newPath,
                  false));
        }
        consumed.add(r);
        consumed.add(a);
        break;
      }
    }
  }

  private static void pairParameters(List<Loc> locs, Set<Loc> consumed, List<Finding> out) {
    Map<String, List<Loc>> removed = new LinkedHashMap<>();
    Map<String, List<Loc>> added = new LinkedHashMap<>();
    for (Loc loc : locs) {
      if (loc.is("endpoints", "*", "parameters", "*")) {
        (loc.type() == Change.Type.REMOVED ? removed : added)
            .computeIfAbsent(loc.ids[1], k -> new ArrayList<>())
            .add(loc);
      }
    }
    for (Map.Entry<String, List<Loc>> e : removed.entrySet()) {
      List<Loc> candidates = added.getOrDefault(e.getKey(), List.of());
      for (Loc r : e.getValue()) {
        for (Loc a : candidates) {
          if (!consumed.contains(a)
              && Objects.equals(field(r.from(), "name"), field(a.to(), "name"))
              && !Objects.equals(field(r.from(), "location"), field(a.to(), "location"))) {
            out.add(
                finding(
                    PARAMETER_MOVED,
                    a.change.field() + "/location",
                    "parameter "
                        + field(a.to(), "name")
                        + " of "
                        + e.getKey()
                        + " moved from "
                        + field(r.from(), "location")
                        + " to "
                        + field(a.to(), "location"),
                    false));
            consumed.add(r);
            consumed.add(a);
            break;
          }
        }
      }
      Map<Object, List<Loc>> removedByLocation = new LinkedHashMap<>();
      Map<Object, List<Loc>> addedByLocation = new LinkedHashMap<>();
      for (Loc r : e.getValue()) {
        if (!consumed.contains(r)) {
          removedByLocation
              .computeIfAbsent(field(r.from(), "location"), k -> new ArrayList<>())
              .add(r);
        }
      }
      for (Loc a : candidates) {
        if (!consumed.contains(a)) {
          addedByLocation.computeIfAbsent(field(a.to(), "location"), k -> new ArrayList<>()).add(a);
        }
      }
      for (Map.Entry<Object, List<Loc>> byLocation : removedByLocation.entrySet()) {
        List<Loc> rs = byLocation.getValue();
        List<Loc> as = addedByLocation.getOrDefault(byLocation.getKey(), List.of());
        if (rs.size() == 1 && as.size() == 1) {
          Loc r = rs.get(0);
          Loc a = as.get(0);
          out.add(
              finding(
                  PARAMETER_RENAMED,
                  a.change.field() + "/name",
                  byLocation.getKey()
                      + " parameter "
                      + field(r.from(), "name")
                      + " of "
                      + e.getKey()
                      + " renamed to "
                      + field(a.to(), "name"),
                  false));
          consumed.add(r);
          consumed.add(a);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // classification

  private static final Set<String> DOCUMENTATION =
      Set.of("description", "summary", "title", "example", "examples", "externalDocs", "x-notes");
  private static final Set<String> LOWER_BOUNDS =
      Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final Set<String> UPPER_BOUNDS =
      Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
  private static final Set<String> OTHER_CONSTRAINTS =
      Set.of("pattern", "multipleOf", "uniqueItems");

  private static void classify(Loc loc, List<Finding> out) {
    int n = loc.size();
    if (n == 0) {
      out.add(unclassified(loc));
      return;
    }
    if (DOCUMENTATION.contains(loc.last()) && !loc.names[n - 1]) {
      out.add(finding(DESCRIPTION_CHANGED, loc, loc.change.path() + " " + verb(loc)));
      return;
    }
    switch (loc.keys[0]) {
      case "category", "tags", "team", "contact", "label" ->
          out.add(finding(METADATA_CHANGED, loc, loc.change.path() + " " + verb(loc)));
      case "baseUrl" -> out.add(finding(BASE_URL_CHANGED, loc, "baseUrl " + verb(loc)));
      case "id" ->
          out.add(finding(ID_CHANGED, loc, "id " + verb(loc) + ": the gateway sees another API"));
      case "policies" -> policies(loc, "", out);
      case "endpoints" -> endpoint(loc, out);
      case "auth" -> auth(loc, out);
      case "rateLimit" -> rateLimit(loc, 0, "the API", out);
      case "pricing" -> pricing(loc, out);
      default -> out.add(unclassified(loc));
    }
  }

  private static void endpoint(Loc loc, List<Finding> out) {
    int n = loc.size();
    if (n < 2) {
      out.add(unclassified(loc));
      return;
    }
    String endpoint = loc.ids[1];
    if (n == 2) {
      switch (loc.type()) {
        case ADDED -> out.add(finding(ENDPOINT_ADDED, loc, "endpoint " + endpoint + " added"));
        case REMOVED ->
            out.add(finding(ENDPOINT_REMOVED, loc, "endpoint " + endpoint + " removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    switch (loc.keys[2]) {
      case "deprecated" -> {
        if (Boolean.TRUE.equals(loc.to())) {
          out.add(finding(ENDPOINT_DEPRECATED, loc, "endpoint " + endpoint + " deprecated"));
        } else {
          out.add(
              finding(
                  ENDPOINT_UNDEPRECATED, loc, "endpoint " + endpoint + " no longer deprecated"));
        }
      }
      case "name" ->
          out.add(
              finding(
                  ENDPOINT_NAME_CHANGED, loc, "name of endpoint " + endpoint + " " + verb(loc)));
      case "method" ->
          out.add(
              finding(
                  ENDPOINT_METHOD_CHANGED,
                  loc,
                  "method of endpoint " + endpoint + " " + verb(loc)));
      case "path" ->
          out.add(
              finding(
                  ENDPOINT_PATH_CHANGED, loc, "path of endpoint " + endpoint + " " + verb(loc)));
      case "tags", "operationId" ->
          out.add(finding(METADATA_CHANGED, loc, loc.change.path() + " " + verb(loc)));
      case "policies" -> policies(loc, " of endpoint " + endpoint, out);
      case "rateLimit" -> rateLimit(loc, 2, "endpoint " + endpoint, out);
      case "parameters" -> parameter(loc, endpoint, out);
      case "requestBody" -> requestBody(loc, endpoint, out);
      case "responses" -> response(loc, endpoint, out);
      default -> out.add(unclassified(loc));
    }
  }

  private static void parameter(Loc loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    if (n < 4) {
      out.add(unclassified(loc));
      return;
    }
    Object param = loc.either(4);
    String label =
        field(param, "location") + " parameter " + field(param, "name") + " of " + endpoint;
    if (n == 4) {
      switch (loc.type()) {
        case ADDED -> {
          boolean required =
              Boolean.TRUE.equals(field(param, "required"))
                  || "path".equals(field(param, "location"));
          out.add(
              required
                  ? finding(PARAMETER_ADDED_REQUIRED, loc, "required " + label + " added")
                  : finding(PARAMETER_ADDED, loc, "optional " + label + " added"));
        }
        case REMOVED -> out.add(finding(PARAMETER_REMOVED, loc, label + " removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    String key = loc.keys[4];
    if (n == 5) {
      switch (key) {
        case "required" -> {
          if (Boolean.TRUE.equals(loc.to())) {
            out.add(finding(PARAMETER_MADE_REQUIRED, loc, label + " made required"));
          } else {
            out.add(finding(PARAMETER_MADE_OPTIONAL, loc, label + " made optional"));
          }
          return;
        }
        case "type", "format" -> {
          out.add(finding(PARAMETER_TYPE_CHANGED, loc, key + " of " + label + " " + verb(loc)));
          return;
        }
        case "enum" -> {
          enumChange(
              loc,
              label,
              PARAMETER_ENUM_VALUE_REMOVED,
              PARAMETER_ENUM_VALUE_ADDED,
              PARAMETER_ENUM_ADDED,
              PARAMETER_ENUM_REMOVED,
              out);
          return;
        }
        case "default" -> {
          out.add(finding(PARAMETER_DEFAULT_CHANGED, loc, "default of " + label + " " + verb(loc)));
          return;
        }
        case "deprecated" -> {
          out.add(
              finding(
                  PARAMETER_DEPRECATED,
                  loc,
                  label
                      + (Boolean.TRUE.equals(loc.to()) ? " deprecated" : " no longer deprecated")));
          return;
        }
        default -> {
          if (isConstraint(key)) {
            boolean tighter = tightened(key, loc.from(), loc.to());
            out.add(
                finding(
                    tighter ? PARAMETER_CONSTRAINT_TIGHTENED : PARAMETER_CONSTRAINT_RELAXED,
                    loc,
                    key + " of " + label + " " + verb(loc)));
            return;
          }
        }
      }
    }
    if (key.equals("schema")) {
      schema(loc, 5, true, label, out);
      return;
    }
    if (key.equals("items")) {
      out.add(finding(PARAMETER_TYPE_CHANGED, loc, "items of " + label + " " + verb(loc)));
      return;
    }
    out.add(unclassified(loc));
  }

  private static void requestBody(Loc loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    String label = "request body of " + endpoint;
    if (n == 3) {
      switch (loc.type()) {
        case ADDED ->
            out.add(
                Boolean.TRUE.equals(field(loc.to(), "required"))
                    ? finding(REQUEST_BODY_ADDED_REQUIRED, loc, "required " + label + " added")
                    : finding(REQUEST_BODY_ADDED, loc, "optional " + label + " added"));
        case REMOVED -> out.add(finding(REQUEST_BODY_REMOVED, loc, label + " removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    switch (loc.keys[3]) {
      case "required" -> {
        if (Boolean.TRUE.equals(loc.to())) {
          out.add(finding(REQUEST_BODY_MADE_REQUIRED, loc, label + " made required"));
        } else {
          out.add(finding(REQUEST_BODY_MADE_OPTIONAL, loc, label + " made optional"));
        }
      }
      case "contentType", "mediaType", "content" ->
          out.add(
              finding(
                  REQUEST_BODY_CONTENT_TYPE_CHANGED,
                  loc,
                  "content type of " + label + " " + verb(loc)));
      case "schema" -> schema(loc, 4, true, label, out);
      default -> out.add(unclassified(loc));
    }
  }

  private static void response(Loc loc, String endpoint, List<Finding> out) {
    int n = loc.size();
    if (n < 4) {
      out.add(unclassified(loc));
      return;
    }
    String status = loc.keys[3];
    String label = "response " + status + " of " + endpoint;
    if (n == 4) {
      switch (loc.type()) {
        case ADDED -> out.add(finding(RESPONSE_ADDED, loc, label + " added"));
        case REMOVED ->
            out.add(
                status.startsWith("2")
                    ? finding(SUCCESS_RESPONSE_REMOVED, loc, "success " + label + " removed")
                    : finding(RESPONSE_REMOVED, loc, label + " removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    if (loc.keys[4].equals("schema")) {
      schema(loc, 5, false, label, out);
      return;
    }
    if (loc.keys[4].equals("contentType")) {
      out.add(finding(RESPONSE_TYPE_CHANGED, loc, "content type of " + label + " " + verb(loc)));
      return;
    }
    out.add(unclassified(loc));
  }

  /** A change inside a schema that starts after {@code start} keys. */
  private static void schema(Loc loc, int start, boolean request, String owner, List<Finding> out) {
    int n = loc.size();
    if (n == start) {
      switch (loc.type()) {
        case ADDED ->
            out.add(
                request
                    ? finding(REQUEST_TYPE_CHANGED, loc, "schema of " + owner + " added")
                    : finding(RESPONSE_SCHEMA_ADDED, loc, "schema of " + owner + " added"));
        case REMOVED ->
            out.add(
                request
                    ? finding(REQUEST_CONSTRAINT_RELAXED, loc, "schema of " + owner + " removed")
                    : finding(RESPONSE_SCHEMA_REMOVED, loc, "schema of " + owner + " removed"));
        case CHANGED ->
            out.add(
                finding(
                    request ? REQUEST_TYPE_CHANGED : RESPONSE_TYPE_CHANGED,
                    loc,
                    "schema of " + owner + " " + verb(loc)));
      }
      return;
    }
    String last = loc.last();
    String where = propertyLabel(loc, start, n - 1);
    String in = where.isEmpty() ? owner : "property " + where + " of " + owner;
    if (loc.names[n - 1]) {
      String property = propertyLabel(loc, start, n);
      switch (loc.type()) {
        case ADDED -> {
          if (!request) {
            out.add(
                finding(
                    RESPONSE_PROPERTY_ADDED, loc, "property " + property + " added to " + owner));
          } else if (listed(field(loc.tos[n - 2], "required"), last)) {
            out.add(
                finding(
                    REQUEST_PROPERTY_ADDED_REQUIRED,
                    loc,
                    "required property " + property + " added to " + owner));
          } else {
            out.add(
                finding(
                    REQUEST_PROPERTY_ADDED,
                    loc,
                    "optional property " + property + " added to " + owner));
          }
        }
        case REMOVED ->
            out.add(
                finding(
                    request ? REQUEST_PROPERTY_REMOVED : RESPONSE_PROPERTY_REMOVED,
                    loc,
                    "property " + property + " removed from " + owner));
        case CHANGED ->
            out.add(
                finding(
                    request ? REQUEST_TYPE_CHANGED : RESPONSE_TYPE_CHANGED,
                    loc,
                    "property " + property + " of " + owner + " " + verb(loc)));
      }
      return;
    }
    switch (last) {
      case "type", "format", "$ref", "items" -> {
        out.add(
            finding(
                request ? REQUEST_TYPE_CHANGED : RESPONSE_TYPE_CHANGED,
                loc,
                last + " of " + in + " " + verb(loc)));
        return;
      }
      case "required" -> {
        required(loc, n, request, where, owner, out);
        return;
      }
      case "enum" -> {
        if (request) {
          enumChange(
              loc,
              in,
              REQUEST_ENUM_VALUE_REMOVED,
              REQUEST_ENUM_VALUE_ADDED,
              REQUEST_CONSTRAINT_TIGHTENED,
              REQUEST_CONSTRAINT_RELAXED,
              out);
        } else {
          enumChange(
              loc,
              in,
              RESPONSE_ENUM_VALUE_REMOVED,
              RESPONSE_ENUM_VALUE_ADDED,
              RESPONSE_CONSTRAINT_CHANGED,
              RESPONSE_CONSTRAINT_CHANGED,
              out);
        }
        return;
      }
      default -> {
        if (isConstraint(last)) {
          RuleId rule =
              !request
                  ? RESPONSE_CONSTRAINT_CHANGED
                  : tightened(last, loc.from(), loc.to())
                      ? REQUEST_CONSTRAINT_TIGHTENED
                      : REQUEST_CONSTRAINT_RELAXED;
          out.add(finding(rule, loc, last + " of " + in + " " + verb(loc)));
          return;
        }
      }
    }
    out.add(unclassified(loc));
  }

  private static void required(
      Loc loc, int n, boolean request, String where, String owner, List<Finding> out) {
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    Object oldProperties = field(loc.froms[n - 1], "properties");
    Object newProperties = field(loc.tos[n - 1], "properties");
    String prefix = where.isEmpty() ? "" : where + ".";
    for (String name : after) {
      if (before.contains(name) || !(oldProperties instanceof Map<?, ?> m && m.containsKey(name))) {
        continue; // a new property: judged where it is added
      }
      out.add(
          finding(
              request ? REQUEST_PROPERTY_MADE_REQUIRED : RESPONSE_PROPERTY_MADE_REQUIRED,
              loc,
              "property " + prefix + name + " of " + owner + " made required"));
    }
    for (String name : before) {
      if (after.contains(name) || !(newProperties instanceof Map<?, ?> m && m.containsKey(name))) {
        continue; // a removed property: judged where it is removed
      }
      out.add(
          finding(
              request ? REQUEST_PROPERTY_MADE_OPTIONAL : RESPONSE_PROPERTY_MADE_OPTIONAL,
              loc,
              "property " + prefix + name + " of " + owner + " made optional"));
    }
  }

  private static String propertyLabel(Loc loc, int start, int end) {
    StringBuilder out = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (loc.names[i]) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(loc.keys[i]);
      } else if (loc.keys[i].equals("items")) {
        out.append("[]");
      }
    }
    return out.toString();
  }

  private static void enumChange(
      Loc loc,
      String label,
      RuleId valueRemoved,
      RuleId valueAdded,
      RuleId enumAdded,
      RuleId enumRemoved,
      List<Finding> out) {
    if (loc.from() == null) {
      out.add(finding(enumAdded, loc, label + " restricted to " + strings(loc.to())));
      return;
    }
    if (loc.to() == null) {
      out.add(finding(enumRemoved, loc, label + " no longer restricted to " + strings(loc.from())));
      return;
    }
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    for (String v : before) {
      if (!after.contains(v)) {
        out.add(finding(valueRemoved, loc, "enum value " + v + " removed from " + label));
      }
    }
    for (String v : after) {
      if (!before.contains(v)) {
        out.add(finding(valueAdded, loc, "enum value " + v + " added to " + label));
      }
    }
  }

  private static void policies(Loc loc, String where, List<Finding> out) {
    Set<String> before = strings(loc.from());
    Set<String> after = strings(loc.to());
    for (String p : after) {
      if (!before.contains(p)) {
        out.add(finding(POLICY_ADDED, loc, "policy " + p + " added" + where));
      }
    }
    for (String p : before) {
      if (!after.contains(p)) {
        out.add(finding(POLICY_REMOVED, loc, "policy " + p + " removed" + where));
      }
    }
  }

  private static void auth(Loc loc, List<Finding> out) {
    if (loc.size() == 1) {
      switch (loc.type()) {
        case ADDED ->
            out.add(
                finding(
                    AUTH_ADDED,
                    loc,
                    "auth " + field(loc.to(), "type") + " added: calls now need a credential"));
        case REMOVED ->
            out.add(finding(AUTH_REMOVED, loc, "auth removed: calls need no credential"));
        case CHANGED -> out.add(finding(AUTH_TYPE_CHANGED, loc, "auth " + verb(loc)));
      }
      return;
    }
    String key = loc.keys[1];
    switch (key) {
      case "type" -> out.add(finding(AUTH_TYPE_CHANGED, loc, "auth type " + verb(loc)));
      case "tokenLocation", "location", "in" ->
          out.add(finding(AUTH_LOCATION_CHANGED, loc, "auth " + key + " " + verb(loc)));
      case "tokenName", "name", "header" ->
          out.add(finding(AUTH_NAME_CHANGED, loc, "auth " + key + " " + verb(loc)));
      case "staticToken" ->
          out.add(finding(AUTH_CREDENTIAL_CHANGED, loc, "auth staticToken " + verb(loc)));
      case "scopes" -> {
        Set<String> before = strings(loc.from());
        Set<String> after = strings(loc.to());
        for (String scope : after) {
          if (!before.contains(scope)) {
            out.add(finding(AUTH_SCOPE_ADDED, loc, "auth scope " + scope + " now required"));
          }
        }
        for (String scope : before) {
          if (!after.contains(scope)) {
            out.add(
                finding(AUTH_SCOPE_REMOVED, loc, "auth scope " + scope + " no longer required"));
          }
        }
      }
      default -> out.add(unclassified(loc));
    }
  }

  /** A rate limit judged as a whole: requests per period, compared as a rate. */
  private static void rateLimit(Loc loc, int depth, String owner, List<Finding> out) {
    Object before = loc.froms[depth + 1];
    Object after = loc.tos[depth + 1];
    String field = loc.pointer(depth + 1);
    String label = "rate limit of " + owner;
    if (before == null && after != null) {
      out.add(finding(RATE_LIMIT_ADDED, field, label + " added: " + rate(after), false));
      return;
    }
    if (after == null && before != null) {
      out.add(
          finding(RATE_LIMIT_REMOVED, field, label + " removed (was " + rate(before) + ")", true));
      return;
    }
    BigDecimal oldRate = perSecond(before);
    BigDecimal newRate = perSecond(after);
    if (oldRate == null || newRate == null) {
      out.add(unclassified(loc));
      return;
    }
    int c = newRate.compareTo(oldRate);
    String change = " from " + rate(before) + " to " + rate(after);
    if (c < 0) {
      out.add(finding(RATE_LIMIT_LOWERED, field, label + " lowered" + change, false));
    } else if (c > 0) {
      out.add(finding(RATE_LIMIT_RAISED, field, label + " raised" + change, false));
    } else if (!Objects.equals(field(before, "period"), field(after, "period"))) {
      out.add(finding(RATE_LIMIT_WINDOW_CHANGED, field, label + " window changed" + change, false));
    } else {
      out.add(unclassified(loc));
    }
  }

  private static String rate(Object limit) {
    return field(limit, "requests") + "/" + field(limit, "period");
  }

  private static BigDecimal perSecond(Object limit) {
    BigDecimal requests = decimal(field(limit, "requests"));
    Object period = field(limit, "period");
    long seconds =
        period == null
            ? -1
            : switch (String.valueOf(period)) {
              case "second" -> 1;
              case "minute" -> 60;
              case "hour" -> 3_600;
              case "day" -> 86_400;
              case "month" -> 2_592_000;
              case "year" -> 31_536_000;
              default -> -1;
            };
    if (requests == null || seconds < 0) {
      return null;
    }
    return requests.divide(BigDecimal.valueOf(seconds), 12, java.math.RoundingMode.HALF_EVEN);
  }

  private static void pricing(Loc loc, List<Finding> out) {
    int n = loc.size();
    if (n == 1) {
      switch (loc.type()) {
        case ADDED ->
            out.add(finding(PRICING_ADDED, loc, "pricing added: the API is no longer free"));
        case REMOVED -> out.add(finding(PRICING_REMOVED, loc, "pricing removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    switch (loc.keys[1]) {
      case "type" -> out.add(finding(PRICING_TYPE_CHANGED, loc, "pricing type " + verb(loc)));
      case "currency" ->
          out.add(finding(PRICING_CURRENCY_CHANGED, loc, "pricing currency " + verb(loc)));
      case "plans" -> plan(loc, out);
      default -> out.add(unclassified(loc));
    }
  }

  private static void plan(Loc loc, List<Finding> out) {
    int n = loc.size();
    if (n < 3) {
      out.add(unclassified(loc));
      return;
    }
    String plan = "pricing plan " + field(loc.either(3), "name");
    if (n == 3) {
      switch (loc.type()) {
        case ADDED -> out.add(finding(PRICING_PLAN_ADDED, loc, plan + " added"));
        case REMOVED -> out.add(finding(PRICING_PLAN_REMOVED, loc, plan + " removed"));
        case CHANGED -> out.add(unclassified(loc));
      }
      return;
    }
    String key = loc.keys[3];
    switch (key) {
      case "price" -> {
        BigDecimal before = loc.from() == null ? BigDecimal.ZERO : decimal(loc.from());
        BigDecimal after = loc.to() == null ? BigDecimal.ZERO : decimal(loc.to());
        if (before == null || after == null) {
          out.add(unclassified(loc));
        } else if (after.compareTo(before) > 0) {
          out.add(
              finding(PRICING_PRICE_RAISED, loc, "price of " + plan + " raised " + fromTo(loc)));
        } else {
          out.add(
              finding(PRICING_PRICE_LOWERED, loc, "price of " + plan + " lowered " + fromTo(loc)));
        }
      }
      case "period" ->
          out.add(finding(PRICING_PERIOD_CHANGED, loc, "period of " + plan + " " + verb(loc)));
      case "currency" ->
          out.add(finding(PRICING_CURRENCY_CHANGED, loc, "currency of " + plan + " " + verb(loc)));
      case "features" -> {
        Set<String> before = strings(loc.from());
        Set<String> after = strings(loc.to());
        for (String f : before) {
          if (!after.contains(f)) {
            out.add(
                finding(PRICING_FEATURE_REMOVED, loc, "feature '" + f + "' removed from " + plan));
          }
        }
        for (String f : after) {
          if (!before.contains(f)) {
            out.add(finding(PRICING_FEATURE_ADDED, loc, "feature '" + f + "' added to " + plan));
          }
        }
      }
      default -> out.add(unclassified(loc));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static Finding finding(RuleId rule, Loc loc, String message) {
    return new Finding(rule, loc.change.field(), message, loc.removal());
  }

  private static Finding finding(RuleId rule, String field, String message, boolean removal) {
    return new Finding(rule, field, message, removal);
  }

  private static Finding unclassified(Loc loc) {
    return finding(
        UNCLASSIFIED_CHANGE,
        loc,
        (loc.change.path().isEmpty() ? "the document" : loc.change.path())
            + " "
            + verb(loc)
            + ": no rule knows this field, so the change counts as breaking");
  }

  private static String verb(Loc loc) {
    return switch (loc.type()) {
      case ADDED -> "added" + (isScalar(loc.to()) ? " (" + show(loc.to()) + ")" : "");
      case REMOVED -> "removed" + (isScalar(loc.from()) ? " (was " + show(loc.from()) + ")" : "");
      case CHANGED -> "changed " + fromTo(loc);
    };
  }

  private static String fromTo(Loc loc) {
    return "from " + show(loc.from()) + " to " + show(loc.to());
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof Collection);
  }

  private static String show(Object value) {
    if (value instanceof Collection<?> c) {
      List<String> items = new ArrayList<>();
      c.forEach(v -> items.add(String.valueOf(v)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Map<?, ?>) {
      return "{...}";
    }
    if (value instanceof String s && s.length() > 60) {
      return s.substring(0, 57) + "...";
    }
    return String.valueOf(value);
  }

  private static Object field(Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }

  private static boolean listed(Object list, String value) {
    return list instanceof Collection<?> c
        && c.stream().anyMatch(v -> value.equals(String.valueOf(v)));
  }

  private static Set<String> strings(Object value) {
    Set<String> out = new TreeSet<>();
    if (value instanceof Collection<?> c) {
      c.forEach(v -> out.add(String.valueOf(v)));
    } else if (value != null) {
      out.add(String.valueOf(value));
    }
    return new LinkedHashSet<>(out);
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Number num) {
      try {
        return new BigDecimal(num.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isConstraint(String key) {
    return LOWER_BOUNDS.contains(key)
        || UPPER_BOUNDS.contains(key)
        || OTHER_CONSTRAINTS.contains(key);
  }

  /** Whether a constraint change accepts fewer values than before. */
  private static boolean tightened(String key, Object before, Object after) {
    if (before == null) {
      return after != null && !Boolean.FALSE.equals(after);
    }
    if (after == null) {
      return false;
    }
    BigDecimal b = decimal(before);
    BigDecimal a = decimal(after);
    if (a != null && b != null) {
      if (LOWER_BOUNDS.contains(key)) {
        return a.compareTo(b) > 0;
      }
      if (UPPER_BOUNDS.contains(key)) {
        return a.compareTo(b) < 0;
      }
    }
    if (Boolean.TRUE.equals(after) || Boolean.TRUE.equals(before)) {
      return Boolean.TRUE.equals(after);
    }
    return true;
  }
}
