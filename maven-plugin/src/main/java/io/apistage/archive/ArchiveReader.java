package io.apistage.archive;

import io.apistage.report.Json;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads an archive: the header and password first, then the manifest, then each asset's bytes,
 * checked against the manifest's size and SHA-256. Every way an archive can be bad ends in one
 * {@link BadArchive} with its own message.
 *
 * @since 0.2.0
 */
public final class ArchiveReader implements AutoCloseable {

  /** The largest manifest a reader accepts. */
  static final int MAX_MANIFEST = 64 * 1024 * 1024;

  private final DataInputStream in;
  private final String name;
  private final Manifest manifest;
  private final byte[] buffer = new byte[1 << 16];
  private int next;

  private ArchiveReader(DataInputStream in, String name, Manifest manifest) {
    this.in = in;
    this.name = name;
    this.manifest = manifest;
  }

  /**
   * Opens an archive and reads its manifest.
   *
   * @param source the archive's bytes; closed with the reader
   * @param password the password
   * @param name the archive's name, for messages
   */
  public static ArchiveReader open(InputStream source, char[] password, String name)
      throws IOException, BadArchive {
    SealedInput box = SealedInput.open(new BufferedInputStream(source, 1 << 16), password, name);
    DataInputStream in = new DataInputStream(box);
    try {
      int length = in.readInt();
      if (length < 0 || length > MAX_MANIFEST) {
        throw new BadArchive(name + " declares a manifest of " + length + " bytes; refused");
      }
      byte[] json = in.readNBytes(length);
      if (json.length < length) {
        throw new BadArchive(name + " ends inside its manifest");
      }
      Object parsed;
      try {
        parsed = Json.read(new String(json, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new BadArchive(name + " has a manifest that is " + e.getMessage());
      }
      return new ArchiveReader(in, name, Manifest.fromMap(parsed, name));
    } catch (SealedInput.Damaged e) {
      in.close();
      throw e.bad();
    } catch (EOFException e) {
      in.close();
      throw new BadArchive(name + " ends inside its manifest");
    } catch (BadArchive e) {
      in.close();
      throw e;
    }
  }

  /** The manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /**
   * The next asset's bytes, checked against its manifest entry.
   *
   * @param maxBytes the largest file accepted
   */
  public byte[] next(long maxBytes) throws IOException, BadArchive {
    Manifest.Entry entry = manifest.entries().get(next++);
    if (entry.size() > maxBytes) {
      throw new BadArchive(
          name + ": " + entry.path() + " is " + entry.size() + " bytes; the limit is " + maxBytes);
    }
    try {
      byte[] bytes = in.readNBytes((int) entry.size());
      if (bytes.length < entry.size()) {
        throw new BadArchive(name + " ends inside " + entry.path());
      }
      String sha = HexFormat.of().formatHex(ArchiveHeader.sha256(bytes));
      if (!sha.equals(entry.sha256())) {
        throw new BadArchive(
            name + ": " + entry.path() + " does not have the SHA-256 its manifest names");
      }
      return bytes;
    } catch (SealedInput.Damaged e) {
      throw e.bad();
    }
  }

  /**
   * Streams the next asset's bytes to {@code out}, a buffer at a time, and checks them against its
   * manifest entry's size and SHA-256; nothing of the file is held whole.
   *
   * @param out where the bytes go (not closed)
   * @param maxBytes the largest file accepted
   */
  public void copyNext(OutputStream out, long maxBytes) throws IOException, BadArchive {
    Manifest.Entry entry = manifest.entries().get(next++);
    if (entry.size() > maxBytes) {
      throw new BadArchive(
          name + ": " + entry.path() + " is " + entry.size() + " bytes; the limit is " + maxBytes);
    }
    MessageDigest digest = ArchiveHeader.sha256();
    long left = entry.size();
    try {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new BadArchive(name + " ends inside " + entry.path());
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
        left -= n;
      }
    } catch (SealedInput.Damaged e) {
      throw e.bad();
    }
    if (!HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())) {
      throw new BadArchive(
          name + ": " + entry.path() + " does not have the SHA-256 its manifest names");
    }
  }

  /** Checks that nothing follows the last asset and the last chunk authenticates. */
  public void finish() throws IOException, BadArchive {
    try {
      if (in.read() >= 0) {
        throw new BadArchive(name + " holds bytes after its last asset; refused");
      }
    } catch (SealedInput.Damaged e) {
      throw e.bad();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
