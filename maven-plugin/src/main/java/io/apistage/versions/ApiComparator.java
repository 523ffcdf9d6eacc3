package io.apistage.versions;

import io.apistage.model.Change;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Bump;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two versions of an Api document and classifies every semantic difference into a {@link
 * Finding} of the {@link RuleId} catalogue. Formatting, key order, quoting, comments and
 * spelled-out defaults are no differences ({@link TreeDiff} sees to that); endpoints are matched by
 * method and path, parameters by location and name. The {@code version} and {@code state} fields
 * are the subject of the lifecycle rules, not findings. Maven-free, so other goals (release notes)
 * call it as well.
 *
 * <p>The work is split by question: {@link ChangeLocator} finds where each change is, {@link
 * MoveMatcher} pairs a removal with an addition that is one item moved, and {@link
 * ChangeClassifier} decides the rule of every other change (endpoints in {@link
 * EndpointClassifier}, schemas in {@link SchemaClassifier}, gateway settings in {@link
 * GatewaySettingsClassifier}, constraints in {@link Constraints}).
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
    List<ChangePath> locs = new ArrayList<>();
    for (Change c : changes) {
      if (c.field().equals("/version") || c.field().equals("/state")) {
        continue;
      }
      ChangeLocator.expand(ChangeLocator.locate(c, a, b), a, b, locs);
    }
    List<Finding> findings = new ArrayList<>();
    Set<ChangePath> consumed = new HashSet<>();
    MoveMatcher.pairMoves(locs, consumed, findings);
    for (ChangePath loc : locs) {
      if (!consumed.contains(loc)) {
        ChangeClassifier.classify(loc, findings);
      }
    }
    Map<String, Finding> unique = new LinkedHashMap<>();
    for (Finding f : findings) {
      unique.putIfAbsent(f.rule() + " " + f.field() + " " + f.message(), f);
    }
    return new Comparison(changes, List.copyOf(unique.values()), ChangeSummary.of(changes));
  }
}
