package io.apistage.archive;

import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An archive read whole and checked: its manifest, and each asset's bytes by manifest entry. Every
 * path is checked before any byte is kept: relative, inside the config root, where the layout puts
 * its key.
 *
 * @param manifest the manifest
 * @param files the bytes of each entry, in manifest order
 * @since 0.2.0
 */
record ArchiveContents(Manifest manifest, Map<Manifest.Entry, byte[]> files) {

  private static final Pattern SAFE_PATH =
      Pattern.compile("[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9._-]*)+");

  /** Reads and checks an archive file. */
  static ArchiveContents read(Path archive, char[] password) throws IOException, BadArchive {
    String name = archive.getFileName().toString();
    Map<Manifest.Entry, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(archive);
        ArchiveReader reader = ArchiveReader.open(in, password, name)) {
      Manifest manifest = reader.manifest();
      check(manifest, name);
      for (Manifest.Entry entry : manifest.entries()) {
        files.put(entry, reader.next(YamlParser.MAX_FILE_BYTES));
      }
      reader.finish();
      return new ArchiveContents(manifest, files);
    } catch (NoSuchFileException e) {
      throw new BadArchive(
          "there is no archive at " + archive + "; pass -Dapistage.archive=<the exported file>");
    }
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
}
