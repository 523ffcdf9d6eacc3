package io.apistage.git;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a tree to commit, each a blob the repository already holds: written by a {@link
 * BlobWriter} as it was rendered, or kept from an earlier commit. Holding blob ids instead of bytes
 * keeps a tree of tens of thousands of files at a few megabytes.
 *
 * @param files path to blob id
 * @since 0.2.0
 */
public record BlobTree(Map<String, String> files) {

  public BlobTree {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** How many files the tree has. */
  public int size() {
    return files.size();
  }
}
