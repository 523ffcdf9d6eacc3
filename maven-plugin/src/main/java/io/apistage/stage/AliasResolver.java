package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${alias:NAME}} references in every string of an asset for one stage: the alias's
 * value for that stage ({@code stages.<stage>}), else its default ({@code value}), else a problem
 * of rule {@code alias} that names the alias and the stage. Secret references ({@code
 * ${secret:NAME}}) are left as they are, also when an alias's value is one: nothing here ever
 * resolves a secret.
 *
 * @since 0.1.0
 */
public final class AliasResolver {

  /** A reference to an alias inside a string. */
  public static final Pattern REFERENCE = Pattern.compile("\\$\\{alias:([^}]*)}");

  private final Map<String, Asset> aliases;
  private final String stage;

  /**
   * A resolver for one stage.
   *
   * @param aliases the Alias assets by name
   * @param stage the stage's name
   */
  public AliasResolver(Map<String, Asset> aliases, String stage) {
    this.aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    this.stage = stage;
  }

  /** A resolver over Alias assets (other kinds are ignored) for one stage. */
  public static AliasResolver of(Collection<Asset> assets, String stage) {
    Map<String, Asset> byName = new TreeMap<>();
    for (Asset asset : assets) {
      if (asset.kind() == Kind.ALIAS) {
        byName.put(asset.name(), asset);
      }
    }
    return new AliasResolver(byName, stage);
  }

  /** The stage this resolver resolves for. */
  public String stage() {
    return stage;
  }

  /** The aliases it knows, by name. */
  public Map<String, Asset> aliases() {
    return aliases;
  }

  /**
   * An asset resolved for a stage.
   *
   * @param asset the asset as authored
   * @param plain the document with every alias reference replaced, normalized ({@link
   *     TreeDiff#normalize}) and read-only ({@link PlainMap}); the form stored in the stage's state
   * @param aliasesUsed the names of the aliases the document refers to (also unresolvable ones)
   * @param problems an error for each reference that could not be resolved
   */
  public record Resolved(
      Asset asset, Object plain, Set<String> aliasesUsed, List<Problem> problems) {

    public Resolved {
      aliasesUsed = Collections.unmodifiableSet(new TreeSet<>(aliasesUsed));
      problems = List.copyOf(problems);
    }

    /** Whether every reference was resolved. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Resolves every alias reference in an asset's document. */
  public Resolved resolve(Asset asset) {
    Set<String> used = new TreeSet<>();
    List<Problem> problems = new ArrayList<>();
    Object plain = resolveNode(asset.body(), "", asset, used, problems);
    return new Resolved(asset, PlainMap.compact(TreeDiff.normalize(plain)), used, problems);
  }

  /**
   * Resolves the references in one string that belongs to an asset (e.g. a stage's {@code
   * gatewayUrl}); problems point at {@code pointer} in the asset's file.
   */
  public Resolved resolveString(Asset asset, String pointer, String text) {
    Set<String> used = new TreeSet<>();
    List<Problem> problems = new ArrayList<>();
    String value = substitute(text, pointer, asset, used, problems);
    return new Resolved(asset, value, used, problems);
  }

  /**
   * A document already in plain normalized form with every alias reference replaced, or empty when
   * a reference cannot be resolved (then {@link #resolve(Asset)} on the asset gives the problems
   * with their positions). Gives the same document as {@code resolve(asset).plain()} without
   * needing the asset's YAML tree.
   */
  public Optional<Object> resolvePlain(Object plain) {
    boolean[] failed = {false};
    Object out = substitutePlain(plain, failed);
    return failed[0] ? Optional.empty() : Optional.of(out);
  }

  /** Whether any string of a plain document refers to an alias. */
  public static boolean mentionsAlias(Object plain) {
    if (plain instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(AliasResolver::mentionsAlias);
    }
    if (plain instanceof List<?> list) {
      return list.stream().anyMatch(AliasResolver::mentionsAlias);
    }
    return plain instanceof String text && text.contains("${alias:");
  }

  // Copy on write: only the maps and lists on the way to a replaced string are new, the rest is
  // shared with the input, so resolving 10,000 Apis does not hold a second copy of each.
  private Object substitutePlain(Object plain, boolean[] failed) {
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object value = substitutePlain(e.getValue(), failed);
        if (value != e.getValue() && out == null) {
          out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> copied : map.entrySet()) {
            out.put(String.valueOf(copied.getKey()), copied.getValue());
          }
        }
        if (out != null) {
          out.put(String.valueOf(e.getKey()), value);
        }
      }
      return out == null ? plain : out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = null;
      for (int i = 0; i < list.size(); i++) {
        Object item = substitutePlain(list.get(i), failed);
        if (item != list.get(i) && out == null) {
          out = new ArrayList<>(list);
        }
        if (out != null) {
          out.set(i, item);
        }
      }
      return out == null ? plain : out;
    }
    if (plain instanceof String text && text.contains("${alias:")) {
      Matcher m = REFERENCE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = plainValueOf(m.group(1).trim());
        if (value == null) {
          failed[0] = true;
          value = m.group();
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    }
    return plain;
  }

  private String plainValueOf(String name) {
    List<Problem> ignored = new ArrayList<>();
    Asset alias = aliases.get(name);
    if (alias == null) {
      return null;
    }
    return valueOf(name, "", alias, ignored);
  }

  /** The names of the aliases an asset refers to, without resolving anything. */
  public static Set<String> referencedAliases(Asset asset) {
    return referencedAliases(asset.body());
  }

  /**
   * The names of the aliases a document refers to with {@code ${alias:NAME}} anywhere in it,
   * sorted, without resolving anything.
   */
  public static Set<String> referencedAliases(YNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(YNode node, Set<String> out) {
    if (node instanceof YMap map) {
      map.entries().values().forEach(e -> collect(e.value(), out));
    } else if (node instanceof YSeq seq) {
      seq.items().forEach(i -> collect(i, out));
    } else if (node instanceof YScalar s && s.value() instanceof String text) {
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        out.add(m.group(1).trim());
      }
    }
  }

  private Object resolveNode(
      YNode node, String pointer, Asset asset, Set<String> used, List<Problem> problems) {
    if (node instanceof YMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries()
          .forEach(
              (k, e) ->
                  out.put(
                      k,
                      resolveNode(
                          e.value(), JsonPointer.child(pointer, k), asset, used, problems)));
      return out;
    }
    if (node instanceof YSeq seq) {
      List<Object> out = new ArrayList<>(seq.size());
      for (int i = 0; i < seq.size(); i++) {
        out.add(resolveNode(seq.get(i), JsonPointer.child(pointer, i), asset, used, problems));
      }
      return out;
    }
    YScalar scalar = (YScalar) node;
    if (scalar.value() instanceof String text && text.contains("${alias:")) {
      return substitute(text, pointer, asset, used, problems);
    }
    return scalar.value();
  }

  private String substitute(
      String text, String pointer, Asset asset, Set<String> used, List<Problem> problems) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      used.add(name);
      String value = valueOf(name, pointer, asset, problems);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String valueOf(String name, String pointer, Asset asset, List<Problem> problems) {
    Asset alias = aliases.get(name);
    if (alias == null) {
      problems.add(
          problem(
              asset,
              pointer,
              "${alias:"
                  + name
                  + "} names no alias (needed for stage "
                  + stage
                  + "); create aliases/"
                  + name
                  + ".yaml with kind: Alias, or fix the name"
                  + (aliases.isEmpty()
                      ? ""
                      : "; known aliases: " + String.join(", ", aliases.keySet()))));
      return null;
    }
    YMap stages = alias.body().map("stages");
    YNode value = stages == null ? null : stages.get(stage);
    if (value == null || (value instanceof YScalar s && s.value() == null)) {
      value = alias.body().get("value");
    }
    if (!(value instanceof YScalar scalar) || scalar.value() == null) {
      problems.add(
          problem(
              asset,
              pointer,
              "${alias:"
                  + name
                  + "} has no value for stage "
                  + stage
                  + ": "
                  + alias.file()
                  + " sets neither stages."
                  + stage
                  + " nor a default value; add one of them"));
      return null;
    }
    String text = scalar.text();
    if (REFERENCE.matcher(text).find()) {
      problems.add(
          problem(
              asset,
              pointer,
              "${alias:"
                  + name
                  + "} for stage "
                  + stage
                  + " is itself an alias reference ("
                  + text
                  + "); an alias's value must be the value itself"));
      return null;
    }
    return text;
  }

  private static Problem problem(Asset asset, String pointer, String message) {
    return Problem.error(
        asset.file(), asset.body().positionOf(pointer), pointer, RuleId.ALIAS, message);
  }
}
