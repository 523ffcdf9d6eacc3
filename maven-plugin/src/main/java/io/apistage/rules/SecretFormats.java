package io.apistage.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What makes a string a secret: a well-known token format anywhere in it (cloud keys, GitHub, Slack
 * and Stripe tokens, JSON Web Tokens, bearer tokens, private key blocks, a password in a URL), or
 * its field's name: a literal under a name like {@code password} or {@code secret}, or a
 * high-entropy literal under a name like {@code token} or {@code key}. Only the kind of secret is
 * ever named, never the value.
 *
 * @since 0.1.0
 */
public final class SecretFormats {

  /**
   * A token format: the words a message names it with, its pattern, and the fixed texts one of
   * which every match contains. The scan calls {@link #find} for every string value of the
   * configuration, so a pattern runs only on a value that holds one of its texts.
   */
  private record Format(String label, Pattern pattern, List<String> markers) {

    boolean in(String value) {
      for (String marker : markers) {
        if (value.contains(marker)) {
          return pattern.matcher(value).find();
        }
      }
      return false;
    }
  }

  /** Token formats, most specific first. */
  private static final List<Format> FORMATS =
      List.of(
          new Format(
              "a private key block",
              Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
              List.of("PRIVATE KEY")),
          new Format(
              "an AWS access key id",
              Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"),
              List.of("AKIA", "ASIA", "ABIA", "ACCA")),
          new Format(
              "a GitHub token",
              Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
              List.of("gh", "github_pat_")),
          new Format(
              "a Slack token",
              Pattern.compile(
                  "\\bxox[abposr]-[A-Za-z0-9-]{10,}|hooks\\.slack\\.com/services/T[A-Za-z0-9]+/"),
              List.of("xox", "hooks.slack.com/services/T")),
          new Format(
              "a Stripe secret key",
              Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{10,}"),
              List.of("k_live_", "k_test_")),
          new Format(
              "a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), List.of("AIza")),
          new Format(
              "a JSON Web Token",
              Pattern.compile(
                  "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}"),
              List.of("eyJ")),
          new Format(
              "a bearer token",
              Pattern.compile("\\b[Bb]earer\\s+(?=[\\w.~+/-]*[0-9])[\\w.~+/-]{12,}=*"),
              List.of("earer")),
          new Format(
              "a basic credential",
              Pattern.compile(
                  "\\b[Bb]asic\\s+(?=[\\w+/]*[a-z][\\w+/]*[A-Z])[A-Za-z0-9+/]{8,}={0,2}"),
              List.of("asic")),
          new Format(
              "a password in a URL",
              Pattern.compile("://[^/\\s:@${}]+:[^/\\s@${}]+@"),
              List.of("://")));

  /** Names whose literal value is a secret, whatever it looks like. */
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "pwd", "passphrase", "secret", "credential", "credentials");

  /** Names whose literal value is a secret when it looks random. */
  private static final Set<String> KEY_WORDS =
      Set.of("token", "key", "apikey", "auth", "authorization");

  /** The last words of the names met so far: a configuration repeats its field names. */
  private static final Map<String, String> LAST_WORDS = new ConcurrentHashMap<>();

  private static final int LAST_WORDS_KEPT = 4096;

  /** Values that look random but are public by design: Stripe publishable keys. */
  private static final Pattern PUBLIC = Pattern.compile("^pk_(live|test)_[A-Za-z0-9]+$");

  // compiled once: the scan calls these for every string value of the configuration
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[a-z]+:[^}]*\\}");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  private SecretFormats() {}

  /**
   * The kind of secret a string value holds under a field or alias name (null when unknown), e.g.
   * {@code "a Stripe secret key"}; empty when it looks like none.
   */
  public static Optional<String> find(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    for (Format format : FORMATS) {
      if (format.in(value)) {
        return Optional.of(format.label());
      }
    }
    if (name == null || isReference(value)) {
      return Optional.empty();
    }
    String word = LAST_WORDS.get(name);
    if (word == null) {
      word = lastWord(name);
      if (LAST_WORDS.size() < LAST_WORDS_KEPT) {
        LAST_WORDS.put(name, word);
      }
    }
    if (SECRET_WORDS.contains(word)) {
      return Optional.of("a literal value under '" + name + "'");
    }
    if (KEY_WORDS.contains(word) && looksRandom(value) && !PUBLIC.matcher(value).find()) {
      return Optional.of("a random-looking literal under '" + name + "'");
    }
    return Optional.empty();
  }

  /** Whether the value is made only of references such as {@code ${secret:NAME}}. */
  static boolean isReference(String value) {
    if (!value.contains("${")) {
      return value.isBlank();
    }
    return REFERENCE.matcher(value).replaceAll("").isBlank();
  }

  /** The last word of a name: {@code db-password}, {@code clientSecret} -> password, secret. */
  static String lastWord(String name) {
    String[] words =
        NOT_WORD.split(CAMEL.matcher(name).replaceAll("$1 $2").toLowerCase(Locale.ROOT));
    return words.length == 0 ? "" : words[words.length - 1];
  }

  /**
   * Whether a value looks like a generated secret: at least 16 characters without spaces, two kinds
   * of characters at least, and more than 3.5 bits of entropy per character.
   */
  static boolean looksRandom(String value) {
    if (value.length() < 16 || value.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    int kinds = 0;
    kinds += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    kinds += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    kinds += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
    kinds += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return kinds >= 2 && entropy(value) > 3.5;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String value) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double bits = 0;
    for (int count : counts.values()) {
      double p = (double) count / value.length();
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
