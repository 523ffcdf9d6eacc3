package io.apistage.promotion;

import io.apistage.git.BlobTree;
import io.apistage.git.BlobWriter;
import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.report.Json;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.StageLayout;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.yaml.YMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a stage's content into the files of its next commit in the layout of {@link StageLayout},
 * without redoing work: an authored copy keeps the blob it was read from (the source file or the
 * source stage's copy, so it is stored as authored and shared with the source), an asset or record
 * the stage already had keeps its blob, and only new or changed assets are written as normalized
 * YAML, on all cores, each stored as soon as it is rendered so no file's bytes are held for long.
 *
 * <p>It also remembers which document was parsed from which blob, so a stage read reuses the tree
 * parsed at the checked-out commit instead of parsing the same blob again.
 *
 * @since 0.1.0
 */
final class TreeRenderer implements StageReader.Listener {

  private final GitRepo git;
  private final Map<YMap, String> authoredBlobs =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<String, YMap> parsedByBlob = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> listings = new ConcurrentHashMap<>();

  TreeRenderer(GitRepo git) {
    this.git = git;
  }

  /** Remembers the blob a document was parsed from, to store it as authored. */
  @Override
  public void authoredCopy(YMap body, String blob) {
    authoredBlobs.put(body, blob);
  }

  /**
   * Remembers a document of the checked-out commit, parsed without a problem from a blob: stored as
   * authored by that blob, and reused by a stage read of the same blob.
   */
  void parsedAtHead(YMap body, String blob) {
    authoredBlobs.put(body, blob);
    parsedByBlob.putIfAbsent(blob, body);
  }

  @Override
  public YMap parsed(String blob) {
    return parsedByBlob.get(blob);
  }

  /** Remembers the files of a stage commit, to keep the files of what does not change. */
  @Override
  public void listed(String commit, Map<String, String> blobs) {
    listings.put(commit, blobs);
  }

  /** The files of the next commit after {@code base} for {@code content}, stored as blobs. */
  BlobTree render(StageState base, StageState.StageContent content) throws IOException {
    Map<String, String> before =
        base.commit().map(c -> listings.getOrDefault(c, Map.of())).orElse(Map.of());
    List<Task> tasks = new ArrayList<>();
    content
        .running()
        .forEach(
            (key, plain) -> {
              String path =
                  StageLayout.pathOfKey(key)
                      .orElseThrow(() -> new IllegalArgumentException("not an asset key: " + key));
              boolean same = base.assets().get(key) == plain && before.containsKey(path);
              tasks.add(new Task(path, same ? before.get(path) : null, plain, null));
            });
    for (Asset asset : content.authored().values()) {
      tasks.add(
          new Task(
              StageLayout.AUTHORED + StageLayout.path(asset.kind(), asset.name(), asset.major()),
              null,
              null,
              asset));
    }
    for (Asset alias : content.aliases().values()) {
      tasks.add(
          new Task(
              StageLayout.AUTHORED + StageLayout.path(Kind.ALIAS, alias.name(), 0),
              null,
              null,
              alias));
    }
    Map<String, String> out = new ConcurrentHashMap<>();
    try (BlobWriter writer = new BlobWriter(git)) {
      for (HistoryRecord record : content.history()) {
        String blob = before.get(record.path());
        out.put(
            record.path(),
            blob != null
                ? blob
                : writer.write(Json.write(record.content()).getBytes(StandardCharsets.UTF_8)));
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("stage", content.stage());
      meta.put("lastRecord", content.lastRecord());
      out.put(StageLayout.META, writer.write(utf8(StageLayout.yaml(meta))));
      try {
        tasks.parallelStream().forEach(task -> out.put(task.path(), blob(task, writer)));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      writer.flush();
    }
    return new BlobTree(out);
  }

  private record Task(String path, String keptBlob, Object plain, Asset authored) {}

  private String blob(Task task, BlobWriter writer) {
    try {
      if (task.keptBlob() != null) {
        return task.keptBlob();
      }
      if (task.authored() != null) {
        String blob = authoredBlobs.get(task.authored().body());
        return blob != null
            ? blob
            : writer.write(utf8(StageLayout.yaml(task.authored().body().toPlain())));
      }
      return writer.write(utf8(StageLayout.yaml(task.plain())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
