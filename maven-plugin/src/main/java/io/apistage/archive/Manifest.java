package io.apistage.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an archive holds (docs/archive.md): where the assets came from and, per asset, its key, id,
 * kind, path, size and SHA-256, in the order their bytes follow the manifest.
 *
 * @param source {@code working-copy} or {@code stage}
 * @param stage the stage exported, or null for the working copy
 * @param commit the source commit (the stage branch's commit, or HEAD), or null outside Git
 * @param created when the archive was written, ISO-8601 UTC
 * @param entries the assets
 * @since 0.2.0
 */
public record Manifest(
    String source, String stage, String commit, String created, List<Entry> entries) {

  public Manifest {
    entries = List.copyOf(entries);
  }

  /**
   * One asset of the archive.
   *
   * @param key the asset key, e.g. {@code api/orders@1}
   * @param id the asset's id (declared or derived)
   * @param kind the key's kind word, e.g. {@code api}
   * @param path the file, relative to the config root
   * @param size the file's length in bytes
   * @param sha256 the file's SHA-256, lower-case hex
   */
  public record Entry(String key, String id, String kind, String path, long size, String sha256) {

    Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("key", key);
      out.put("id", id);
      out.put("kind", kind);
      out.put("path", path);
      out.put("size", size);
      out.put("sha256", sha256);
      return out;
    }
  }

  /** The manifest as plain JSON values. */
  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", ArchiveHeader.VERSION);
    out.put("source", source);
    out.put("stage", stage);
    out.put("commit", commit);
    out.put("created", created);
    List<Object> assets = new ArrayList<>();
    entries.forEach(e -> assets.add(e.toMap()));
    out.put("assets", assets);
    return out;
  }

  /** A manifest read back from its JSON form; a missing or mistyped field is refused. */
  static Manifest fromMap(Object json, String name) throws BadArchive {
    if (!(json instanceof Map<?, ?> map) || !(map.get("assets") instanceof List<?> assets)) {
      throw new BadArchive(name + " has no list of assets in its manifest");
    }
    List<Entry> entries = new ArrayList<>();
    for (Object item : assets) {
      if (!(item instanceof Map<?, ?> a)
          || !(a.get("size") instanceof Number size)
          || size.longValue() < 0) {
        throw new BadArchive(name + " has a manifest entry without a size: " + item);
      }
      entries.add(
          new Entry(
              text(a, "key", name),
              text(a, "id", name),
              text(a, "kind", name),
              text(a, "path", name),
              size.longValue(),
              text(a, "sha256", name)));
    }
    return new Manifest(
        optional(map, "source"),
        optional(map, "stage"),
        optional(map, "commit"),
        optional(map, "created"),
        entries);
  }

  private static String text(Map<?, ?> map, String field, String name) throws BadArchive {
    if (!(map.get(field) instanceof String s)) {
      throw new BadArchive(name + " has a manifest entry without " + field + ": " + map);
    }
    return s;
  }

  private static String optional(Map<?, ?> map, String field) {
    return map.get(field) instanceof String s ? s : null;
  }
}
