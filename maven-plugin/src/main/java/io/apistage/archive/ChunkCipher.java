package io.apistage.archive;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one chunk, with the STREAM nonce of docs/archive.md: the header's 7-byte prefix,
 * the chunk's 4-byte big-endian counter and a byte that is 1 on the last chunk only, so a chunk
 * moved, dropped or cut off does not authenticate. The whole header is each chunk's associated
 * data.
 *
 * @since 0.2.0
 */
final class ChunkCipher {

  /** The GCM tag length in bytes. */
  static final int TAG = 16;

  private final SecretKeySpec key;
  private final byte[] noncePrefix;
  private final byte[] headerBytes;

  ChunkCipher(byte[] key, byte[] noncePrefix, byte[] headerBytes) {
    this.key = new SecretKeySpec(key, 0, 32, "AES");
    this.noncePrefix = noncePrefix.clone();
    this.headerBytes = headerBytes.clone();
  }

  /** Encrypts one chunk: its ciphertext followed by the tag. */
  byte[] seal(long counter, boolean last, byte[] plain, int length) {
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, counter, last);
      return cipher.doFinal(plain, 0, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
    }
  }

  /** Decrypts one chunk, or null when it does not authenticate at this position. */
  byte[] open(long counter, boolean last, byte[] box, int length) {
    if (length < TAG) {
      return null;
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, counter, last);
      return cipher.doFinal(box, 0, length);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
    }
  }

  private Cipher cipher(int mode, long counter, boolean last) throws GeneralSecurityException {
    ByteBuffer nonce = ByteBuffer.allocate(12);
    nonce.put(noncePrefix).putInt((int) counter).put((byte) (last ? 1 : 0));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce.array()));
    cipher.updateAAD(headerBytes);
    return cipher;
  }
}
