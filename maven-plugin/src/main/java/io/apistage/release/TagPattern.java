package io.apistage.release;

import io.apistage.problem.ApistageException;
import io.apistage.versions.SemVer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release tag pattern of {@code apistage.yaml} ({@code tagPattern}, default {@code
 * <api>@<version>}): literal text around the placeholders {@code <api>} and {@code <version>}.
 *
 * @since 0.1.0
 */
public final class TagPattern {

  private static final String API = "<api>";
  private static final String VERSION = "<version>";

  private final String text;
  private final Pattern regex;

  private TagPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * The pattern a text spells.
   *
   * @throws ApistageException when it lacks a placeholder or repeats one
   */
  public static TagPattern of(String text) throws ApistageException {
    if (count(text, API) != 1 || count(text, VERSION) != 1) {
      throw new ApistageException(
          "apistage.yaml tagPattern '"
              + text
              + "' must contain <api> and <version> once each,"
              + " e.g. tagPattern: <api>@<version> or tagPattern: <api>/v<version>");
    }
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(API, i)) {
        regex.append("(?<api>[a-z][a-z0-9-]{0,62})");
        i += API.length();
      } else if (text.startsWith(VERSION, i)) {
        regex.append("(?<version>").append(SemVer.REGEX).append(')');
        i += VERSION.length();
      } else {
        int next = nextPlaceholder(text, i);
        regex.append(Pattern.quote(text.substring(i, next)));
        i = next;
      }
    }
    return new TagPattern(text, Pattern.compile(regex.toString()));
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** The tag of an API version. */
  public String format(String api, String version) {
    return text.replace(API, api).replace(VERSION, version);
  }

  /** The API and version a tag names, or empty when it does not match. */
  public Optional<ReleaseTag> parse(String tag) {
    Matcher m = regex.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    return SemVer.parse(m.group("version")).map(v -> new ReleaseTag(tag, m.group("api"), v));
  }

  private static int nextPlaceholder(String text, int from) {
    int a = text.indexOf(API, from);
    int v = text.indexOf(VERSION, from);
    int next = text.length();
    if (a >= 0) {
      next = Math.min(next, a);
    }
    if (v >= 0) {
      next = Math.min(next, v);
    }
    return next;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Override
  public String toString() {
    return text;
  }
}
