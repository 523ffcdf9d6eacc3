package io.apistage.archive;

import io.apistage.report.Json;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an archive's plaintext into box chunks: the manifest's length and JSON, then each asset's
 * bytes in manifest order (docs/archive.md).
 *
 * @since 0.2.0
 */
public final class ArchiveWriter implements AutoCloseable {

  private final DataOutputStream out;

  private ArchiveWriter(DataOutputStream out) {
    this.out = out;
  }

  /**
   * Starts an archive on a stream: writes the header and the manifest.
   *
   * @param target where the archive's bytes go; closed with the writer
   * @param password the password the key is derived from
   * @param manifest the assets whose bytes follow, in order
   */
  public static ArchiveWriter open(OutputStream target, char[] password, Manifest manifest)
      throws IOException {
    return open(target, password, manifest, Kdf.WRITE);
  }

  static ArchiveWriter open(
      OutputStream target, char[] password, Manifest manifest, Kdf.Params params)
      throws IOException {
    SealedOutput box =
        SealedOutput.open(new BufferedOutputStream(target, 1 << 16), password, params);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(box, 1 << 16));
    byte[] json = Json.write(manifest.toMap()).getBytes(StandardCharsets.UTF_8);
    out.writeInt(json.length);
    out.write(json);
    return new ArchiveWriter(out);
  }

  /** Writes the next asset's bytes. */
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  /** Seals the last chunk and closes the target. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
