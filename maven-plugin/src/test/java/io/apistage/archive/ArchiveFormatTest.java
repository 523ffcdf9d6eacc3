package io.apistage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The archive format: a round trip, and every way of changing, cutting or forging an archive. */
class ArchiveFormatTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  private static final int SEALED = ArchiveHeader.CHUNK_SIZE + ChunkCipher.TAG;
  private static final int H = ArchiveHeader.LENGTH;

  private static List<byte[]> files;
  private static Manifest manifest;
  private static byte[] archive;

  @BeforeAll
  static void write() throws IOException {
    files = new ArrayList<>();
    List<Manifest.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // 50,000 bytes each: the plaintext spans three chunks, the last one short
      byte[] bytes =
          ("kind: Policy\nname: p" + i + "\ntype: cors\n# " + "x".repeat(50_000))
              .substring(0, 50_000)
              .getBytes(StandardCharsets.UTF_8);
      files.add(bytes);
      entries.add(
          new Manifest.Entry(
              "policy/p" + i,
              java.util.UUID.nameUUIDFromBytes(bytes).toString(),
              "policy",
              "policies/p" + i + ".yaml",
              bytes.length,
              HexFormat.of().formatHex(ArchiveHeader.sha256(bytes))));
    }
    manifest = new Manifest("working-copy", null, null, "2026-12-03T12:00:00Z", entries);
    archive = archive(manifest, files);
  }

  private static byte[] archive(Manifest m, List<byte[]> contents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArchiveWriter writer = ArchiveWriter.open(out, PASSWORD, m)) {
      for (byte[] bytes : contents) {
        writer.write(bytes);
      }
    }
    return out.toByteArray();
  }

  /** Reads every file of an archive the way import does. */
  private static List<byte[]> read(byte[] bytes, char[] password) throws Exception {
    try (ArchiveReader reader =
        ArchiveReader.open(new ByteArrayInputStream(bytes), password, "qa.apistage")) {
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < reader.manifest().entries().size(); i++) {
        out.add(reader.next(1 << 20));
      }
      reader.finish();
      return out;
    }
  }

  private static String refusal(byte[] bytes) {
    try {
      read(bytes, PASSWORD);
    } catch (BadArchive e) {
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError("not a BadArchive: " + e, e);
    }
    throw new AssertionError("the archive was accepted");
  }

  private static byte[] flip(int at) {
    byte[] copy = archive.clone();
    copy[at] ^= 0x01;
    return copy;
  }

  @Test
  void archiveReadsBackTheManifestAndEveryFile() throws Exception {
    assertThat(archive.length).isGreaterThan(H + 2 * SEALED);
    assertThat(read(archive, PASSWORD)).zipSatisfy(files, (a, b) -> assertThat(a).isEqualTo(b));
    try (ArchiveReader reader =
        ArchiveReader.open(new ByteArrayInputStream(archive), PASSWORD, "qa.apistage")) {
      assertThat(reader.manifest()).isEqualTo(manifest);
    }
  }

  @Test
  void headerStartsWithMagicVersionAndKdfParameters() {
    ByteBuffer b = ByteBuffer.wrap(archive);
    assertThat(new String(archive, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("APISTAGE-ARCHIVE");
    assertThat(b.getShort(16)).isEqualTo((short) 1);
    assertThat(b.getShort(18)).isEqualTo((short) H);
    assertThat(archive[20]).isEqualTo((byte) 1);
    assertThat(b.getInt(21)).isEqualTo(19 * 1024);
    assertThat(b.getInt(25)).isEqualTo(2);
    assertThat(archive[29]).isEqualTo((byte) 1);
    assertThat(archive[46]).isEqualTo((byte) 1);
    assertThat(b.getInt(47)).isEqualTo(65536);
  }

  @Test
  void wrongPasswordIsRefusedAsSuch() {
    assertThatThrownBy(() -> read(archive, "another password".toCharArray()))
        .isInstanceOf(BadArchive.class)
        .hasMessage(
            "wrong password for qa.apistage: set APISTAGE_ARCHIVE_PASSWORD, or the settings.xml"
                + " server apistage-archive, to the password the archive was exported with");
  }

  @Test
  void aFlippedMagicByteIsNotAnArchive() {
    assertThat(refusal(flip(3)))
        .isEqualTo(
            "qa.apistage is not an apistage archive (it does not start with APISTAGE-ARCHIVE);"
                + " pass the file an apistage export wrote");
  }

  @Test
  void aFlippedByteAnywhereInTheHeaderIsAChangedHeader() {
    // version, length, kdf id, memory, iterations, lanes, salt, cipher, chunk size, nonce prefix,
    // key check, checksum
    for (int at : new int[] {17, 19, 20, 23, 28, 29, 35, 46, 49, 53, 60, 74, 105}) {
      assertThat(refusal(flip(at)))
          .as("byte %d", at)
          .isEqualTo(
              "the header of qa.apistage was changed after it was written (its SHA-256 does not"
                  + " match); the archive is damaged or was tampered with: export it again");
    }
  }

  @Test
  void aFlippedByteInAnyChunkIsRefusedNamingTheChunk() {
    int last = archive.length - 1;
    assertThat(refusal(flip(H)))
        .startsWith(
            "qa.apistage was changed after it was written, or cut"
                + " short: chunk 0 (bytes 106 to 65657) does not authenticate");
    assertThat(refusal(flip(H + SEALED + 1000))).contains("chunk 1 (bytes 65658 to 131209)");
    assertThat(refusal(flip(H + SEALED - 1))).contains(": chunk 0 ");
    assertThat(refusal(flip(last)))
        .contains(": chunk 2 (bytes 131210 to " + last + ") does not authenticate");
  }

  @Test
  void everySingleByteFlipIsDetected() throws Exception {
    // a stride through the whole file, every region included
    for (int at = 0; at < archive.length; at += 997) {
      byte[] copy = flip(at);
      assertThatThrownBy(() -> read(copy, PASSWORD))
          .as("byte %d", at)
          .isInstanceOf(BadArchive.class);
    }
  }

  @Test
  void truncationAtChunkBoundariesIsRefusedAsTruncated() {
    assertThat(refusal(Arrays.copyOf(archive, H)))
        .isEqualTo(
            "qa.apistage is truncated: it ends right after its header, before its last chunk");
    assertThat(refusal(Arrays.copyOf(archive, H + SEALED)))
        .isEqualTo(
            "qa.apistage is truncated: it ends after chunk 0 (byte 65658), which is not its last"
                + " chunk");
    assertThat(refusal(Arrays.copyOf(archive, H + 2 * SEALED)))
        .isEqualTo(
            "qa.apistage is truncated: it ends after chunk 1 (byte 131210), which is not its last"
                + " chunk");
    assertThat(refusal(Arrays.copyOf(archive, 50)))
        .isEqualTo("qa.apistage is truncated: it ends inside its header");
  }

  @Test
  void truncationInsideAChunkOrBytesAppendedAreRefused() {
    assertThat(refusal(Arrays.copyOf(archive, archive.length - 1)))
        .contains("or cut short: chunk 2");
    assertThat(refusal(Arrays.copyOf(archive, H + SEALED + 10))).contains("or cut short: chunk 1");
    byte[] longer = Arrays.copyOf(archive, archive.length + 5);
    assertThat(refusal(longer)).contains("or cut short: chunk 2");
  }

  @Test
  void reorderedChunksAreRefused() {
    byte[] swapped = archive.clone();
    System.arraycopy(archive, H + SEALED, swapped, H, SEALED);
    System.arraycopy(archive, H, swapped, H + SEALED, SEALED);
    assertThat(refusal(swapped)).contains("or cut short: chunk 0 ");
    byte[] dropped = new byte[archive.length - SEALED];
    System.arraycopy(archive, 0, dropped, 0, H + SEALED);
    System.arraycopy(archive, H + 2 * SEALED, dropped, H + SEALED, archive.length - H - 2 * SEALED);
    assertThat(refusal(dropped)).contains("or cut short: chunk 1 ");
  }

  @Test
  void aFileThatIsNotAnArchiveIsRefused() {
    assertThat(refusal("kind: Api\nname: orders\n".getBytes(StandardCharsets.UTF_8)))
        .startsWith("qa.apistage is not an apistage archive");
    assertThat(refusal(new byte[0])).startsWith("qa.apistage is not an apistage archive");
  }

  @Test
  void aNewerFormatVersionIsRefusedWithAdvice() {
    byte[] newer = withHeader(archive, 2, null);
    assertThat(refusal(newer))
        .isEqualTo(
            "qa.apistage is an apistage archive of format version 2; this apistage reads version"
                + " 1: import it with the apistage version that exported it, or a newer one");
  }

  @Test
  void kdfParametersBeyondTheCapsAreRefusedBeforeAnyWork() {
    byte[] greedy = withHeader(archive, 1, new Kdf.Params(4 * 1024 * 1024, 2, 1));
    assertThat(refusal(greedy))
        .isEqualTo(
            "qa.apistage asks for Argon2id m=4194304 KiB, t=2, p=1; a reader accepts m=19456 KiB,"
                + " t=2, p=1 up to m=262144 KiB, t=10, p=4, so an archive can neither weaken its"
                + " password nor make import spend minutes");
    assertThat(refusal(withHeader(archive, 1, new Kdf.Params(19 * 1024, 1000, 1))))
        .contains("asks for Argon2id m=19456 KiB, t=1000, p=1");
    assertThat(refusal(withHeader(archive, 1, new Kdf.Params(1024, 2, 1))))
        .contains("asks for Argon2id m=1024 KiB, t=2, p=1");
  }

  @Test
  void bytesThatDoNotMatchTheManifestAreRefused() throws Exception {
    Manifest lying =
        new Manifest(
            "working-copy",
            null,
            null,
            "2026-12-03T12:00:00Z",
            List.of(
                new Manifest.Entry(
                    "policy/p0",
                    manifest.entries().get(0).id(),
                    "policy",
                    "policies/p0.yaml",
                    files.get(0).length,
                    "00".repeat(32))));
    assertThat(refusal(archive(lying, List.of(files.get(0)))))
        .isEqualTo("qa.apistage: policies/p0.yaml does not have the SHA-256 its manifest names");
  }

  /** The archive with another version or KDF parameters in a header whose checksum is fixed up. */
  private static byte[] withHeader(byte[] original, int version, Kdf.Params params) {
    byte[] copy = original.clone();
    ByteBuffer b = ByteBuffer.wrap(copy);
    b.putShort(16, (short) version);
    if (params != null) {
      b.putInt(21, params.memoryKib());
      b.putInt(25, params.iterations());
      copy[29] = (byte) params.parallelism();
    }
    byte[] sha = ArchiveHeader.sha256(Arrays.copyOf(copy, H - 32));
    System.arraycopy(sha, 0, copy, H - 32, 32);
    return copy;
  }
}
