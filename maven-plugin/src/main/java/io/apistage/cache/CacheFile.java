package io.apistage.cache;

import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.Severity;
import io.apistage.yaml.NodeCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The bytes of a validate cache file: a magic, the identity of the plugin and schemas that wrote
 * it, one string table, then one entry per file (path, content hash, parse problems, schema
 * problems when known, and the parsed tree in {@link NodeCodec}'s form), and a CRC-32C of all of
 * it. Reading checks the magic, the identity and the checksum before anything is trusted; a tree is
 * decoded only when its file is met unchanged. Writing goes to a file beside and is then moved into
 * place, so a cache is whole or absent.
 */
final class CacheFile {

  private static final byte[] MAGIC = "APSTGVC3".getBytes(StandardCharsets.US_ASCII);

  private CacheFile() {}

  /** Why a cache file was not used. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** What a cache file holds, its trees still encoded. */
  record Contents(String[] strings, Map<String, CachedFile> files, int fullWriteStrings) {}

  /** Reads a cache file; an unusable one (damaged, foreign) is an {@link Unusable}. */
  static Contents read(Path file, String identity) throws IOException, Unusable {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < MAGIC.length + 8
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new Unusable("not a validate cache of this format");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 8);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getLong(bytes.length - 8) != crc.getValue()) {
      throw new Unusable("damaged (checksum mismatch)");
    }
    try {
      in.position(MAGIC.length);
      String writer = text(in);
      if (!writer.equals(identity)) {
        throw new Unusable("written by another plugin or schema version (" + writer + ")");
      }
      int fullWrite = NodeCodec.varint(in);
      String[] strings = new String[NodeCodec.varint(in)];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = text(in);
      }
      int count = NodeCodec.varint(in);
      Map<String, CachedFile> files = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        CachedFile entry = entry(in, bytes, strings);
        files.put(entry.path(), entry);
      }
      if (in.position() != bytes.length - 8) {
        throw new Unusable("damaged (trailing bytes)");
      }
      return new Contents(strings, files, fullWrite);
    } catch (RuntimeException e) {
      throw new Unusable("damaged (" + e + ")");
    }
  }

  private static CachedFile entry(ByteBuffer in, byte[] bytes, String[] strings) {
    String path = strings[NodeCodec.varint(in)];
    byte[] hash = new byte[NodeCodec.varint(in)];
    in.get(hash);
    List<Problem> parse = problems(in, strings);
    List<Problem> schema = in.get() == 1 ? problems(in, strings) : null;
    FileFacts facts = in.get() == 1 ? facts(in, strings) : null;
    int length = NodeCodec.varint(in);
    int offset = in.position();
    in.position(offset + length);
    CachedFile.Encoded tree = length == 0 ? null : new CachedFile.Encoded(bytes, offset, length);
    return new CachedFile(path, hash, parse, schema, facts, null, tree);
  }

  private static List<Problem> problems(ByteBuffer in, String[] strings) {
    int count = NodeCodec.varint(in);
    List<Problem> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String file = strings[NodeCodec.varint(in)];
      int line = NodeCodec.varint(in);
      int column = NodeCodec.varint(in);
      String field = strings[NodeCodec.varint(in)];
      String rule = strings[NodeCodec.varint(in)];
      Severity severity = Severity.values()[NodeCodec.varint(in)];
      String message = strings[NodeCodec.varint(in)];
      out.add(new Problem(file, line, column, field, rule, severity, message));
    }
    return out;
  }

  private static FileFacts facts(ByteBuffer in, String[] strings) {
    List<Problem> local = problems(in, strings);
    List<Problem> secrets = problems(in, strings);
    int count = NodeCodec.varint(in);
    List<FileFacts.Ref> refs = new ArrayList<>(count);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < count; i++) {
      String pointer = strings[NodeCodec.varint(in)];
      int line = NodeCodec.varint(in);
      int column = NodeCodec.varint(in);
      Kind kind = kinds[NodeCodec.varint(in)];
      String name = strings[NodeCodec.varint(in)];
      int major = NodeCodec.varint(in) - 1;
      boolean required = in.get() == 1;
      refs.add(new FileFacts.Ref(pointer, line, column, kind, name, major, required));
    }
    return new FileFacts(local, secrets, refs);
  }

  private static void facts(FileFacts facts, NodeCodec.Out out, NodeCodec.Strings strings) {
    problems(facts.local(), out, strings);
    problems(facts.secrets(), out, strings);
    out.varint(facts.references().size());
    for (FileFacts.Ref ref : facts.references()) {
      out.varint(strings.id(ref.pointer()));
      out.varint(ref.line());
      out.varint(ref.column());
      out.varint(ref.kind().ordinal());
      out.varint(strings.id(ref.name()));
      out.varint(ref.major() + 1);
      out.varint(ref.required() ? 1 : 0);
    }
  }

  private static String text(ByteBuffer in) {
    int length = NodeCodec.varint(in);
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  /**
   * Writes the entries; an entry still encoded in {@code previous}'s string numbering is copied as
   * it is, when {@code previous} is given, else every tree is encoded again.
   */
  static void write(Path file, String identity, List<CachedFile> entries, Contents previous)
      throws IOException {
    NodeCodec.Strings strings = new NodeCodec.Strings();
    int fullWrite;
    if (previous != null) {
      for (String s : previous.strings()) {
        strings.id(s);
      }
      fullWrite = previous.fullWriteStrings();
    } else {
      fullWrite = -1;
    }
    NodeCodec.Out body = new NodeCodec.Out();
    for (CachedFile entry : entries) {
      entry(entry, body, strings, previous != null);
    }
    if (fullWrite < 0) {
      fullWrite = strings.all().size();
    }
    NodeCodec.Out out = new NodeCodec.Out();
    out.raw(MAGIC);
    text(out, identity);
    out.varint(fullWrite);
    out.varint(strings.all().size());
    for (String s : strings.all()) {
      text(out, s);
    }
    out.varint(entries.size());
    byte[] head = out.toBytes();
    byte[] tail = body.toBytes();
    CRC32C crc = new CRC32C();
    crc.update(head);
    crc.update(tail);
    ByteBuffer sum = ByteBuffer.allocate(8).putLong(crc.getValue());
    atomically(file, head, tail, sum.array());
  }

  private static void entry(
      CachedFile entry, NodeCodec.Out out, NodeCodec.Strings strings, boolean reuse) {
    out.varint(strings.id(entry.path()));
    out.varint(entry.hash().length);
    out.raw(entry.hash());
    problems(entry.parseProblems(), out, strings);
    if (entry.schemaProblems() == null) {
      out.varint(0);
    } else {
      out.varint(1);
      problems(entry.schemaProblems(), out, strings);
    }
    if (entry.facts() == null) {
      out.varint(0);
    } else {
      out.varint(1);
      facts(entry.facts(), out, strings);
    }
    CachedFile.Encoded encoded = entry.encoded();
    if (reuse && encoded != null) {
      out.varint(encoded.length());
      out.raw(encoded.bytes(), encoded.offset(), encoded.length());
    } else if (entry.root() != null) {
      NodeCodec.Out tree = new NodeCodec.Out();
      NodeCodec.write(entry.root(), tree, strings);
      out.varint(tree.size());
      out.raw(tree.toBytes(), 0, tree.size());
    } else {
      out.varint(0);
    }
  }

  private static void problems(List<Problem> problems, NodeCodec.Out out, NodeCodec.Strings s) {
    out.varint(problems.size());
    for (Problem p : problems) {
      out.varint(s.id(p.file()));
      out.varint(p.line());
      out.varint(p.column());
      out.varint(s.id(p.field()));
      out.varint(s.id(p.rule()));
      out.varint(p.severity().ordinal());
      out.varint(s.id(p.message()));
    }
  }

  private static void text(NodeCodec.Out out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.varint(bytes.length);
    out.raw(bytes);
  }

  private static void atomically(Path file, byte[]... parts) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        for (byte[] part : parts) {
          out.write(part);
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
