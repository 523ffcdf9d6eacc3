package io.apistage.gateway.nginx;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code map} blocks of a stage, each named {@code $apistage_<stage>__<name>}, with their
 * entries in the order they were added (the same state adds them in the same order). nginx
 * evaluates a map only when a request reads its variable, so the checks of every Api are a few hash
 * lookups per request instead of directives per location (docs/gateway.md, "Scale").
 *
 * @since 0.1.0
 */
final class NginxMaps {

  /**
   * The longest key nginx hashes with its default {@code map_hash_bucket_size} (64); a longer key
   * is written as an anchored regular expression.
   */
  static final int LONGEST_EXACT = 40;

  private final String prefix;
  private final Map<String, Block> blocks = new LinkedHashMap<>();

  NginxMaps(String stageId) {
    this.prefix = "apistage_" + stageId + "__";
  }

  private static final class Block {
    final String source;
    final String fallback;
    final String comment;
    final StringBuilder entries = new StringBuilder();
    final Set<String> keys = new HashSet<>();

    Block(String source, String fallback, String comment) {
      this.source = source;
      this.fallback = fallback;
      this.comment = comment;
    }
  }

  /** The variable of a map (or of any name of the stage). */
  String var(String name) {
    return "$" + prefix + name;
  }

  /** Defines a map once: what it reads, its default value and a comment saying what it holds. */
  NginxMaps define(String name, String source, String fallback, String comment) {
    blocks.computeIfAbsent(name, n -> new Block(source, fallback, comment));
    return this;
  }

  /** Whether a map is defined. */
  boolean has(String name) {
    return blocks.containsKey(name);
  }

  /**
   * Adds an entry; a key the map already has keeps its first value (the first of two policies of
   * one type wins). {@code key} and {@code value} are written as given (quote them as needed).
   */
  void put(String name, String key, String value) {
    Block b = blocks.get(name);
    if (b.keys.add(key)) {
      b.entries.append("    ").append(key).append(' ').append(value).append(";\n");
    }
  }

  /**
   * A key matched exactly: as is when short and plain, else an anchored regular expression (also
   * exact, and case-sensitive).
   */
  static String exact(String key) {
    if (key.length() <= LONGEST_EXACT && plain(key)) {
      return key;
    }
    return "\"~^" + NginxText.literal(key).replace("\"", "\\\"") + "$\"";
  }

  private static boolean plain(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '/'
          || c == '_'
          || c == '.'
          || c == '|'
          || c == '-')) {
        return false;
      }
    }
    return !key.isEmpty();
  }

  /** The blocks, in the order they were defined. */
  void render(StringBuilder out) {
    blocks.forEach(
        (name, b) -> {
          if (b.comment != null) {
            out.append("# ").append(b.comment).append('\n');
          }
          out.append("map ")
              .append(b.source)
              .append(" $")
              .append(prefix)
              .append(name)
              .append(" {\n    default ")
              .append(b.fallback)
              .append(";\n")
              .append(b.entries)
              .append("}\n");
        });
  }
}
