package io.apistage.promotion;

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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a stage's content into the files of its next commit in the layout of {@link StageLayout},
 * without redoing work: an authored copy keeps the bytes it was read with (the source file or the
 * source stage's copy, so it is stored as authored and its blob is shared with the source), an
 * asset or record the stage already had keeps its file, and only new or changed assets are written
 * as normalized YAML, on all cores.
 *
 * @since 0.1.0
 */
final class TreeRenderer implements StageReader.Listener {

  private final GitRepo git;
  private final Map<YMap, byte[]> authoredBytes =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<String, Map<String, String>> listings = new ConcurrentHashMap<>();

  TreeRenderer(GitRepo git) {
    this.git = git;
  }

  /** Remembers the bytes a document was parsed from, to store it as authored. */
  @Override
  public void authoredCopy(YMap body, byte[] bytes) {
    authoredBytes.put(body, bytes);
  }

  /** Remembers the files of a stage commit, to keep the files of what does not change. */
  @Override
  public void listed(String commit, Map<String, String> blobs) {
    listings.put(commit, blobs);
  }

  /** The files of the next commit after {@code base} for {@code content}. */
  Map<String, byte[]> render(StageState base, StageState.StageContent content) throws IOException {
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
    Map<String, byte[]> out = new ConcurrentHashMap<>();
    for (HistoryRecord record : content.history()) {
      String blob = before.get(record.path());
      out.put(
          record.path(),
          blob != null
              ? git.readBlob(blob)
              : Json.write(record.content()).getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("stage", content.stage());
    meta.put("lastRecord", content.lastRecord());
    out.put(StageLayout.META, utf8(StageLayout.yaml(meta)));
    try {
      tasks.parallelStream().forEach(task -> out.put(task.path(), bytes(task)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new TreeMap<>(out);
  }

  private record Task(String path, String keptBlob, Object plain, Asset authored) {}

  private byte[] bytes(Task task) {
    try {
      if (task.keptBlob() != null) {
        return git.readBlob(task.keptBlob());
      }
      if (task.authored() != null) {
        byte[] raw = authoredBytes.get(task.authored().body());
        return raw != null ? raw : utf8(StageLayout.yaml(task.authored().body().toPlain()));
      }
      return utf8(StageLayout.yaml(task.plain()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
