package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of a promotion's {@code assets}: the assets whose kind, name, major, team and keyword
 * all match the fields given (fields left out match anything). Matching is case-insensitive.
 *
 * <p>A keyword is tested against the name, the description and each tag. {@code |} separates
 * alternatives; a word without {@code *} matches when a field contains it, a word with {@code *}
 * must match a whole field, {@code *} standing for any characters ({@code graph*} = starts with
 * graph), as in the keyword search of the asset promotion seed.
 *
 * @param kind the kind, or null for any
 * @param name the name (a keyword-like pattern with {@code *} allowed), or null for any
 * @param major the Api major line, or null for any
 * @param team the team, or null for any
 * @param keyword the keyword expression, or null for any
 * @since 0.1.0
 */
public record Selector(Kind kind, String name, Integer major, String team, String keyword) {

  /** Whether the selector names at least one field; an empty selector is refused when parsed. */
  public boolean isEmpty() {
    return kind == null && name == null && major == null && team == null && keyword == null;
  }

  /** Whether an asset matches every field given. */
  public boolean matches(Asset asset) {
    if (kind != null && asset.kind() != kind) {
      return false;
    }
    if (name != null && !wholeMatch(name, asset.name())) {
      return false;
    }
    if (major != null && (asset.kind() != Kind.API || asset.major() != major)) {
      return false;
    }
    if (team != null && (asset.team() == null || !asset.team().equalsIgnoreCase(team))) {
      return false;
    }
    return keyword == null || keywordMatches(keyword, asset);
  }

  /** Whether a keyword expression matches an asset's name, description or one of its tags. */
  public static boolean keywordMatches(String keyword, Asset asset) {
    List<String> fields = new ArrayList<>();
    fields.add(asset.name());
    if (asset.str("description") != null) {
      fields.add(asset.str("description"));
    }
    for (YNode tag : asset.body().list("tags")) {
      if (tag instanceof YScalar s && s.value() != null) {
        fields.add(s.text());
      }
    }
    for (String word : keyword.split("\\|")) {
      String w = word.trim();
      if (w.isEmpty()) {
        continue;
      }
      for (String field : fields) {
        if (w.contains("*") ? glob(w).matcher(field).matches() : contains(field, w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean wholeMatch(String pattern, String value) {
    return pattern.contains("*")
        ? glob(pattern).matcher(value).matches()
        : pattern.equalsIgnoreCase(value);
  }

  private static boolean contains(String field, String word) {
    return field.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    String[] parts = pattern.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }
}
