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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an import would do to a working copy, asset by asset: each archive asset is matched by id
 * first (an asset renamed in one repository is found in the other), then by key, and judged against
 * the overwrite setting.
 *
 * @param reports one line per archive asset, in manifest order
 * @param written the files to write, relative to the config root, sorted
 * @param removed the files to delete (the old names of renamed assets), sorted
 * @since 0.2.0
 */
record ImportPlan(List<AssetReport> reports, List<String> written, List<String> removed) {

  private static final String SAME = "already there with the same content";

  ImportPlan {
    reports = List.copyOf(reports);
    written = List.copyOf(new TreeSet<>(written));
    removed = List.copyOf(new TreeSet<>(removed));
  }

  /**
   * How the plan words what import does: as done, or, for a dry run, as what it would do.
   *
   * @param dryRun whether nothing will be written
   */
  record Words(boolean dryRun) {
    String created(String path) {
      return (dryRun ? "would create " : "created ") + path;
    }

    String replaced(String path) {
      return (dryRun ? "would replace " : "replaced ") + path;
    }

    String renamed(String old, String path) {
      return dryRun
          ? old + " would be removed, " + path + " written"
          : old + " removed, " + path + " written";
    }
  }

  /** Whether any asset failed, in which case nothing is written. */
  boolean failed() {
    return reports.stream().anyMatch(r -> r.status() == AssetStatus.FAILURE);
  }

  /**
   * Plans the import of a staged archive into a loaded working copy. A file already there with the
   * same bytes is not written again.
   */
  static ImportPlan of(
      StagedArchive archive, Config target, ConfigSource files, Overwrite overwrite, Words words)
      throws IOException {
    Map<String, Asset> byId = new HashMap<>();
    target.assets().values().forEach(a -> byId.put(a.id().toString(), a));
    List<AssetReport> reports = new ArrayList<>();
    Set<String> written = new TreeSet<>();
    Set<String> removed = new TreeSet<>();
    for (Manifest.Entry e : archive.manifest().entries()) {
      Asset sameId = byId.get(e.id());
      Asset sameKey = target.assets().get(e.key());
      AssetReport report;
      if (sameId != null && !sameId.key().equals(e.key())) {
        report = rename(e, sameId, sameKey, overwrite, words);
        if (report.status() != AssetStatus.FAILURE) {
          removed.add(sameId.file());
        }
      } else if (sameId != null || sameKey != null) {
        Asset existing = sameId != null ? sameId : sameKey;
        if (existing.file().equals(e.path()) && sameBytes(files.read(e.path()), e)) {
          // already there: nothing to write
          reports.add(new AssetReport(e.key(), AssetStatus.SUCCESS, SAME));
          continue;
        }
        report = replace(e, archive.parsed(e.path()), existing, overwrite, words);
        if (!existing.file().equals(e.path()) && report.status() != AssetStatus.FAILURE) {
          removed.add(existing.file());
        }
      } else {
        report = new AssetReport(e.key(), AssetStatus.SUCCESS, words.created(e.path()));
      }
      reports.add(report);
      if (report.status() != AssetStatus.FAILURE) {
        written.add(e.path());
      }
    }
    removed.removeAll(written);
    return new ImportPlan(reports, List.copyOf(written), List.copyOf(removed));
  }

  private static AssetReport rename(
      Manifest.Entry e, Asset old, Asset sameKey, Overwrite overwrite, Words words) {
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
            + words.renamed(old.file(), e.path()));
  }

  private static AssetReport replace(
      Manifest.Entry e, ParsedFile parsed, Asset existing, Overwrite overwrite, Words words) {
    Kind kind = existing.kind();
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
      if (!overwrite.allowsChild(kind, child) && !sameChild(existing, parsed, child)) {
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
          words.replaced(existing.file())
              + ", whose id "
              + existing.id()
              + " differs from the archive's "
              + e.id()
              + ": the archive's asset is another one of the same name");
    }
    return new AssetReport(e.key(), AssetStatus.REPLACED, words.replaced(existing.file()));
  }

  /**
   * Whether a working copy file has the bytes of an archive entry: its size and SHA-256, which the
   * archive's reader has checked the staged bytes against.
   */
  private static boolean sameBytes(byte[] ours, Manifest.Entry e) {
    return ours.length == e.size()
        && HexFormat.of().formatHex(ArchiveHeader.sha256(ours)).equals(e.sha256());
  }

  private static boolean sameChild(Asset existing, ParsedFile parsed, String child) {
    if (!parsed.ok() || !(parsed.root() instanceof YMap body)) {
      return false;
    }
    YNode theirs = body.get(child);
    YNode ours = existing.body().get(child);
    return Objects.equals(
        theirs == null ? null : theirs.toPlain(), ours == null ? null : ours.toPlain());
  }
}
