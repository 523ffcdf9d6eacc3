package io.apistage.yaml;

import io.apistage.problem.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The checks of a file's text before it is parsed: UTF-8 decoding with the position of the first
 * bad byte, control characters YAML does not allow, and a cheap bound on how deeply it may nest.
 */
final class TextChecks {

  private TextChecks() {}

  /** A file's bytes that are not text YAML can read, at a position. */
  static final class BadInput extends Exception {
    final Position position;

    BadInput(Position position, String message) {
      super(message);
      this.position = position;
    }
  }

  /** The text of UTF-8 bytes, a byte order mark dropped. */
  static String decode(byte[] bytes) throws BadInput {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
      return chars.toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      throw new BadInput(
          positionOfByte(bytes, start, bad),
          "the file is not UTF-8 (invalid byte 0x"
              + String.format("%02X", bytes[bad] & 0xFF)
              + "); save it as UTF-8");
    }
  }

  /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  static int firstInvalidUtf8(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int extra;
      if (b < 0x80) {
        extra = 0;
      } else if (b >= 0xC2 && b <= 0xDF) {
        extra = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        extra = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        extra = 3;
      } else {
        return i;
      }
      if (i + extra >= bytes.length + (extra == 0 ? 1 : 0) && extra > 0) {
        return i;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += extra + 1;
    }
    return Math.max(start, bytes.length - 1);
  }

  static Position positionOfByte(byte[] bytes, int start, int offset) {
    int line = 1;
    int column = 1;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new Position(line, column);
  }

  static Position firstControlCharacter(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
        return new Position(line, column);
      }
      column++;
    }
    return null;
  }

  /**
   * Cheap upper bound: deep nesting needs deeply nested brackets, deep indentation or many "- " on
   * one line. Quotes are not tracked: a closing bracket inside a string can only hide depth, and
   * then the stack-overflow guard below still answers with a problem.
   */
  static boolean mayNestDeeply(String text) {
    int brackets = 0;
    int indent = 0;
    int dashes = 0;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStart = true;
        indent = 0;
        dashes = 0;
        continue;
      }
      if (c == '[' || c == '{') {
        brackets++;
      } else if ((c == ']' || c == '}') && brackets > 0) {
        brackets--;
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
        dashes++;
      }
      if (lineStart && c == ' ') {
        indent++;
      } else {
        lineStart = false;
      }
      if (brackets > YamlParser.MAX_DEPTH
          || indent > YamlParser.MAX_DEPTH
          || dashes > YamlParser.MAX_DEPTH / 4) {
        return true;
      }
    }
    return false;
  }
}
