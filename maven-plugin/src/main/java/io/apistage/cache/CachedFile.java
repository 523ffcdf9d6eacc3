package io.apistage.cache;

import io.apistage.problem.Problem;
import io.apistage.yaml.NodeCodec;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YNode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What the cache keeps of one file: its path, the hash of its content, the problems of its parse,
 * the problems of its schema check (null until checked, and never for an Api whose endpoints come
 * from an OpenAPI document, which depends on other files), and its parsed tree, either decoded
 * ({@code root}) or still in the cache file's bytes ({@code encoded}).
 *
 * @param path the file, relative to the config root
 * @param hash the Git blob id of the content
 * @param parseProblems the problems of the parse
 * @param schemaProblems the problems of the schema check, or null when not known
 * @param facts what the rules between assets learned from the file, or null when not known
 * @param root the parsed tree, or null when not decoded or when the parse failed
 * @param encoded the tree as the cache file holds it, or null
 */
record CachedFile(
    String path,
    byte[] hash,
    List<Problem> parseProblems,
    List<Problem> schemaProblems,
    FileFacts facts,
    YNode root,
    Encoded encoded) {

  CachedFile {
    parseProblems = List.copyOf(parseProblems);
    schemaProblems = schemaProblems == null ? null : List.copyOf(schemaProblems);
  }

  /** A tree in a cache file's bytes. */
  record Encoded(byte[] bytes, int offset, int length) {}

  /** The entry of a fresh parse. */
  static CachedFile parsed(byte[] hash, ParsedFile parsed) {
    return new CachedFile(parsed.file(), hash, parsed.problems(), null, null, parsed.root(), null);
  }

  /** This entry with its tree read (its root's values decoded as they are asked for). */
  CachedFile decoded(String[] strings) {
    if (root != null || encoded == null) {
      return this;
    }
    ByteBuffer in = ByteBuffer.wrap(encoded.bytes(), encoded.offset(), encoded.length());
    YNode tree = NodeCodec.readLazily(in, strings);
    if (in.position() != encoded.offset() + encoded.length()) {
      throw new IllegalArgumentException("a tree shorter than its entry");
    }
    return new CachedFile(path, hash, parseProblems, schemaProblems, facts, tree, encoded);
  }

  /** The parse this entry stands for. */
  ParsedFile toParsed() {
    return new ParsedFile(path, root, parseProblems);
  }

  /** This entry with the problems of its schema check. */
  CachedFile withSchemaProblems(List<Problem> problems) {
    return new CachedFile(path, hash, parseProblems, problems, facts, root, encoded);
  }

  /** This entry with what the rules between assets learned from the file. */
  CachedFile withFacts(FileFacts found) {
    return new CachedFile(path, hash, parseProblems, schemaProblems, found, root, encoded);
  }
}
