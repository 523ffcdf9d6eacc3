package io.apistage.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Writes an archive: the header, then the plaintext written to this stream in box chunks; the chunk
 * in hand when the stream is closed is box as the last one. Only one chunk is held at a time.
 *
 * @since 0.2.0
 */
final class SealedOutput extends OutputStream {

  private static final long MAX_CHUNKS = 0xFFFFFFFFL;

  private final OutputStream out;
  private final ChunkCipher cipher;
  private final byte[] chunk;
  private int filled;
  private long counter;
  private boolean closed;

  private SealedOutput(OutputStream out, ChunkCipher cipher, int chunkSize) {
    this.out = out;
    this.cipher = cipher;
    this.chunk = new byte[chunkSize];
  }

  /** Writes the header for a password and returns the stream for the plaintext. */
  static SealedOutput open(OutputStream out, char[] password, Kdf.Params params)
      throws IOException {
    ArchiveHeader header = ArchiveHeader.fresh(params, new SecureRandom());
    byte[] derived = Kdf.derive(password, header.salt(), params);
    header = header.withKeyCheck(Arrays.copyOfRange(derived, 32, 48));
    byte[] raw = header.encode();
    out.write(raw);
    ChunkCipher cipher = new ChunkCipher(derived, header.noncePrefix(), raw);
    Arrays.fill(derived, (byte) 0);
    return new SealedOutput(out, cipher, header.chunkSize());
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int at = offset;
    int left = length;
    while (left > 0) {
      if (filled == chunk.length) {
        // a full chunk is box as not-last only once more bytes follow it
        seal(false);
      }
      int n = Math.min(left, chunk.length - filled);
      System.arraycopy(bytes, at, chunk, filled, n);
      filled += n;
      at += n;
      left -= n;
    }
  }

  private void seal(boolean last) throws IOException {
    if (counter == MAX_CHUNKS) {
      throw new IOException("an archive holds at most 2^32 - 1 chunks");
    }
    out.write(cipher.seal(counter, last, chunk, filled));
    counter++;
    filled = 0;
  }

  /** Seals the last chunk and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      seal(true);
      Arrays.fill(chunk, (byte) 0);
    } finally {
      out.close();
    }
  }
}
