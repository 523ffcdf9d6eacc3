package io.apistage.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plain header of an archive (docs/archive.md): magic, format version, header length, the
 * Argon2id parameters and salt, the cipher, the chunk size, the nonce prefix, a key check and a
 * SHA-256 of all of it. Every chunk authenticates the whole header as associated data.
 *
 * @param kdf the Argon2id parameters: memory in KiB, passes, lanes
 * @param salt the 16-byte salt
 * @param chunkSize plaintext bytes per chunk (the last chunk may hold fewer)
 * @param noncePrefix the 7 random bytes that start every chunk's nonce
 * @param keyCheck 16 bytes of the key derivation's output, to tell a wrong password
 * @since 0.2.0
 */
public record ArchiveHeader(
    Kdf.Params kdf, byte[] salt, int chunkSize, byte[] noncePrefix, byte[] keyCheck) {

  /** The first 16 bytes of every archive. */
  public static final byte[] MAGIC = "APISTAGE-ARCHIVE".getBytes(StandardCharsets.US_ASCII);

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  /** The length of a version 1 header in bytes. */
  public static final int LENGTH = 106;

  /** Argon2id, version 0x13. */
  static final int KDF_ARGON2ID = 1;

  /** AES-256-GCM with a 16-byte tag. */
  static final int CIPHER_AES_256_GCM = 1;

  /** The chunk size this code writes. */
  public static final int CHUNK_SIZE = 64 * 1024;

  static final int SALT_LENGTH = 16;
  static final int NONCE_PREFIX_LENGTH = 7;
  static final int CHECK_LENGTH = 16;
  private static final int DIGEST_LENGTH = 32;

  public ArchiveHeader {
    Objects.requireNonNull(kdf, "kdf");
    salt = salt.clone();
    noncePrefix = noncePrefix.clone();
    keyCheck = keyCheck.clone();
  }

  /** A header for a new archive: fresh salt and nonce prefix, the key check still to be set. */
  static ArchiveHeader fresh(Kdf.Params params, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] prefix = new byte[NONCE_PREFIX_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(prefix);
    return new ArchiveHeader(params, salt, CHUNK_SIZE, prefix, new byte[CHECK_LENGTH]);
  }

  /** This header with the key check of a derived key. */
  ArchiveHeader withKeyCheck(byte[] check) {
    return new ArchiveHeader(kdf, salt, chunkSize, noncePrefix, check);
  }

  /** The header's bytes, checksum included. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(LENGTH);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(VERSION);
      out.writeShort(LENGTH);
      out.writeByte(KDF_ARGON2ID);
      out.writeInt(kdf.memoryKib());
      out.writeInt(kdf.iterations());
      out.writeByte(kdf.parallelism());
      out.write(salt);
      out.writeByte(CIPHER_AES_256_GCM);
      out.writeInt(chunkSize);
      out.write(noncePrefix);
      out.write(keyCheck);
      out.write(sha256(bytes.toByteArray()));
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads and checks a header, in the order that gives each bad input its own message: not an
   * archive, a changed header, a newer format, an unknown algorithm, parameters beyond the caps.
   *
   * @param name the archive's name, for messages
   * @return the header and its raw bytes (the associated data of every chunk)
   */
  static Read read(InputStream in, String name) throws IOException, BadArchive {
    byte[] start = in.readNBytes(MAGIC.length + 4);
    if (start.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
      throw new BadArchive(
          name
              + " is not an apistage archive (it does not start with APISTAGE-ARCHIVE); pass the"
              + " file an apistage export wrote");
    }
    if (start.length < MAGIC.length + 4) {
      throw new BadArchive(name + " is truncated: it ends inside its header");
    }
    ByteBuffer fixed = ByteBuffer.wrap(start, MAGIC.length, 4);
    int version = Short.toUnsignedInt(fixed.getShort());
    int length = Short.toUnsignedInt(fixed.getShort());
    if (length < start.length + DIGEST_LENGTH || length > 4096) {
      throw changed(name);
    }
    byte[] rest = in.readNBytes(length - start.length);
    if (rest.length < length - start.length) {
      throw new BadArchive(name + " is truncated: it ends inside its header");
    }
    byte[] raw = new byte[length];
    System.arraycopy(start, 0, raw, 0, start.length);
    System.arraycopy(rest, 0, raw, start.length, rest.length);
    byte[] digest = sha256(Arrays.copyOf(raw, length - DIGEST_LENGTH));
    if (!Arrays.equals(digest, Arrays.copyOfRange(raw, length - DIGEST_LENGTH, length))) {
      throw changed(name);
    }
    if (version != VERSION) {
      throw new BadArchive(
          name
              + " is an apistage archive of format version "
              + version
              + "; this apistage reads version "
              + VERSION
              + ": import it with the apistage version that exported it, or a newer one");
    }
    if (length != LENGTH) {
      throw changed(name);
    }
    return new Read(decodeV1(raw, name), raw);
  }

  private static ArchiveHeader decodeV1(byte[] raw, String name) throws IOException, BadArchive {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw));
    in.skipNBytes(MAGIC.length + 4);
    int kdf = in.readUnsignedByte();
    int memory = in.readInt();
    int iterations = in.readInt();
    int parallelism = in.readUnsignedByte();
    byte[] salt = in.readNBytes(SALT_LENGTH);
    int cipher = in.readUnsignedByte();
    int chunk = in.readInt();
    byte[] prefix = in.readNBytes(NONCE_PREFIX_LENGTH);
    byte[] check = in.readNBytes(CHECK_LENGTH);
    if (kdf != KDF_ARGON2ID || cipher != CIPHER_AES_256_GCM) {
      throw new BadArchive(
          name
              + " names a key derivation ("
              + kdf
              + ") or cipher ("
              + cipher
              + ") this apistage does not know; it knows Argon2id (1) and AES-256-GCM (1)");
    }
    Kdf.Params params = new Kdf.Params(memory, iterations, parallelism);
    Kdf.checkCaps(params, name);
    if (chunk < 1024 || chunk > 1024 * 1024) {
      throw new BadArchive(
          name + " declares chunks of " + chunk + " bytes; a reader accepts 1 KiB to 1 MiB");
    }
    return new ArchiveHeader(params, salt, chunk, prefix, check);
  }

  private static BadArchive changed(String name) {
    return new BadArchive(
        "the header of "
            + name
            + " was changed after it was written (its SHA-256 does not match); the archive is"
            + " damaged or was tampered with: export it again");
  }

  static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * A header as read.
   *
   * @param header the decoded header
   * @param raw its bytes, authenticated by every chunk
   */
  record Read(ArchiveHeader header, byte[] raw) {}
}
