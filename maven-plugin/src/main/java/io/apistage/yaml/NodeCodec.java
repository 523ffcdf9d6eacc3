package io.apistage.yaml;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a {@link YNode} tree with every position, for the validate cache
 * (docs/validate.md, "The cache"): reading it back is several times cheaper than parsing the YAML
 * it came from. Strings are numbered in one {@link Strings} table shared by every tree of a cache
 * file, so a key that occurs a million times is stored, and held in memory, once. Integers are
 * variable-length; a scalar whose value is its text stores the text once.
 *
 * @since 0.2.0
 */
public final class NodeCodec {

  private static final int MAP = 0;
  private static final int SEQ = 1;
  private static final int STRING = 2;
  private static final int NULL = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int LONG = 6;
  private static final int BIG = 7;
  private static final int DOUBLE = 8;

  private NodeCodec() {}

  /** Numbers the strings of the trees written, in order of first use. */
  public static final class Strings {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> all = new ArrayList<>();

    /** The number of a string, adding it when new. */
    public int id(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = all.size();
        ids.put(s, id);
        all.add(s);
      }
      return id;
    }

    /** Every string, by number. */
    public List<String> all() {
      return all;
    }
  }

  /** A growable byte buffer with variable-length integers. */
  public static final class Out {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** Appends an unsigned variable-length int. */
    public void varint(int value) {
      ensure(5);
      int v = value;
      while ((v & ~0x7F) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    /** Appends a long, eight bytes. */
    public void fixed64(long value) {
      ensure(8);
      for (int i = 7; i >= 0; i--) {
        bytes[size++] = (byte) (value >>> (i * 8));
      }
    }

    /** Appends raw bytes. */
    public void raw(byte[] data) {
      raw(data, 0, data.length);
    }

    /** Appends {@code length} bytes of {@code data} from {@code offset}. */
    public void raw(byte[] data, int offset, int length) {
      ensure(length);
      System.arraycopy(data, offset, bytes, size, length);
      size += length;
    }

    /** The bytes written so far. */
    public byte[] toBytes() {
      return Arrays.copyOf(bytes, size);
    }

    /** The number of bytes written so far. */
    public int size() {
      return size;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  /** Reads what {@link Out} wrote. */
  public static int varint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("malformed variable-length integer");
  }

  /** Reads a long written by {@link Out#fixed64}. */
  public static long fixed64(ByteBuffer in) {
    return in.getLong();
  }

  /** Writes a tree. */
  public static void write(YNode node, Out out, Strings strings) {
    if (node instanceof YMap map) {
      out.varint(MAP);
      position(node, out);
      out.varint(map.size());
      for (YMap.Entry e : map.entries().values()) {
        out.varint(strings.id(e.key()));
        out.varint(e.keyLine());
        out.varint(e.keyColumn());
        write(e.value(), out, strings);
      }
    } else if (node instanceof YSeq seq) {
      out.varint(SEQ);
      position(node, out);
      out.varint(seq.size());
      for (YNode item : seq.items()) {
        write(item, out, strings);
      }
    } else {
      scalar((YScalar) node, out, strings);
    }
  }

  private static void scalar(YScalar s, Out out, Strings strings) {
    Object value = s.value();
    int type;
    if (value instanceof String) {
      type = STRING;
    } else if (value == null) {
      type = NULL;
    } else if (value instanceof Boolean b) {
      type = b ? TRUE : FALSE;
    } else if (value instanceof Long) {
      type = LONG;
    } else if (value instanceof BigInteger) {
      type = BIG;
    } else if (value instanceof Double) {
      type = DOUBLE;
    } else {
      throw new IllegalArgumentException("a scalar of type " + value.getClass());
    }
    out.varint(type);
    position(s, out);
    out.varint(strings.id(s.text()));
    if (type == STRING && !value.equals(s.text())) {
      throw new IllegalArgumentException("a string scalar whose value differs from its text");
    }
    if (type == LONG) {
      out.fixed64((Long) value);
    } else if (type == BIG) {
      out.varint(strings.id(value.toString()));
    } else if (type == DOUBLE) {
      out.fixed64(Double.doubleToRawLongBits((Double) value));
    }
  }

  private static void position(YNode node, Out out) {
    out.varint(node.line());
    out.varint(node.column());
  }

  /**
   * Reads a tree written by {@link #write}, the entries of its root mapping decoded only as they
   * are asked for ({@link LazyEntries}); the bytes must stay unchanged while the tree is in use.
   *
   * @throws IllegalArgumentException or a {@link RuntimeException} of the buffer when the bytes are
   *     not such a tree
   */
  public static YNode readLazily(ByteBuffer in, String[] strings) {
    int start = in.position();
    int type = varint(in);
    int line = varint(in);
    int column = varint(in);
    if (type != MAP) {
      in.position(start);
      return read(in, strings, 0);
    }
    int count = varint(in);
    return new YMap(new LazyEntries(in, count, strings, 0), line, column);
  }

  /**
   * Moves past one tree written by {@link #write} without building it, checking what a read would:
   * node types, nesting and string numbers; so a tree passed over here reads without error.
   */
  static void skip(ByteBuffer in, int strings, int depth) {
    if (depth > YamlParser.MAX_DEPTH + 1) {
      throw new IllegalArgumentException("a tree nested deeper than a parse allows");
    }
    int type = varint(in);
    varint(in);
    varint(in);
    if (type == MAP || type == SEQ) {
      int count = varint(in);
      for (int i = 0; i < count; i++) {
        if (type == MAP) {
          string(in, strings);
          varint(in);
          varint(in);
        }
        skip(in, strings, depth + 1);
      }
      return;
    }
    string(in, strings);
    switch (type) {
      case STRING, NULL, TRUE, FALSE -> {
        // the text is the value
      }
      case LONG, DOUBLE -> in.position(in.position() + 8);
      case BIG -> string(in, strings);
      default -> throw new IllegalArgumentException("unknown node type " + type);
    }
  }

  /** Reads a string number, checked against the size of the table. */
  static int string(ByteBuffer in, int strings) {
    int id = varint(in);
    if (id < 0 || id >= strings) {
      throw new IllegalArgumentException("string " + id + " of " + strings);
    }
    return id;
  }

  /**
   * Reads a tree written by {@link #write}.
   *
   * @throws IllegalArgumentException or a {@link RuntimeException} of the buffer when the bytes are
   *     not such a tree
   */
  public static YNode read(ByteBuffer in, String[] strings, int depth) {
    if (depth > YamlParser.MAX_DEPTH + 1) {
      throw new IllegalArgumentException("a tree nested deeper than a parse allows");
    }
    int type = varint(in);
    int line = varint(in);
    int column = varint(in);
    if (type == MAP) {
      int count = varint(in);
      YMap.Entry[] entries = new YMap.Entry[count];
      for (int i = 0; i < count; i++) {
        String key = strings[varint(in)];
        int keyLine = varint(in);
        int keyColumn = varint(in);
        entries[i] = new YMap.Entry(key, keyLine, keyColumn, read(in, strings, depth + 1));
      }
      return new YMap(EntryMap.of(entries, count), line, column);
    }
    if (type == SEQ) {
      int count = varint(in);
      List<YNode> items = new ArrayList<>(Math.min(count, 1 << 16));
      for (int i = 0; i < count; i++) {
        items.add(read(in, strings, depth + 1));
      }
      return new YSeq(items, line, column);
    }
    String text = strings[varint(in)];
    Object value =
        switch (type) {
          case STRING -> text;
          case NULL -> null;
          case TRUE -> Boolean.TRUE;
          case FALSE -> Boolean.FALSE;
          case LONG -> in.getLong();
          case BIG -> new BigInteger(strings[varint(in)]);
          case DOUBLE -> Double.longBitsToDouble(in.getLong());
          default -> throw new IllegalArgumentException("unknown node type " + type);
        };
    return new YScalar(value, text, line, column);
  }
}
