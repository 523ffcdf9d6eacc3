package io.apistage.stage;

import io.apistage.git.BlobTree;
import io.apistage.git.BlobWriter;
import io.apistage.git.BranchCommits;
import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes stages' deployed state on their branches (see {@link StageLayout}): in this
 * repository ({@code refs/heads/<branch>}), or on the remote a stage names (see {@link StageRefs}).
 * Reading is {@link StageReader}'s, to the {@link StageReader.Depth} the caller names; every write
 * is a compare-and-swap on the branch, so two runs at once never lose an update.
 *
 * @since 0.1.0
 */
public final class StageStore {

  /** The trailer every commit written by apistage carries; commits without it were made by hand. */
  public static final String TRAILER = "Apistage-Stage: ";

  private final GitRepo git;
  private final StageRefs refs;
  private final StageReader reader;

  /**
   * A store over a repository.
   *
   * @param git the repository
   * @param servers credentials by {@code settings.xml} server id, for stages whose state lives on a
   *     remote that needs them
   */
  public StageStore(GitRepo git, Map<String, GitCredentials> servers) {
    this(git, servers, new StageReader.Listener() {});
  }

  /**
   * A store whose reads tell {@code listener} what they read (a writer keeps the files and bytes it
   * does not change).
   */
  public StageStore(
      GitRepo git, Map<String, GitCredentials> servers, StageReader.Listener listener) {
    this.git = git;
    this.refs = new StageRefs(git, servers);
    this.reader = new StageReader(git, listener);
  }

  /**
   * A stage's whole state ({@link StageReader.Depth#FULL}) at the current commit of its branch
   * (fetched first when it lives on a remote); an empty state when the branch does not exist. Files
   * that do not parse are errors and signs of a change by hand are warnings in {@link
   * StageState#problems()}.
   *
   * @throws StageLocationException when the remote cannot be reached or is not configured
   */
  public StageState read(Stage stage) throws StageLocationException, IOException {
    return read(stage, StageReader.Depth.FULL);
  }

  /**
   * A stage's state read to a depth at the current commit of its branch (fetched first when it
   * lives on a remote); an empty state when the branch does not exist.
   *
   * @throws StageLocationException when the remote cannot be reached or is not configured
   */
  public StageState read(Stage stage, StageReader.Depth depth)
      throws StageLocationException, IOException {
    Optional<String> commit = currentCommit(stage);
    if (commit.isEmpty()) {
      return StageState.empty(stage);
    }
    return reader.readAt(stage, commit.get(), depth);
  }

  /** A stage's state read to a depth at a given commit of its branch. */
  public StageState readAt(Stage stage, String commit, StageReader.Depth depth) throws IOException {
    return reader.readAt(stage, commit, depth);
  }

  /**
   * Writes {@code newTree} as the next commit of a stage's branch, whose parent is {@code
   * expectedBase}'s commit, and moves the branch there only if it still points at that commit.
   *
   * @param newTree every file of the new tree, by path (see {@link #render})
   * @param message the commit message; apistage adds its trailer
   * @param who the author and committer
   * @return the new commit, or empty when the branch moved since {@code expectedBase} was read
   *     (read again and retry)
   * @throws ApistageException when the remote cannot be reached or refuses the push
   */
  public Optional<String> write(
      Stage stage,
      StageState expectedBase,
      Map<String, byte[]> newTree,
      String message,
      Identity who)
      throws ApistageException, IOException {
    StageRefs.checkNames(stage);
    Optional<String> base = expectedBase.commit();
    String commit =
        git.writeCommit(
            newTree, base.map(List::of).orElse(List.of()), withTrailer(message, stage), who);
    return moveTo(stage, base, commit, message);
  }

  /**
   * Like {@link #write(Stage, StageState, Map, String, Identity)} for a tree whose files are blobs
   * the repository holds already (written as they were rendered), so no file's bytes are held.
   */
  public Optional<String> write(
      Stage stage, StageState expectedBase, BlobTree newTree, String message, Identity who)
      throws ApistageException, IOException {
    StageRefs.checkNames(stage);
    Optional<String> base = expectedBase.commit();
    String commit;
    try (BlobWriter writer = new BlobWriter(git)) {
      commit =
          writer.commit(
              newTree, base.map(List::of).orElse(List.of()), withTrailer(message, stage), who);
    }
    return moveTo(stage, base, commit, message);
  }

  /** Moves a stage's branch from {@code base} to {@code commit}; empty when it moved meanwhile. */
  private Optional<String> moveTo(Stage stage, Optional<String> base, String commit, String message)
      throws ApistageException, IOException {
    String reflog = "apistage: " + message.lines().findFirst().orElse("update");
    return refs.compareAndSwap(stage, base, commit, reflog)
        ? Optional.of(commit)
        : Optional.empty();
  }

  /**
   * Adds one record to a stage's history as the next commit of its branch, keeping every other file
   * as it is (the metadata names the record as the last one), and moves the branch only if it still
   * points at {@code expectedBase}'s commit. For records that change no asset, such as notice
   * deliveries.
   *
   * @return the new commit, or empty when the branch moved since {@code expectedBase} was read
   * @throws ApistageException when the stage has no branch yet, or its remote refuses the push
   */
  public Optional<String> appendRecord(
      Stage stage, StageState expectedBase, HistoryRecord record, String message, Identity who)
      throws ApistageException, IOException {
    StageRefs.checkNames(stage);
    String base =
        expectedBase
            .commit()
            .orElseThrow(
                () ->
                    new ApistageException(
                        "stage " + stage.name() + " has no branch to add a record to"));
    Map<String, byte[]> files = new TreeMap<>();
    files.put(record.path(), StageLayout.recordBytes(record));
    files.put(StageLayout.META, StageLayout.metaBytes(stage.name(), record.id()));
    String commit =
        new BranchCommits(git).writeCommitAdding(base, files, withTrailer(message, stage), who);
    return moveTo(stage, Optional.of(base), commit, message);
  }

  /** The files of a stage's tree for its content, by path; what {@link #write} takes. */
  public Map<String, byte[]> render(StageState.StageContent content) {
    return StageLayout.render(content);
  }

  /** The commit a stage's branch points at, fetching it first when it lives on a remote. */
  public Optional<String> currentCommit(Stage stage) throws StageLocationException, IOException {
    return refs.currentCommit(stage);
  }

  private static String withTrailer(String message, Stage stage) {
    String body = message.strip();
    return body + "\n\n" + TRAILER + stage.name() + "\n";
  }
}
