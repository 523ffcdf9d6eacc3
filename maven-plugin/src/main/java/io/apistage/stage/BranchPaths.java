package io.apistage.stage;

import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The paths of a stage branch's tree sorted by their role in {@link StageLayout}; a path outside
 * the layout is a {@code stage-hand-change} warning, never silently skipped.
 *
 * @param running the running assets
 * @param authored the authored copies of deployable assets
 * @param aliases the authored aliases
 * @param history the history records
 * @param meta the metadata file, or null when the tree has none
 * @param problems one warning per path outside the layout
 */
record BranchPaths(
    List<String> running,
    List<String> authored,
    List<String> aliases,
    List<String> history,
    String meta,
    List<Problem> problems) {

  /** The paths of a tree, sorted; problems name the files {@code <branch>:<path>}. */
  static BranchPaths sort(String branch, Collection<String> all) {
    List<String> running = new ArrayList<>();
    List<String> authored = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    List<String> history = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String meta = null;
    for (String path : all) {
      if (path.startsWith(StageLayout.HISTORY)) {
        history.add(path);
      } else if (path.equals(StageLayout.META)) {
        meta = path;
      } else if (path.startsWith(StageLayout.AUTHORED)) {
        Optional<Kind> kind = kindAt(path.substring(StageLayout.AUTHORED.length()));
        if (kind.isPresent() && kind.get() == Kind.ALIAS) {
          aliases.add(path);
        } else if (kind.isPresent() && StageLayout.isDeployable(kind.get())) {
          authored.add(path);
        } else {
          problems.add(outsideLayout(branch, path));
        }
      } else if (!path.startsWith(StageLayout.META_FOLDER)) {
        Optional<Kind> kind = kindAt(path);
        if (kind.isPresent() && StageLayout.isDeployable(kind.get())) {
          running.add(path);
        } else {
          problems.add(outsideLayout(branch, path));
        }
      }
    }
    return new BranchPaths(running, authored, aliases, history, meta, problems);
  }

  private static Optional<Kind> kindAt(String path) {
    return ConfigLoader.place(path).map(ConfigLoader.Placement::kind);
  }

  private static Problem outsideLayout(String branch, String path) {
    return Problem.warning(
        branch + ":" + path,
        Position.FILE,
        "",
        RuleId.STAGE_HAND_CHANGE,
        "not part of a stage's layout (apis/<api>/v<MAJOR>.yaml, <kind folder>/<name>"
            + ".yaml of a deployable kind, .apistage/); it was added by hand, apistage"
            + " ignores it and the next promotion removes it");
  }
}
