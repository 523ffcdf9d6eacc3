package io.apistage.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The report folder across the goals run at one commit: which files apistage wrote in it, so that
 * the reports written at an earlier commit do not linger beside this one's (a CI job that uploads
 * {@code target/apistage/*.md} would post a stale {@code diff.md}).
 *
 * <p>The folder keeps a manifest, {@value #MANIFEST}: what the reports describe on the first line
 * (a commit, or a build outside Git), then the name of every file apistage wrote for it. The first
 * goal run for something else deletes the files the manifest lists (and only those: a file apistage
 * did not write is never touched) and starts a new manifest; every goal then adds the files it
 * wrote.
 *
 * @since 0.1.0
 */
public final class ReportFolder {

  /** The manifest's file name in the report folder. */
  public static final String MANIFEST = ".apistage-reports";

  private final Path dir;
  private final Map<String, Object> before;

  private ReportFolder(Path dir, Map<String, Object> before) {
    this.dir = dir;
    this.before = before;
  }

  /**
   * Opens the folder for one goal: when the manifest is of something else, deletes the files it
   * lists and starts the manifest of {@code build}.
   *
   * @param dir the report folder
   * @param build what the reports describe: the commit checked out, or a build's start time
   */
  public static ReportFolder open(Path dir, String build) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(build)) {
        for (String name : lines.subList(Math.min(1, lines.size()), lines.size())) {
          deleteListed(dir, name);
        }
        Files.writeString(manifest, build + "\n", StandardCharsets.UTF_8);
      }
    } else if (Files.isDirectory(dir)) {
      Files.writeString(manifest, build + "\n", StandardCharsets.UTF_8);
    } else {
      Files.createDirectories(dir);
      Files.writeString(manifest, build + "\n", StandardCharsets.UTF_8);
    }
    return new ReportFolder(dir, snapshot(dir));
  }

  /**
   * The files written since {@link #open}, sorted by name, now listed in the manifest as this
   * build's.
   */
  public List<Path> written() throws IOException {
    Map<String, Object> after = snapshot(dir);
    List<Path> out = new ArrayList<>();
    after.forEach(
        (name, stamp) -> {
          if (!Objects.equals(before.get(name), stamp)) {
            out.add(dir.resolve(name));
          }
        });
    Path manifest = dir.resolve(MANIFEST);
    Set<String> listed = new LinkedHashSet<>(Files.readAllLines(manifest, StandardCharsets.UTF_8));
    out.forEach(p -> listed.add(p.getFileName().toString()));
    Files.writeString(manifest, String.join("\n", listed) + "\n", StandardCharsets.UTF_8);
    return out;
  }

  /** Deletes a file the manifest lists, when it is a plain name of a regular file in the folder. */
  private static void deleteListed(Path dir, String name) throws IOException {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      return;
    }
    Path file = dir.resolve(name);
    if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(file);
    }
  }

  /** Every regular file of the folder but the hidden ones, with what tells a rewrite apart. */
  private static Map<String, Object> snapshot(Path dir) throws IOException {
    Map<String, Object> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isRegularFile() && !name.startsWith(".")) {
          out.put(name, List.of(a.lastModifiedTime(), String.valueOf(a.fileKey()), a.size()));
        }
      }
    }
    return out;
  }
}
