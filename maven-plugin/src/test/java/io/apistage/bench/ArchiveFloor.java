package io.apistage.bench;

import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor export and import are measured against: the same files read and written with nothing
 * but AES-256-GCM in 64 KiB chunks in between, no YAML, no key derivation, no manifest, no checks.
 * Export's floor reads every asset file of the config root and writes one encrypted file; import's
 * floor reads that file back, decrypts it and writes every file into an empty folder.
 */
final class ArchiveFloor {

  private static final int CHUNK = 64 * 1024;

  private final SecretKeySpec key;
  private final List<String> paths;

  private ArchiveFloor(List<String> paths) {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    this.key = new SecretKeySpec(raw, "AES");
    this.paths = List.copyOf(paths);
  }

  /** The floor for the asset files of a config root (those export writes). */
  static ArchiveFloor of(Path root) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String path : new DirectorySource(root).paths()) {
      if (ConfigLoader.place(path).isPresent() && !path.startsWith("promotions/")) {
        paths.add(path);
      }
    }
    return new ArchiveFloor(paths);
  }

  /** How many files the floor moves. */
  int files() {
    return paths.size();
  }

  /** Reads every file under {@code root} and writes them, encrypted, into {@code out}. */
  void export(Path root, Path out) throws IOException, GeneralSecurityException {
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), CHUNK);
        Chunks chunks = new Chunks(file)) {
      DataOutputStream sizes = new DataOutputStream(chunks);
      for (String path : paths) {
        byte[] bytes = Files.readAllBytes(root.resolve(path));
        sizes.writeInt(bytes.length);
        sizes.write(bytes);
      }
      sizes.flush();
    }
  }

  /** Reads what {@link #export} wrote, decrypts it and writes every file under {@code root}. */
  void importInto(Path in, Path root) throws IOException, GeneralSecurityException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(in), CHUNK)) {
      DataInputStream plain = new DataInputStream(new Opened(file));
      for (String path : paths) {
        byte[] bytes = new byte[plain.readInt()];
        plain.readFully(bytes);
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
      }
    }
  }

  private Cipher cipher(int mode, long counter) throws GeneralSecurityException {
    byte[] nonce = ByteBuffer.allocate(12).putLong(4, counter).array();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(128, nonce));
    return cipher;
  }

  /** Encrypts what is written to it in chunks, each with its length first. */
  private final class Chunks extends OutputStream {
    private final OutputStream out;
    private final byte[] chunk = new byte[CHUNK];
    private int filled;
    private long counter;

    Chunks(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        int n = Math.min(length, CHUNK - filled);
        System.arraycopy(bytes, offset, chunk, filled, n);
        filled += n;
        offset += n;
        length -= n;
        if (filled == CHUNK) {
          seal();
        }
      }
    }

    private void seal() throws IOException {
      try {
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, counter++).doFinal(chunk, 0, filled);
        new DataOutputStream(out).writeInt(sealed.length);
        out.write(sealed);
        filled = 0;
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      seal();
      out.close();
    }
  }

  /** Decrypts the chunks {@link Chunks} wrote. */
  private final class Opened extends InputStream {
    private final DataInputStream in;
    private byte[] plain = new byte[0];
    private int position;
    private long counter;

    Opened(InputStream in) {
      this.in = new DataInputStream(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (position == plain.length) {
        byte[] sealed = new byte[in.readInt()];
        in.readFully(sealed);
        try {
          plain = cipher(Cipher.DECRYPT_MODE, counter++).doFinal(sealed);
        } catch (GeneralSecurityException e) {
          throw new IOException(e);
        }
        position = 0;
      }
      int n = Math.min(length, plain.length - position);
      System.arraycopy(plain, position, bytes, offset, n);
      position += n;
      return n;
    }
  }
}
