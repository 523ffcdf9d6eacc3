package io.apistage.archive;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigSource;
import io.apistage.model.Kind;
import io.apistage.promotion.AssetReport;
import io.apistage.promotion.AssetStatus;
import io.apistage.promotion.Overwrite;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an import would do to a working copy, asset by asset: each archive asset is matched by id
 * first (an asset renamed in one repository is found in the other), then by key, and judged against
 * the overwrite setting.
 *
 * @param reports one line per archive asset, in manifest order
 * @param written the files to write, by path relative to the config root
 * @param removed the files to delete (the old names of renamed assets)
 * @since 0.2.0
 */
record ImportPlan(List<AssetReport> reports, Map<String, byte[]> written, Set<String> removed) {

  ImportPlan {
    reports = List.copyOf(reports);
    written = new TreeMap<>(written);
    removed = Set.copyOf(new TreeSet<>(removed));
  }

  /** Whether any asset failed, in which case nothing is written. */
  boolean failed() {
    return reports.stream().anyMatch(r -> r.status() == AssetStatus.FAILURE);
  }

  /** Plans an archive's import into a loaded working copy. */
  static ImportPlan of(
      ArchiveContents archive, Config target, ConfigSource files, Overwrite overwrite)
      throws IOException {
    Map<String, Asset> byId = new HashMap<>();
    target.assets().values().forEach(a -> byId.put(a.id().toString(), a));
    List<AssetReport> reports = new ArrayList<>();
    Map<String, byte[]> written = new TreeMap<>();
    Set<String> removed = new TreeSet<>();
    for (Map.Entry<Manifest.Entry, byte[]> file : archive.files().entrySet()) {
      Manifest.Entry e = file.getKey();
      byte[] bytes = file.getValue();
      Asset sameId = byId.get(e.id());
      Asset sameKey = target.assets().get(e.key());
      AssetReport report;
      if (sameId != null && !sameId.key().equals(e.key())) {
        report = rename(e, sameId, sameKey, overwrite);
        if (report.status() != AssetStatus.FAILURE) {
          removed.add(sameId.file());
        }
      } else if (sameId != null || sameKey != null) {
        Asset existing = sameId != null ? sameId : sameKey;
        report = replace(e, bytes, existing, files, overwrite);
        if (!existing.file().equals(e.path()) && report.status() != AssetStatus.FAILURE) {
          removed.add(existing.file());
        }
      } else {
        report = new AssetReport(e.key(), AssetStatus.SUCCESS, "created " + e.path());
      }
      reports.add(report);
      if (report.status() != AssetStatus.FAILURE) {
        written.put(e.path(), bytes);
      }
    }
    removed.removeAll(written.keySet());
    return new ImportPlan(reports, written, removed);
  }

  private static AssetReport rename(
      Manifest.Entry e, Asset old, Asset sameKey, Overwrite overwrite) {
    Kind kind = old.kind();
    if (sameKey != null) {
      return new AssetReport(
          e.key(),
          AssetStatus.FAILURE,
          "its id "
              + e.id()
              + " belongs to "
              + old.key()
              + " here, and "
              + e.key()
              + " is another asset ("
              + sameKey.file()
              + "); rename or remove one of them first");
    }
    if (!overwrite.allows(kind)) {
      return new AssetReport(
          e.key(),
          AssetStatus.FAILURE,
          "renamed from "
              + old.key()
              + " (same id "
              + e.id()
              + "); overwrite "
              + overwrite
              + " does not let import replace a "
              + kind.id()
              + ": pass -Dapistage.overwrite=all or -Dapistage.overwrite="
              + kind.id());
    }
    return new AssetReport(
        e.key(),
        AssetStatus.REPLACED,
        "renamed from "
            + old.key()
            + " (same id "
            + e.id()
            + "): "
            + old.file()
            + " removed, "
            + e.path()
            + " written");
  }

  private static AssetReport replace(
      Manifest.Entry e, byte[] bytes, Asset existing, ConfigSource files, Overwrite overwrite)
      throws IOException {
    Kind kind = existing.kind();
    boolean sameBytes =
        existing.file().equals(e.path()) && Arrays.equals(files.read(e.path()), bytes);
    if (sameBytes) {
      return new AssetReport(e.key(), AssetStatus.SUCCESS, "already there with the same content");
    }
    if (!overwrite.allows(kind)) {
      return new AssetReport(
          e.key(),
          AssetStatus.FAILURE,
          "exists in this repository ("
              + existing.file()
              + ") with other content; overwrite "
              + overwrite
              + " leaves it: pass -Dapistage.overwrite=all or -Dapistage.overwrite="
              + kind.id()
              + " to replace it");
    }
    for (String child : Overwrite.CHILDREN.getOrDefault(kind, List.of())) {
      if (!overwrite.allowsChild(kind, child) && !sameChild(existing, bytes, child)) {
        return new AssetReport(
            e.key(),
            AssetStatus.FAILURE,
            "its "
                + child
                + " differ from "
                + existing.file()
                + "'s and overwrite does not list "
                + kind.id()
                + "."
                + child
                + ": add it to -Dapistage.overwrite");
      }
    }
    if (!existing.id().toString().equals(e.id())) {
      return new AssetReport(
          e.key(),
          AssetStatus.WARNING,
          "replaced "
              + existing.file()
              + ", whose id "
              + existing.id()
              + " differs from the archive's "
              + e.id()
              + ": the archive's asset is another one of the same name");
    }
    return new AssetReport(e.key(), AssetStatus.REPLACED, "replaced " + existing.file());
  }

  private static boolean sameChild(Asset existing, byte[] bytes, String child) {
    ParsedFile parsed = new YamlParser().parse(bytes, "archive");
    if (!parsed.ok() || !(parsed.root() instanceof YMap body)) {
      return false;
    }
    YNode theirs = body.get(child);
    YNode ours = existing.body().get(child);
    return Objects.equals(
        theirs == null ? null : theirs.toPlain(), ours == null ? null : ours.toPlain());
  }
}
