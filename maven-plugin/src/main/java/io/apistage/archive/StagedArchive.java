package io.apistage.archive;

import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.ConfigSource;
import io.apistage.model.DirectorySource;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An archive unpacked into a staging folder and checked: its manifest, and each asset's bytes in a
 * file of the staging folder at the asset's path, and parsed. The archive is decrypted one chunk at
 * a time; each file, once its SHA-256 matches the manifest, is handed to a writer thread ({@link
 * StagedWriter}) and to the parsers ({@link StagedParses}), each holding a bounded number of bytes,
 * so decrypting, writing and parsing overlap and the archive is never held whole. Every path is
 * checked before any byte is written (relative, inside the config root, where the layout puts its
 * key), and nothing counts as unpacked until the last chunk has authenticated. Closing deletes the
 * staging folder and whatever is left in it.
 *
 * @since 0.2.0
 */
final class StagedArchive implements AutoCloseable {

  /** The prefix of a staging folder's name. */
  static final String PREFIX = ".apistage-import-";

  private static final Pattern SAFE_PATH =
      Pattern.compile("[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9._-]*)+");

  private final Manifest manifest;
  private final Path folder;
  private final StagedWriter writer;
  private final StagedParses parses;

  private StagedArchive(Manifest manifest, Path folder, StagedWriter writer, StagedParses parses) {
    this.manifest = manifest;
    this.folder = folder;
    this.writer = writer;
    this.parses = parses;
  }

  /**
   * Decrypts and checks an archive into a new staging folder inside {@code parent}; on any failure
   * the staging folder is deleted before the exception leaves.
   *
   * @param archive the archive file
   * @param password its password
   * @param parent where the staging folder is made: the config root, so its files can be moved into
   *     place atomically, or a temporary folder for a dry run
   */
  static StagedArchive unpack(Path archive, char[] password, Path parent)
      throws IOException, BadArchive {
    String name = archive.getFileName().toString();
    Path folder = Files.createTempDirectory(parent, PREFIX);
    StagedWriter writer = new StagedWriter();
    StagedParses parses = new StagedParses();
    try (InputStream in = Files.newInputStream(archive);
        ArchiveReader reader = ArchiveReader.open(in, password, name)) {
      Manifest manifest = reader.manifest();
      check(manifest, name);
      for (Manifest.Entry entry : manifest.entries()) {
        byte[] bytes = reader.next(YamlParser.MAX_FILE_BYTES);
        writer.write(folder.resolve(entry.path()), bytes);
        parses.parse(entry.path(), bytes);
      }
      reader.finish();
      parses.done();
      return new StagedArchive(manifest, folder, writer, parses);
    } catch (NoSuchFileException e) {
      discard(folder, writer, parses);
      throw new BadArchive(
          "there is no archive at " + archive + "; pass -Dapistage.archive=<the exported file>");
    } catch (IOException | BadArchive | RuntimeException e) {
      discard(folder, writer, parses);
      throw e;
    }
  }

  private static void discard(Path folder, StagedWriter writer, StagedParses parses)
      throws IOException {
    parses.close();
    writer.close();
    delete(folder);
  }

  /** The manifest. */
  Manifest manifest() {
    return manifest;
  }

  /** The staging folder. */
  Path folder() {
    return folder;
  }

  /**
   * The staged files as a config source, read from the staging folder once every file is written.
   */
  ConfigSource files() {
    DirectorySource disk = new DirectorySource(folder);
    return new ConfigSource() {
      @Override
      public List<String> paths() throws IOException {
        writer.await();
        return disk.paths();
      }

      @Override
      public long size(String path) throws IOException {
        writer.await();
        return disk.size(path);
      }

      @Override
      public byte[] read(String path) throws IOException {
        writer.await();
        return disk.read(path);
      }
    };
  }

  /** An archive document's parse, made while the archive was read. */
  ParsedFile parsed(String path) throws IOException {
    return parses.get(path);
  }

  /**
   * The folder the staged files are in, once every one of them is written.
   *
   * @throws IOException when one could not be written
   */
  Path written() throws IOException {
    writer.await();
    return folder;
  }

  /** A staged file's place in the staging folder. */
  Path staged(String path) {
    return folder.resolve(path);
  }

  /** Deletes the staging folder with what is left in it. */
  @Override
  public void close() throws IOException {
    discard(folder, writer, parses);
  }

  private static void check(Manifest manifest, String name) throws BadArchive {
    Set<String> paths = new HashSet<>();
    Set<String> keys = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Manifest.Entry e : manifest.entries()) {
      if (!SAFE_PATH.matcher(e.path()).matches() || e.path().contains("..")) {
        throw new BadArchive(
            name
                + " names the path '"
                + e.path()
                + "' for "
                + e.key()
                + ", which is outside the config root or not a plain relative path; refused, nothing"
                + " written");
      }
      Optional<ConfigLoader.Placement> place = ConfigLoader.place(e.path());
      if (place.isEmpty()
          || !Asset.key(place.get().kind(), place.get().name(), place.get().major()).equals(e.key())
          || !Selection.EXPORTABLE.contains(place.get().kind())) {
        throw new BadArchive(
            name
                + " names the path "
                + e.path()
                + " for "
                + e.key()
                + ", which is not where the"
                + " layout keeps that asset; refused, nothing written");
      }
      try {
        UUID.fromString(e.id());
      } catch (IllegalArgumentException bad) {
        throw new BadArchive(name + " gives " + e.key() + " the id '" + e.id() + "', not a UUID");
      }
      if (!paths.add(e.path()) || !keys.add(e.key()) || !ids.add(e.id())) {
        throw new BadArchive(name + " names " + e.key() + " (" + e.path() + ") twice; refused");
      }
    }
  }

  /** Deletes a folder and everything in it; links are deleted, not followed. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
