package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import io.apistage.yaml.YSeq;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A promotion file in the form the engine uses: what to move (selectors), from which stage, to
 * which, which optional dependencies travel, what may be overwritten, and the hash of the file's
 * content that makes "applied once" precise.
 *
 * @param name the promotion's name
 * @param description its description, or null
 * @param from the source stage, or null when the targets are the first stage
 * @param to the target stages in the order given
 * @param selectors the selectors, whose union is promoted
 * @param applications which Applications that use a promoted Api travel along
 * @param subscriptions which Subscriptions of a promoted Package travel along
 * @param overwrite what may be replaced at a target
 * @param fixMissingVersions whether missing earlier major lines of promoted Apis travel along
 * @param file the promotion file, relative to the config root
 * @param hash SHA-256 of the file's bytes, hex
 * @param asset the document, for positions in problems
 * @since 0.1.0
 */
public record PromotionSpec(
    String name,
    String description,
    String from,
    List<String> to,
    List<Selector> selectors,
    Include applications,
    Include subscriptions,
    Overwrite overwrite,
    boolean fixMissingVersions,
    String file,
    String hash,
    Asset asset) {

  /** The kinds a promotion moves. */
  public static final List<Kind> PROMOTABLE =
      List.of(
          Kind.API,
          Kind.POLICY,
          Kind.ALIAS,
          Kind.APPLICATION,
          Kind.PLAN,
          Kind.PACKAGE,
          Kind.SUBSCRIPTION);

  public PromotionSpec {
    to = List.copyOf(to);
    selectors = List.copyOf(selectors);
  }

  /**
   * A promotion document shaped into a spec, with the problems that make it unusable.
   *
   * @param spec the spec, or null when the document has errors
   * @param problems the errors found
   */
  public record Parsed(PromotionSpec spec, List<Problem> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /** Shapes a Promotion asset whose file had the given bytes. */
  public static Parsed parse(Asset asset, byte[] content) {
    YMap body = asset.body();
    String file = asset.file();
    List<Problem> problems = new ArrayList<>();
    String from = body.str("from");
    List<String> to = new ArrayList<>();
    YNode toNode = body.get("to");
    if (toNode instanceof YScalar s && s.value() != null) {
      to.add(s.text());
    } else if (toNode instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s && s.value() != null) {
          to.add(s.text());
        } else {
          problems.add(error(file, item, "/to", "each target in to must be a stage name"));
        }
      }
    }
    if (to.isEmpty()) {
      problems.add(
          Problem.error(
              file,
              body.keyPosition("to"),
              "/to",
              RuleId.PROMOTION,
              "promotion " + asset.name() + " names no target stage: add to: [<stage>]"));
    }
    List<Selector> selectors = new ArrayList<>();
    List<YNode> items = body.list("assets");
    if (items.isEmpty()) {
      problems.add(
          Problem.error(
              file,
              body.keyPosition("assets"),
              "/assets",
              RuleId.PROMOTION,
              "promotion "
                  + asset.name()
                  + " selects nothing: add assets: [{ kind: api, name: <api> }]"));
    }
    for (int i = 0; i < items.size(); i++) {
      selector(file, "/assets/" + i, items.get(i), problems).ifPresent(selectors::add);
    }
    YMap include = body.map("include");
    Include applications = Include.NONE;
    Include subscriptions = Include.NONE;
    if (body.get("include") instanceof YScalar s) {
      Include both = include(file, "/include", s, problems);
      applications = both;
      subscriptions = both;
    } else if (include != null) {
      for (String key : include.keys()) {
        Include value = include(file, "/include/" + key, include.get(key), problems);
        switch (key) {
          case "applications" -> applications = value;
          case "subscriptions" -> subscriptions = value;
          default ->
              problems.add(
                  Problem.error(
                      file,
                      include.keyPosition(key),
                      "/include/" + key,
                      RuleId.PROMOTION,
                      "unknown optional dependency '"
                          + key
                          + "': include takes applications and subscriptions"));
        }
      }
    }
    Overwrite overwrite = overwrite(file, body, problems);
    boolean fix = body.bool("fixMissingVersions", false);
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    PromotionSpec spec =
        new PromotionSpec(
            asset.name(),
            asset.str("description"),
            from,
            to,
            selectors,
            applications,
            subscriptions,
            overwrite,
            fix,
            file,
            sha256(content),
            asset);
    return new Parsed(spec, problems);
  }

  private static Optional<Selector> selector(
      String file, String pointer, YNode node, List<Problem> problems) {
    if (!(node instanceof YMap map)) {
      problems.add(
          error(
              file,
              node,
              pointer,
              "a selector is a mapping of kind, name, major, team and keyword"));
      return Optional.empty();
    }
    Kind kind = null;
    String kindText = map.str("kind");
    if (kindText != null) {
      kind = Kind.byId(kindText.toLowerCase(Locale.ROOT)).filter(PROMOTABLE::contains).orElse(null);
      if (kind == null) {
        problems.add(
            error(
                file,
                map.get("kind"),
                pointer + "/kind",
                "unknown kind '" + kindText + "' in a selector; accepted: " + ids(PROMOTABLE)));
      }
    }
    Integer major = null;
    if (map.get("major") instanceof YScalar s && s.value() instanceof Number n) {
      major = n.intValue();
    } else if (map.has("major")) {
      problems.add(
          error(
              file,
              map.get("major"),
              pointer + "/major",
              "major must be a whole number such as 1"));
    }
    for (String key : map.keys()) {
      if (!Set.of("kind", "name", "major", "team", "keyword").contains(key)) {
        problems.add(
            Problem.error(
                file,
                map.keyPosition(key),
                pointer + "/" + key,
                RuleId.PROMOTION,
                "unknown selector field '"
                    + key
                    + "'; a selector takes kind, name, major, team and keyword"));
      }
    }
    Selector selector =
        new Selector(kind, map.str("name"), major, map.str("team"), map.str("keyword"));
    if (selector.isEmpty() && kindText == null) {
      problems.add(
          error(
              file,
              map,
              pointer,
              "an empty selector would select everything; name a kind, name, team or keyword"));
      return Optional.empty();
    }
    return Optional.of(selector);
  }

  private static Include include(String file, String pointer, YNode node, List<Problem> problems) {
    if (node instanceof YScalar s && "all".equals(s.text())) {
      return Include.ALL;
    }
    if (node instanceof YScalar s && "none".equals(s.text())) {
      return Include.NONE;
    }
    if (node instanceof YSeq seq) {
      Set<String> names = new LinkedHashSet<>();
      seq.items()
          .forEach(i -> names.add(i instanceof YScalar s ? s.text() : String.valueOf(i.toPlain())));
      return new Include(false, names);
    }
    problems.add(error(file, node, pointer, "include takes all, none or a list of names"));
    return Include.NONE;
  }

  private static Overwrite overwrite(String file, YMap body, List<Problem> problems) {
    YNode node = body.get("overwrite");
    if (node == null) {
      return Overwrite.NONE;
    }
    if (node instanceof YScalar s && "all".equals(s.text())) {
      return Overwrite.ALL;
    }
    if (node instanceof YScalar s && "none".equals(s.text())) {
      return Overwrite.NONE;
    }
    List<String> accepted = Overwrite.acceptedEntries();
    if (!(node instanceof YSeq seq)) {
      problems.add(
          error(
              file,
              node,
              "/overwrite",
              "overwrite takes none, all or a list of: " + String.join(", ", accepted)));
      return Overwrite.NONE;
    }
    Set<String> entries = new LinkedHashSet<>();
    for (YNode item : seq.items()) {
      String value = item instanceof YScalar s ? s.text().toLowerCase(Locale.ROOT) : null;
      if (value == null || !accepted.contains(value)) {
        problems.add(
            error(
                file,
                item,
                "/overwrite",
                "unknown overwrite entry '"
                    + (value == null ? item.toPlain() : value)
                    + "'; accepted: "
                    + String.join(", ", accepted)));
        continue;
      }
      entries.add(value);
    }
    for (YNode item : seq.items()) {
      String value = item instanceof YScalar s ? s.text().toLowerCase(Locale.ROOT) : "";
      int dot = value.indexOf('.');
      if (dot > 0 && entries.contains(value) && !entries.contains(value.substring(0, dot))) {
        problems.add(
            error(
                file,
                item,
                "/overwrite",
                value
                    + " needs its parent "
                    + value.substring(0, dot)
                    + " in overwrite: add "
                    + value.substring(0, dot)
                    + " to the list"));
      }
    }
    return new Overwrite(false, entries);
  }

  private static Problem error(String file, YNode at, String pointer, String message) {
    return Problem.error(file, at.position(), pointer, RuleId.PROMOTION, message);
  }

  private static String ids(List<Kind> kinds) {
    List<String> out = new ArrayList<>();
    kinds.forEach(k -> out.add(k.id()));
    return String.join(", ", out);
  }

  /** SHA-256 of bytes, as 64 hex digits. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The first 12 hex digits of the hash, for messages. */
  public String shortHash() {
    return hash.substring(0, 12);
  }

  /** Bytes of a string in UTF-8, for hashing content held as text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
