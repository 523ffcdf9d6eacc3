package io.apistage.archive;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id from Bouncy Castle: the archive key and key check from a password and salt.
 *
 * @since 0.2.0
 */
final class Kdf {

  /** What export writes: OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane). */
  static final Params WRITE = new Params(19 * 1024, 2, 1);

  /** The smallest parameters a reader accepts. */
  static final Params FLOOR = WRITE;

  /** The largest parameters a reader accepts, so an archive cannot make import spend minutes. */
  static final Params CAP = new Params(256 * 1024, 10, 4);

  private Kdf() {}

  /**
   * Argon2id parameters.
   *
   * @param memoryKib memory in KiB
   * @param iterations passes
   * @param parallelism lanes
   */
  record Params(int memoryKib, int iterations, int parallelism) {
    @Override
    public String toString() {
      return "m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism;
    }
  }

  /** Refuses parameters outside {@link #FLOOR} and {@link #CAP}. */
  static void checkCaps(Params p, String name) throws BadArchive {
    boolean inside =
        p.memoryKib() >= FLOOR.memoryKib()
            && p.memoryKib() <= CAP.memoryKib()
            && p.iterations() >= FLOOR.iterations()
            && p.iterations() <= CAP.iterations()
            && p.parallelism() >= FLOOR.parallelism()
            && p.parallelism() <= CAP.parallelism();
    if (!inside) {
      throw new BadArchive(
          name
              + " asks for Argon2id "
              + p
              + "; a reader accepts "
              + FLOOR
              + " up to "
              + CAP
              + ", so an archive can neither weaken its password nor make import spend minutes");
    }
  }

  /** 48 bytes: the 32-byte AES key, then the 16-byte key check. */
  static byte[] derive(char[] password, byte[] salt, Params p) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(p.memoryKib())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[48];
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] pw = new byte[encoded.remaining()];
    encoded.get(pw);
    generator.generateBytes(pw, out);
    Arrays.fill(pw, (byte) 0);
    Arrays.fill(encoded.array(), (byte) 0);
    return out;
  }
}
