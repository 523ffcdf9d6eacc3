package io.apistage.yaml;

/**
 * RFC 6901 JSON pointer helpers.
 *
 * @since 0.1.0
 */
public final class JsonPointer {

  private JsonPointer() {}

  /** Escapes one reference token. */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Unescapes one reference token. */
  public static String unescape(String token) {
    if (token.indexOf('~') < 0) {
      return token;
    }
    return token.replace("~1", "/").replace("~0", "~");
  }

  /** A pointer extended by one token. */
  public static String child(String pointer, String token) {
    return pointer + "/" + escape(token);
  }

  /** A pointer extended by one index. */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** The array index a token names, or -1. */
  static int index(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }
}
