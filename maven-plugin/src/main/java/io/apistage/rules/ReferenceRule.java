package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.problem.DidYouMean;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code unknown-reference}: every policy, alias, API major, plan, package, application,
 * subscription, team and stage an asset names exists. The problem points at the name and says which
 * file would define it.
 *
 * @since 0.1.0
 */
public final class ReferenceRule implements Rule {

  @Override
  public List<Problem> check(Config config) {
    return check(config, Facts.computing());
  }

  @Override
  public List<Problem> check(Config config, Facts facts) {
    Set<String> keys = RuleSupport.keysOfFilesRead(config);
    List<Problem> out = new ArrayList<>();
    for (Asset asset : config.assets().values()) {
      out.addAll(check(keys, facts.references(asset), ref -> true));
    }
    return out;
  }

  /**
   * The stages a promotion names ({@code from}, {@code to}) that the config does not define;
   * promote, which reads only the stages and promotions, runs it on each promotion it applies.
   */
  public static List<Problem> unknownStages(Config config, Asset promotion) {
    return check(
        RuleSupport.keysOfFilesRead(config),
        References.of(promotion),
        ref -> ref.kind() == Kind.STAGE);
  }

  private static List<Problem> check(
      Set<String> keys, List<Reference> references, Predicate<Reference> which) {
    List<Problem> out = new ArrayList<>();
    for (Reference ref : references) {
      Asset asset = ref.from();
      if (!which.test(ref)) {
        continue;
      }
      if (ref.kind() == Kind.ALIAS && !RuleSupport.isName(ref.name())) {
        out.add(
            RuleSupport.error(
                asset,
                ref.node(),
                ref.pointer(),
                RuleId.UNKNOWN_REFERENCE,
                "'${alias:"
                    + ref.name()
                    + "}' does not name an alias: alias names match "
                    + RuleSupport.NAME.pattern()
                    + ", e.g. ${alias:orders-backend}"));
        continue;
      }
      boolean exists =
          ref.major() < 0
              ? RuleSupport.existsAnyMajor(keys, ref.kind(), ref.name())
              : keys.contains(ref.targetKey());
      if (!exists) {
        out.add(
            RuleSupport.error(
                asset,
                ref.node(),
                ref.pointer(),
                RuleId.UNKNOWN_REFERENCE,
                ref.describe()
                    + " does not exist; expected "
                    + ref.expectedFile()
                    + DidYouMean.advice(shown(ref), known(keys, ref))));
      }
    }
    return out;
  }

  /** The target as a suggestion compares it: {@code orders@1} for an Api line, else its name. */
  private static String shown(Reference ref) {
    return ref.kind() == Kind.API && ref.major() >= 0 ? ref.name() + "@" + ref.major() : ref.name();
  }

  /** The names of the existing assets of the reference's kind, shown as {@link #shown} shows. */
  private static Set<String> known(Set<String> keys, Reference ref) {
    String prefix = ref.kind().id() + "/";
    Set<String> out = new TreeSet<>();
    for (String key : keys) {
      if (key.startsWith(prefix)) {
        String name = key.substring(prefix.length());
        if (ref.kind() == Kind.API && ref.major() < 0) {
          name = name.substring(0, name.indexOf('@'));
        }
        out.add(name);
      }
    }
    return out;
  }
}
