package io.apistage.stage;

import io.apistage.git.CommitInfo;
import io.apistage.git.GitCredentials;
import io.apistage.git.GitNames;
import io.apistage.git.GitRemote;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.report.Json;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and writes stages' deployed state on their branches (see {@link StageLayout}): in this
 * repository ({@code refs/heads/<branch>}), or on the remote a stage names, fetched into {@code
 * refs/apistage/remotes/<stage>} before reading and written back with a push that succeeds only if
 * the remote branch has not moved. Every write is a compare-and-swap on the branch, so two runs at
 * once never lose an update.
 *
 * @since 0.1.0
 */
public final class StageStore {

  /** The trailer every commit written by apistage carries; commits without it were made by hand. */
  public static final String TRAILER = "Apistage-Stage: ";

  private final GitRepo git;
  private final Map<String, GitCredentials> servers;
  private final YamlParser parser = new YamlParser();

  /**
   * A store over a repository.
   *
   * @param git the repository
   * @param servers credentials by {@code settings.xml} server id, for stages whose state lives on a
   *     remote that needs them
   */
  public StageStore(GitRepo git, Map<String, GitCredentials> servers) {
    this.git = git;
    this.servers = Collections.unmodifiableMap(new TreeMap<>(servers));
  }

  /**
   * A stage's state at the current commit of its branch (fetched first when it lives on a remote);
   * an empty state when the branch does not exist. Files that do not parse are errors and signs of
   * a change by hand are warnings in {@link StageState#problems()}.
   *
   * @throws ApistageException when the remote cannot be reached or is not configured
   */
  public StageState read(Stage stage) throws ApistageException, IOException {
    Optional<String> commit = currentCommit(stage);
    if (commit.isEmpty()) {
      return StageState.empty(stage);
    }
    return readAt(stage, commit.get());
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
    checkNames(stage);
    Optional<String> base = expectedBase.commit();
    String commit =
        git.writeCommit(
            newTree, base.map(List::of).orElse(List.of()), withTrailer(message, stage), who);
    Stage.StateLocation location = stage.state();
    if (!location.isRemote()) {
      String reflog = "apistage: " + message.lines().findFirst().orElse("update");
      return git.compareAndSwap(location.localRef(stage.name()), base, commit, reflog)
          ? Optional.of(commit)
          : Optional.empty();
    }
    try {
      GitRemote.PushOutcome outcome =
          remote(stage).push(commit, location.remoteRef(), base, location.localRef(stage.name()));
      return outcome == GitRemote.PushOutcome.UPDATED ? Optional.of(commit) : Optional.empty();
    } catch (ApistageException e) {
      throw onStage(stage, e);
    }
  }

  /** The files of a stage's tree for its content, by path; what {@link #write} takes. */
  public Map<String, byte[]> render(StageState.StageContent content) {
    return StageLayout.render(content);
  }

  /** The commit a stage's branch points at, fetching it first when it lives on a remote. */
  public Optional<String> currentCommit(Stage stage) throws ApistageException, IOException {
    checkNames(stage);
    Stage.StateLocation location = stage.state();
    if (!location.isRemote()) {
      return git.readRef(location.localRef(stage.name()));
    }
    try {
      return remote(stage).fetch(location.remoteRef(), location.localRef(stage.name()));
    } catch (ApistageException e) {
      throw onStage(stage, e);
    }
  }

  /**
   * Refuses a stage whose {@code state.branch} is not a Git branch name or whose {@code
   * state.remote} is neither a remote's name nor an allowed URL, before any ref is read or written:
   * a stage file read from a commit has not been through its schema.
   */
  static void checkNames(Stage stage) throws ApistageException {
    Stage.StateLocation location = stage.state();
    if (!GitNames.isValidBranch(location.branch())) {
      throw new ApistageException(
          "state.branch "
              + GitNames.quote(location.branch())
              + " in "
              + stage.file()
              + " is not a valid Git branch name; give "
              + GitNames.BRANCH_RULES);
    }
    if (location.isRemote() && !GitNames.isValidRemote(location.remote())) {
      throw new ApistageException(
          "state.remote "
              + GitNames.quote(location.remote())
              + " in "
              + stage.file()
              + " is refused; give "
              + GitNames.REMOTE_RULES);
    }
  }

  private static ApistageException onStage(Stage stage, ApistageException e) {
    return new ApistageException(
        "stage " + stage.name() + " (state " + stage.state().describe() + "): " + e.getMessage(),
        e);
  }

  private GitRemote remote(Stage stage) throws ApistageException {
    Stage.StateLocation location = stage.state();
    GitCredentials credentials = null;
    if (location.server() != null) {
      credentials = servers.get(location.server());
      if (credentials == null) {
        throw new ApistageException(
            "state.server '"
                + location.server()
                + "' in "
                + stage.file()
                + " names no <server> of settings.xml"
                + (servers.isEmpty() ? "" : " (it has " + String.join(", ", servers.keySet()) + ")")
                + "; add one with <id>"
                + location.server()
                + "</id>, <username> and <password> to ~/.m2/settings.xml");
      }
    }
    try {
      return GitRemote.open(git, location.remote(), credentials);
    } catch (ApistageException e) {
      throw new ApistageException("state.remote in " + stage.file() + ": " + e.getMessage(), e);
    }
  }

  private static String withTrailer(String message, Stage stage) {
    String body = message.strip();
    return body + "\n\n" + TRAILER + stage.name() + "\n";
  }

  /** A stage's state at a given commit of its branch (for history and rollback). */
  public StageState readAt(Stage stage, String commit) throws IOException {
    return readAt(stage, commit, true);
  }

  /**
   * A stage's state for comparing it, with less memory and time than {@link #read}: the running
   * assets in plain form, the aliases, the records and the problems, but {@link
   * StageState#deployed()} and {@link StageState#authored()} empty, so the YAML trees of the
   * branch's files are not kept, and the running files compared with their authored copies only
   * when the last commit was made by hand. Such a state cannot be built on by a promotion.
   */
  public StageState readForDiff(Stage stage) throws ApistageException, IOException {
    Optional<String> commit = currentCommit(stage);
    if (commit.isEmpty()) {
      return StageState.empty(stage);
    }
    return readAt(stage, commit.get(), false);
  }

  /** One asset file of the branch, parsed. */
  private record Parsed(String key, Asset asset, List<Problem> problems) {}

  /** One running file of the branch: its plain form, and its tree only for a full read. */
  private record Running(
      String key, String file, Object plain, Asset asset, List<Problem> problems) {}

  private StageState readAt(Stage stage, String commit, boolean full) throws IOException {
    String branch = stage.state().branch();
    Map<String, String> blobs = git.listFiles(commit, "");
    List<Problem> problems = new ArrayList<>();
    List<String> runningPaths = new ArrayList<>();
    List<String> authoredPaths = new ArrayList<>();
    List<String> aliasPaths = new ArrayList<>();
    List<HistoryRecord> history = new ArrayList<>();
    String lastRecord = null;
    for (Map.Entry<String, String> e : blobs.entrySet()) {
      String path = e.getKey();
      if (path.startsWith(StageLayout.HISTORY)) {
        readRecord(branch, path, git.readBlob(e.getValue()), problems).ifPresent(history::add);
      } else if (path.equals(StageLayout.META)) {
        lastRecord = readMeta(stage, branch, git.readBlob(e.getValue()), problems);
      } else if (path.startsWith(StageLayout.AUTHORED)) {
        Optional<ConfigLoader.Placement> place =
            ConfigLoader.place(path.substring(StageLayout.AUTHORED.length()));
        if (place.isPresent() && place.get().kind() == Kind.ALIAS) {
          aliasPaths.add(path);
        } else if (place.isPresent() && StageLayout.isDeployable(place.get().kind())) {
          authoredPaths.add(path);
        }
      } else if (!path.startsWith(StageLayout.META_FOLDER)) {
        Optional<ConfigLoader.Placement> place = ConfigLoader.place(path);
        if (place.isPresent() && StageLayout.isDeployable(place.get().kind())) {
          runningPaths.add(path);
        } else {
          problems.add(
              Problem.warning(
                  branch + ":" + path,
                  Position.FILE,
                  "",
                  RuleId.STAGE_HAND_CHANGE,
                  "not part of a stage's layout (apis/<api>/v<MAJOR>.yaml, <kind folder>/<name>"
                      + ".yaml of a deployable kind, .apistage/); it was added by hand, apistage"
                      + " ignores it and the next promotion removes it"));
        }
      }
    }
    history.sort((a, b) -> Integer.compare(a.number(), b.number()));
    List<Problem> byHand = handMade(stage, commit);
    problems.addAll(byHand);
    // Files apistage committed agree with their authored copies by construction; a lean read
    // compares them only when the last commit was made by hand.
    boolean compareCopies = full || !byHand.isEmpty();

    Map<String, Asset> aliases = new TreeMap<>();
    for (Parsed alias : parseAll(branch, aliasPaths, blobs)) {
      problems.addAll(alias.problems());
      if (alias.asset() != null) {
        aliases.put(alias.asset().name(), alias.asset());
      }
    }
    AliasResolver resolver = new AliasResolver(aliases, stage.name());

    Map<String, Object> assets = new TreeMap<>();
    Map<String, Asset> deployed = new TreeMap<>();
    Map<String, String> runningFiles = new TreeMap<>();
    Set<String> unreadable = new HashSet<>();
    // Each running file becomes its plain form in the worker that parsed it, so a lean read never
    // holds the YAML trees of every file at once.
    List<Running> parsedRunning =
        runningPaths.parallelStream()
            .map(
                path -> {
                  Parsed parsed = parse(branch, path, blobs.get(path));
                  if (parsed.asset() == null) {
                    return new Running(
                        parsed.key(), branch + ":" + path, null, null, parsed.problems());
                  }
                  Object plain = Compact.of(TreeDiff.normalize(parsed.asset().body().toPlain()));
                  return new Running(
                      parsed.key(),
                      parsed.asset().file(),
                      plain,
                      full ? parsed.asset() : null,
                      parsed.problems());
                })
            .toList();
    for (Running running : parsedRunning) {
      problems.addAll(running.problems());
      if (running.plain() == null) {
        unreadable.add(running.key());
      } else if (runningFiles.putIfAbsent(running.key(), running.file()) != null) {
        problems.add(
            Problem.error(
                running.file(),
                Position.FILE,
                "",
                RuleId.STAGE_STATE,
                "defines "
                    + running.key()
                    + " again, already defined by "
                    + runningFiles.get(running.key())
                    + "; keep one file"));
      } else {
        assets.put(running.key(), running.plain());
        if (full) {
          deployed.put(running.key(), running.asset());
        }
      }
    }

    // The authored copies are parsed one by one and, for a lean read, dropped once compared.
    List<Parsed> copies =
        authoredPaths.parallelStream()
            .map(
                path -> {
                  if (!compareCopies) {
                    return new Parsed(keyOf(path), null, List.of());
                  }
                  Parsed copy = parse(branch, path, blobs.get(path));
                  List<Problem> found = new ArrayList<>(copy.problems());
                  if (copy.asset() != null) {
                    handChange(stage, copy.asset(), assets, runningFiles, blobs, resolver)
                        .ifPresent(found::add);
                  }
                  return new Parsed(copy.key(), full ? copy.asset() : null, found);
                })
            .toList();
    Map<String, Asset> authored = new TreeMap<>();
    Set<String> authoredKeys = new TreeSet<>();
    for (Parsed copy : copies) {
      problems.addAll(copy.problems());
      authoredKeys.add(copy.key());
      if (copy.asset() != null) {
        authored.put(copy.key(), copy.asset());
      }
    }
    for (String key : assets.keySet()) {
      if (!authoredKeys.contains(key)) {
        problems.add(
            Problem.warning(
                runningFiles.get(key),
                Position.FILE,
                "",
                RuleId.STAGE_HAND_CHANGE,
                key
                    + " has no authored copy under "
                    + StageLayout.AUTHORED
                    + "; it was added by hand, and the next promotion cannot resolve it anew"));
      }
    }
    for (String key : authoredKeys) {
      if (!assets.containsKey(key) && !unreadable.contains(key)) {
        problems.add(
            Problem.warning(
                branch + ":" + StageLayout.AUTHORED + StageLayout.pathOfKey(key).orElse(key),
                Position.FILE,
                "",
                RuleId.STAGE_HAND_CHANGE,
                key
                    + " has an authored copy but the stage does not run it; it was removed by hand"));
      }
    }
    return new StageState(
        stage,
        Optional.of(commit),
        assets,
        deployed,
        authored,
        aliases,
        history,
        lastRecord,
        problems);
  }

  private static String keyOf(String authoredPath) {
    ConfigLoader.Placement p =
        ConfigLoader.place(authoredPath.substring(StageLayout.AUTHORED.length())).orElseThrow();
    return Asset.key(p.kind(), p.name(), p.major());
  }

  private List<Parsed> parseAll(String branch, List<String> paths, Map<String, String> blobs) {
    return paths.parallelStream().map(path -> parse(branch, path, blobs.get(path))).toList();
  }

  /** Parses one asset file of the branch; its problems name the file {@code <branch>:<path>}. */
  private Parsed parse(String branch, String path, String blob) {
    boolean authoredCopy = path.startsWith(StageLayout.AUTHORED);
    String relative = authoredCopy ? path.substring(StageLayout.AUTHORED.length()) : path;
    ConfigLoader.Placement p = ConfigLoader.place(relative).orElseThrow();
    String key = Asset.key(p.kind(), p.name(), p.major());
    String file = branch + ":" + path;
    ParsedFile parsed;
    try {
      parsed = parser.parse(git.readBlob(blob), file);
    } catch (IOException e) {
      return new Parsed(
          key,
          null,
          List.of(
              Problem.error(
                  file,
                  Position.FILE,
                  "",
                  RuleId.STAGE_STATE,
                  "cannot read the file: " + e.getMessage())));
    }
    if (!parsed.ok()) {
      return new Parsed(key, null, parsed.problems());
    }
    if (!(parsed.root() instanceof YMap body)) {
      return new Parsed(
          key,
          null,
          List.of(
              Problem.error(
                  file,
                  parsed.root().position(),
                  "",
                  RuleId.STAGE_STATE,
                  "the document must be a mapping with kind, name and the fields of its kind")));
    }
    return new Parsed(
        key,
        new Asset(p.kind(), p.name(), p.major(), file, ConfigLoader.declaredId(body), body),
        parsed.problems());
  }

  private static Optional<HistoryRecord> readRecord(
      String branch, String path, byte[] bytes, List<Problem> problems) {
    String fileName = path.substring(StageLayout.HISTORY.length());
    Object content;
    try {
      content = Json.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(
          Problem.error(
              branch + ":" + path,
              Position.FILE,
              "",
              RuleId.STAGE_STATE,
              "the history record does not parse: " + e.getMessage()));
      return Optional.empty();
    }
    if (!(content instanceof Map<?, ?> map)) {
      problems.add(
          Problem.error(
              branch + ":" + path,
              Position.FILE,
              "",
              RuleId.STAGE_STATE,
              "a history record must be a JSON object"));
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    Optional<HistoryRecord> record = HistoryRecord.named(fileName, object);
    if (record.isEmpty()) {
      problems.add(
          Problem.warning(
              branch + ":" + path,
              Position.FILE,
              "",
              RuleId.STAGE_HAND_CHANGE,
              "ignored: a history record is named <NNNNNN>-<type>-<name>.json"));
    }
    return record;
  }

  private static String readMeta(Stage stage, String branch, byte[] bytes, List<Problem> problems) {
    ParsedFile parsed = new YamlParser().parse(bytes, branch + ":" + StageLayout.META);
    problems.addAll(parsed.problems());
    if (!parsed.ok()) {
      return null;
    }
    if (!(parsed.root() instanceof YMap meta)) {
      problems.add(
          Problem.error(
              parsed.file(),
              parsed.root().position(),
              "",
              RuleId.STAGE_STATE,
              "the stage's metadata must be a mapping with stage and lastRecord"));
      return null;
    }
    String named = meta.str("stage");
    if (named != null && !named.equals(stage.name())) {
      problems.add(
          Problem.warning(
              parsed.file(),
              meta.valuePosition("stage"),
              "/stage",
              RuleId.STAGE_HAND_CHANGE,
              "the branch holds the state of stage "
                  + named
                  + ", not of stage "
                  + stage.name()
                  + "; check state.branch in "
                  + stage.file()));
    }
    return meta.str("lastRecord");
  }

  /** A warning when the branch's last commit was not made by apistage. */
  /**
   * A {@code stage-hand-change} warning when the commit at the tip of a stage's branch was not made
   * by apistage (it lacks the {@code Apistage-Stage} trailer), else nothing.
   */
  public List<Problem> handMade(Stage stage, String commit) throws IOException {
    String branch = stage.state().branch();
    CommitInfo info = git.commitInfo(commit);
    if (info.message().lines().anyMatch(line -> line.strip().equals(TRAILER + stage.name()))) {
      return List.of();
    }
    return List.of(
        Problem.warning(
            branch,
            Position.FILE,
            "",
            RuleId.STAGE_HAND_CHANGE,
            "the last commit "
                + commit.substring(0, 12)
                + " (\""
                + info.message().lines().findFirst().orElse("")
                + "\" by "
                + info.authorName()
                + ") was not made by apistage; the stage's branch was changed by hand, so what the"
                + " stage runs may differ from its promotions; inspect it with git log "
                + branch
                + " and mvn apistage:diff -Dapistage.stage="
                + stage.name()));
  }

  /** A warning when a running asset is not what its authored copy gives for the stage. */
  private Optional<Problem> handChange(
      Stage stage,
      Asset authoredCopy,
      Map<String, Object> assets,
      Map<String, String> runningFiles,
      Map<String, String> blobs,
      AliasResolver resolver) {
    String key = authoredCopy.key();
    Object running = assets.get(key);
    if (running == null) {
      return Optional.empty();
    }
    AliasResolver.Resolved resolved = resolver.resolve(authoredCopy);
    if (!resolved.ok() || resolved.plain().equals(running)) {
      return Optional.empty();
    }
    var changes = TreeDiff.diff(resolved.plain(), running);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String field = changes.get(0).field();
    String file = runningFiles.get(key);
    String path = file.substring(stage.state().branch().length() + 1);
    Parsed reparsed = parse(stage.state().branch(), path, blobs.get(path));
    Position at =
        reparsed.asset() == null ? Position.FILE : reparsed.asset().body().positionOf(field);
    return Optional.of(
        Problem.warning(
            file,
            at,
            field,
            RuleId.STAGE_HAND_CHANGE,
            key
                + " differs from its authored copy resolved for stage "
                + stage.name()
                + " at "
                + (field.isEmpty() ? "/" : field)
                + (changes.size() > 1 ? " and " + (changes.size() - 1) + " more field(s)" : "")
                + "; it was changed by hand"));
  }
}
