package io.apistage.versions;

import io.apistage.model.Change;
import io.apistage.model.TreeDiff;
import io.apistage.yaml.JsonPointer;
import java.util.List;
import java.util.Map;

/**
 * Finds where in an Api document a field-level change is: turns its JSON pointer into a {@link
 * ChangePath} (list items matched by identity, property names told from schema keywords), and
 * splits a whole collection added or removed into one change per item.
 *
 * @since 0.1.0
 */
final class ChangeLocator {

  private ChangeLocator() {}

  /** The semantic path of a change between the documents {@code from} and {@code to}. */
  static ChangePath locate(Change c, Object from, Object to) {
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
      if (f instanceof List<?> || t instanceof List<?>) {
        keys[i] = "*";
        ids[i] = stepIntoItem(c, tokens, i, new ChangePath.Values(names, froms, tos));
        nextIsName = false;
      } else {
        keys[i] = tokens[i];
        froms[i + 1] = PlainValues.field(f, tokens[i]);
        tos[i + 1] = PlainValues.field(t, tokens[i]);
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
    return new ChangePath(c, tokens, keys, ids, new ChangePath.Values(names, froms, tos));
  }

  /**
   * Steps from a list at token {@code i} into its item: fills the old and new item after the token
   * and returns the item's identity. A removed item is found in the old list; any other in the new
   * list, and its old self by identity (by index in a list without identities).
   */
  private static String stepIntoItem(Change c, String[] tokens, int i, ChangePath.Values values) {
    Object[] froms = values.oldValues();
    Object[] tos = values.newValues();
    List<?> fl = froms[i] instanceof List<?> l ? l : List.of();
    List<?> tl = tos[i] instanceof List<?> l ? l : List.of();
    int index = Integer.parseInt(tokens[i]);
    boolean last = i == tokens.length - 1;
    if (last && c.type() == Change.Type.REMOVED) {
      froms[i + 1] = item(fl, index);
      return id(froms[i + 1], index);
    }
    Object item = item(tl, index);
    tos[i + 1] = item;
    boolean positional = TreeDiff.identities(fl) == null || TreeDiff.identities(tl) == null;
    if (positional) {
      froms[i + 1] = item(fl, index);
    } else if (!(last && c.type() == Change.Type.ADDED)) {
      froms[i + 1] = byIdentity(fl, TreeDiff.identity(item));
    }
    return id(item, index);
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
  static void expand(ChangePath loc, Object from, Object to, List<ChangePath> out) {
    boolean collection =
        loc.matches("endpoints")
            || loc.matches("endpoints", "*", "parameters")
            || loc.matches("endpoints", "*", "responses")
            || loc.matches("pricing", "plans")
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
        String path = c.path() + "[" + id(item, i) + "]";
        out.add(locate(child(c, JsonPointer.child(c.field(), i), path, item), from, to));
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String pointer = JsonPointer.child(c.field(), key);
        out.add(locate(child(c, pointer, c.path() + "." + key, e.getValue()), from, to));
      }
    } else {
      out.add(loc);
    }
  }

  /** The change of one item of a collection added or removed as a whole. */
  private static Change child(Change whole, String field, String path, Object item) {
    return new Change(
        whole.type(),
        field,
        path,
        whole.type() == Change.Type.REMOVED ? item : null,
        whole.type() == Change.Type.ADDED ? item : null);
  }

  /** Whether the path ends at the {@code properties} keyword of a schema, not at a property. */
  private static boolean isPropertiesKeyword(ChangePath loc) {
    int n = loc.size();
    if (n == 0 || !loc.lastKey().equals("properties") || loc.isPropertyName(n - 1)) {
      return false;
    }
    for (int i = 0; i < n - 1; i++) {
      if (loc.key(i).equals("schema") && !loc.isPropertyName(i)) {
        return true;
      }
    }
    return false;
  }
}
