package io.apistage.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads an archive's plaintext: checks the header, derives the key, tells a wrong password by the
 * key check, then opens one chunk at a time. A chunk that does not authenticate, a missing last
 * chunk and bytes after the last chunk are each a {@link Damaged} with its own message.
 *
 * @since 0.2.0
 */
final class SealedInput extends InputStream {

  private final PushbackInputStream in;
  private final ChunkCipher cipher;
  private final int sealedSize;
  private final String name;
  private final long headerLength;
  private byte[] plain = new byte[0];
  private int position;
  private long counter;
  private boolean sawLast;

  private SealedInput(
      PushbackInputStream in,
      ChunkCipher cipher,
      ArchiveHeader header,
      int headerLength,
      String name) {
    this.in = in;
    this.cipher = cipher;
    this.sealedSize = header.chunkSize() + ChunkCipher.TAG;
    this.name = name;
    this.headerLength = headerLength;
  }

  /**
   * An {@link IOException} carrying a {@link BadArchive}, so a damaged chunk found while the
   * plaintext is parsed reaches the reader's caller with its message.
   */
  static final class Damaged extends IOException {
    private static final long serialVersionUID = 1L;

    Damaged(BadArchive cause) {
      super(cause.getMessage(), cause);
    }

    BadArchive bad() {
      return (BadArchive) getCause();
    }
  }

  /** Reads the header and checks the password; the plaintext follows. */
  static SealedInput open(InputStream raw, char[] password, String name)
      throws IOException, BadArchive {
    PushbackInputStream in = new PushbackInputStream(raw, 1);
    ArchiveHeader.Read read = ArchiveHeader.read(in, name);
    ArchiveHeader header = read.header();
    byte[] derived = Kdf.derive(password, header.salt(), header.kdf());
    if (!MessageDigest.isEqual(Arrays.copyOfRange(derived, 32, 48), header.keyCheck())) {
      throw new BadArchive(
          "wrong password for "
              + name
              + ": set APISTAGE_ARCHIVE_PASSWORD, or the settings.xml server apistage-archive, to"
              + " the password the archive was exported with");
    }
    ChunkCipher cipher = new ChunkCipher(derived, header.noncePrefix(), read.raw());
    Arrays.fill(derived, (byte) 0);
    return new SealedInput(in, cipher, header, read.raw().length, name);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (position == plain.length) {
      if (sawLast) {
        return -1;
      }
      next();
    }
    int n = Math.min(length, plain.length - position);
    System.arraycopy(plain, position, bytes, offset, n);
    position += n;
    return n;
  }

  private void next() throws IOException {
    byte[] box = in.readNBytes(sealedSize);
    boolean last = box.length < sealedSize || atEnd();
    long start = headerLength + counter * sealedSize;
    if (box.length == 0) {
      throw damaged(
          name
              + " is truncated: it ends "
              + (counter == 0 ? "right after its header" : "after chunk " + (counter - 1))
              + ", before its last chunk");
    }
    byte[] opened = cipher.open(counter, last, box, box.length);
    if (opened == null
        && last
        && box.length == sealedSize
        && cipher.open(counter, false, box, box.length) != null) {
      throw damaged(
          name
              + " is truncated: it ends after chunk "
              + counter
              + " (byte "
              + (start + box.length)
              + "), which is not its last chunk");
    }
    if (opened == null) {
      throw damaged(
          name
              + " was changed after it was written, or cut short: chunk "
              + counter
              + " (bytes "
              + start
              + " to "
              + (start + box.length - 1)
              + ") does not authenticate; the archive is damaged or was tampered with");
    }
    plain = opened;
    position = 0;
    counter++;
    sawLast = last;
  }

  private boolean atEnd() throws IOException {
    int b = in.read();
    if (b < 0) {
      return true;
    }
    in.unread(b);
    return false;
  }

  private Damaged damaged(String message) {
    return new Damaged(new BadArchive(message));
  }

  @Override
  public void close() throws IOException {
    Arrays.fill(plain, (byte) 0);
    in.close();
  }
}
