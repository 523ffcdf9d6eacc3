package io.apistage.openapi;

import io.apistage.problem.Problem;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies an OpenAPI value with every {@code $ref} replaced by what it points to, each copied value
 * keeping its own position and remembered with its file. A schema that refers to itself (a tree, a
 * linked list) stays a {@code $ref} at the point it recurs, so a comparison still sees the name.
 *
 * @since 0.2.0
 */
final class SchemaInliner {

  /** At most this many values are copied for one document, against reference bombs. */
  static final int MAX_VALUES = 500_000;

  private final RefResolver refs;
  private final Map<YNode, String> files = new IdentityHashMap<>();
  private final List<Problem> problems;
  private int copied;
  private boolean overBudget;

  SchemaInliner(RefResolver refs, List<Problem> problems) {
    this.refs = refs;
    this.problems = problems;
  }

  /** The file of each copied value. */
  Map<YNode, String> files() {
    return files;
  }

  /** Remembers that a converted value came from a file. */
  <T extends YNode> T from(String file, T node) {
    if (node != null) {
      files.put(node, file);
    }
    return node;
  }

  /** The value with its references followed, or null when one cannot be followed. */
  YNode inline(String file, YNode node) throws IOException {
    return node == null ? null : copy(file, node, new ArrayDeque<>());
  }

  private YNode copy(String file, YNode node, Deque<YNode> stack) throws IOException {
    if (++copied > MAX_VALUES) {
      if (!overBudget) {
        overBudget = true;
        problems.add(
            RefResolver.problem(
                file,
                node.position(),
                "the document expands to more than "
                    + MAX_VALUES
                    + " values once $ref are"
                    + " followed"));
      }
      return null;
    }
    if (node instanceof YMap map && map.get("$ref") != null) {
      RefResolver.Located target = refs.deref(file, node);
      if (target == null) {
        return null;
      }
      if (stack.stream().anyMatch(n -> n == target.node())) {
        return from(file, map); // recursion: keep the reference itself
      }
      stack.push(target.node());
      YNode out = copy(target.file(), target.node(), stack);
      stack.pop();
      return out;
    }
    if (node instanceof YMap map) {
      MapBuilder out = new MapBuilder(map);
      for (YMap.Entry e : map.entries().values()) {
        out.put(e, e.key(), copy(file, e.value(), stack));
      }
      return from(file, out.build());
    }
    if (node instanceof YSeq seq) {
      List<YNode> items = new ArrayList<>();
      for (YNode item : seq.items()) {
        YNode copy = copy(file, item, stack);
        if (copy != null) {
          items.add(copy);
        }
      }
      return from(file, new YSeq(items, seq.line(), seq.column()));
    }
    return from(file, (YScalar) node);
  }
}
