package io.apistage.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  /** Token formats, most specific first, by the words a message names them with. */
  private static final Map<String, Pattern> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put(
        "a private key block",
        Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"));
    FORMATS.put("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b"));
    FORMATS.put(
        "a GitHub token",
        Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"));
    FORMATS.put(
        "a Slack token",
        Pattern.compile(
            "\\bxox[abposr]-[A-Za-z0-9-]{10,}|hooks\\.slack\\.com/services/T[A-Za-z0-9]+/"));
    FORMATS.put("a Stripe secret key", Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{10,}"));
    FORMATS.put("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"));
    FORMATS.put(
        "a JSON Web Token",
        Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}"));
    FORMATS.put(
        "a bearer token", Pattern.compile("\\b[Bb]earer\\s+(?=[\\w.~+/-]*[0-9])[\\w.~+/-]{12,}=*"));
    FORMATS.put(
        "a basic credential",
        Pattern.compile("\\b[Bb]asic\\s+(?=[\\w+/]*[a-z][\\w+/]*[A-Z])[A-Za-z0-9+/]{8,}={0,2}"));
    FORMATS.put("a password in a URL", Pattern.compile("://[^/\\s:@${}]+:[^/\\s@${}]+@"));
  }

  /** Names whose literal value is a secret, whatever it looks like. */
  private static final Pattern SECRET_WORD =
      Pattern.compile("password|passwd|pwd|passphrase|secret|credentials?");

  /** Names whose literal value is a secret when it looks random. */
  private static final Pattern KEY_WORD = Pattern.compile("token|key|apikey|auth|authorization");

  /** Values that look random but are public by design: Stripe publishable keys. */
  private static final Pattern PUBLIC = Pattern.compile("^pk_(live|test)_[A-Za-z0-9]+$");

  // compiled once: the scan calls these for every string value of the configuration
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[a-z]+:[^}]*\\}");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  /**
   * Text each format's match contains, so a value holding none of it matches no format: the scan
   * reads every string value of the configuration, and almost none holds any of these. Indexed by
   * first character, so one pass over a value finds them.
   */
  private static final String[][] MARKERS = new String[128][];

  static {
    for (String marker :
        List.of(
            "-----BEGIN ",
            "AKIA",
            "ASIA",
            "ABIA",
            "ACCA",
            "gh",
            "github_pat_",
            "xox",
            "hooks.slack.com/services/T",
            "k_live_",
            "k_test_",
            "AIza",
            "eyJ",
            "earer",
            "asic",
            "://")) {
      String[] same = MARKERS[marker.charAt(0)];
      String[] more = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
      more[more.length - 1] = marker;
      MARKERS[marker.charAt(0)] = more;
    }
  }

  /** What the last word of a name says of its value, by name (names repeat by the thousand). */
  private static final Map<String, Word> WORDS = new ConcurrentHashMap<>();

  private enum Word {
    SECRET,
    KEY,
    OTHER
  }

  private SecretFormats() {}

  /**
   * The kind of secret a string value holds under a field or alias name (null when unknown), e.g.
   * {@code "a Stripe secret key"}; empty when it looks like none.
   */
  public static Optional<String> find(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (mayHoldFormat(value)) {
      for (Map.Entry<String, Pattern> format : FORMATS.entrySet()) {
        if (format.getValue().matcher(value).find()) {
          return Optional.of(format.getKey());
        }
      }
    }
    if (name == null) {
      return Optional.empty();
    }
    Word word = WORDS.computeIfAbsent(name, SecretFormats::word);
    if (word == Word.OTHER || isReference(value)) {
      return Optional.empty();
    }
    if (word == Word.SECRET) {
      return Optional.of("a literal value under '" + name + "'");
    }
    if (looksRandom(value) && !PUBLIC.matcher(value).find()) {
      return Optional.of("a random-looking literal under '" + name + "'");
    }
    return Optional.empty();
  }

  private static boolean mayHoldFormat(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String[] markers = c < MARKERS.length ? MARKERS[c] : null;
      if (markers != null) {
        for (String marker : markers) {
          if (value.startsWith(marker, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Word word(String name) {
    String word = lastWord(name);
    if (SECRET_WORD.matcher(word).matches()) {
      return Word.SECRET;
    }
    return KEY_WORD.matcher(word).matches() ? Word.KEY : Word.OTHER;
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
