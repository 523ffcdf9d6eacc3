package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.model.ConfigSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files under one folder of a commit's tree, read lazily from Git, as a {@link ConfigSource}
 * whose paths are relative to that folder.
 */
final class GitTreeSource implements ConfigSource {

  private final GitRepo git;
  private final Map<String, String> blobs;

  /** The files of {@code blobsByPath} (whole-tree paths to blob ids) under {@code folder}. */
  GitTreeSource(GitRepo git, Map<String, String> blobsByPath, String folder, List<String> excludedFolders) {
    this.git = git;
    this.blobs = new TreeMap<>();
    blobsByPath.forEach(
        (path, blob) -> {
          if (path.startsWith(folder) && excludedFolders.stream().noneMatch(path::startsWith)) {
            blobs.put(path.substring(folder.length()), blob);
          }
        });
  }

  @Override
  public List<String> paths() {
    return new ArrayList<>(blobs.keySet());
  }

  @Override
  public long size(String path) throws IOException {
    return git.blobSize(blob(path));
  }

  @Override
  public byte[] read(String path) throws IOException {
    return git.readBlob(blob(path));
  }

  private String blob(String path) throws IOException {
    String id = blobs.get(path);
    if (id == null) {
      throw new IOException("no such file: " + path);
    }
    return id;
  }
}
