package io.apistage.stage;

import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one reader of a stage's branch (the layout of {@link StageLayout}) at a commit, to a {@link
 * Depth} the caller names. Whatever the depth, a file is judged the same way: an asset file,
 * authored copy, history record or metadata file that does not parse is an error at its {@code
 * <branch>:<path>} (and its line and column when the parser gives one), a file outside the layout
 * and a branch changed by hand are {@code stage-hand-change} warnings; nothing is dropped without a
 * problem.
 *
 * <p>An authored copy, once parsed, is reused by blob id for the reader's life (the same asset has
 * the same bytes on dev, qa and prod), for the depths that keep authored copies; so is a document
 * the {@link Listener} parsed from the same blob already (the file at the checked-out commit that a
 * promotion copied), so a promotion holds one tree per document, not one per place it is read.
 *
 * @since 0.1.0
 */
public final class StageReader {

  /** What a read parses and fills in the {@link StageState}. */
  public enum Depth {
    /** The metadata and the history records; no asset is read. */
    HISTORY(false, false, false),
    /**
     * Also the running assets, in plain form only ({@link StageState#assets()}), compared with
     * their authored copies only when the last commit was made by hand: what {@code diff} compares,
     * with the least memory. Such a state cannot be built on by a promotion.
     */
    RUNNING(true, false, false),
    /** Everything: the running assets with their positions, the authored copies, the aliases. */
    FULL(true, true, false),
    /**
     * The running assets a gateway serves (Apis, Applications, Subscriptions, Packages, Plans,
     * Policies; not the aliases, already resolved in them, nor teams, stages or promotions),
     * without the fields no gateway renders ({@link Served#FIELDS_NOT_RENDERED}), their positions
     * found again on demand ({@link StageState#deployed()} parses a file when asked for it); the
     * authored copies and aliases read and compared only when the last commit was made by hand (as
     * for {@link #RUNNING}): what a deploy renders and places its problems in, without holding
     * every tree or parsing every authored copy and alias too.
     */
    DEPLOYED(true, false, false),
    /** The authored copies and aliases, no running assets: what a promotion takes from a stage. */
    AUTHORED(false, true, false),
    /**
     * The authored copies and aliases, and as running assets the copies resolved for the stage
     * (what promotions write, faster than parsing the running files): what a promotion builds on.
     */
    RESOLVED(false, true, true);

    private final boolean running;
    private final boolean authored;
    private final boolean resolved;

    Depth(boolean running, boolean authored, boolean resolved) {
      this.running = running;
      this.authored = authored;
      this.resolved = resolved;
    }
  }

  /** Sees what a read found, so a writer can keep files and bytes it does not change. */
  public interface Listener {
    /** The files of a commit of a stage, path to blob id. */
    default void listed(String commit, Map<String, String> blobs) {}

    /** The blob an authored copy or alias was parsed from. */
    default void authoredCopy(YMap body, String blob) {}

    /**
     * A document parsed already from a blob (the same file at the checked-out commit), reused
     * instead of parsing the blob again, or null.
     */
    default YMap parsed(String blob) {
      return null;
    }
  }

  private final GitRepo git;
  private final Listener listener;
  private final YamlParser parser = new YamlParser();

  // a deploy keeps the bytes of what it serves and finds a position again from them when asked
  private final YamlParser servedParser = YamlParser.withoutPositions(Served.FIELDS_NOT_RENDERED);

  private final Map<String, YMap> authoredByBlob = new ConcurrentHashMap<>();

  /** A reader over a repository, telling {@code listener} what it reads. */
  public StageReader(GitRepo git, Listener listener) {
    this.git = git;
    this.listener = listener;
  }

  /** One asset file of the branch: its key, the asset (null when it did not parse), its blob. */
  private record Parsed(String key, Asset asset, String blob, List<Problem> problems) {}

  /** One running file: its key, file, plain form (null when it did not parse), asset if kept. */
  private record Running(
      String key,
      String file,
      Object plain,
      Asset asset,
      AssetsOnDemand.Source source,
      List<Problem> problems) {}

  /** A stage's state at a commit of its branch, read to a depth. */
  public StageState readAt(Stage stage, String commit, Depth depth) throws IOException {
    Map<String, String> blobs = git.listFiles(commit, "");
    listener.listed(commit, blobs);
    Read read = new Read(stage, blobs, depth);
    read.readHistory();
    List<Problem> byHand = HandChanges.checkLastCommit(git, stage, commit);
    read.problems.addAll(byHand);
    if (depth != Depth.HISTORY) {
      boolean compare = depth.running && (depth.authored || !byHand.isEmpty());
      // a deploy renders the running files, which hold their aliases resolved already
      boolean aliases = depth != Depth.DEPLOYED || compare;
      AliasResolver resolver =
          aliases ? read.readAliases() : new AliasResolver(Map.of(), stage.name());
      if (depth.running) {
        // a hand-made commit compares every authored copy with its running file
        read.readRunning(depth == Depth.DEPLOYED && !compare);
      }
      // Files apistage committed agree with their authored copies by construction; a RUNNING
      // read compares them only when the last commit was made by hand.
      read.readAuthored(resolver, compare);
      if (depth.resolved) {
        Map<String, Object> resolved = new ConcurrentHashMap<>();
        read.authored.values().parallelStream()
            .forEach(asset -> resolved.put(asset.key(), resolver.resolve(asset).plain()));
        read.running.putAll(resolved);
      }
    }
    StageState.StageContent content =
        new StageState.StageContent(
            stage.name(), read.running, read.authored, read.aliases, read.history, read.lastRecord);
    Map<String, Asset> deployed =
        depth == Depth.DEPLOYED ? new AssetsOnDemand(read.onDemand, parser) : read.deployed;
    return new StageState(stage, Optional.of(commit), content, deployed, read.problems);
  }

  /** One read of a branch's tree: what it found so far. */
  private final class Read {
    final Stage stage;
    final String branch;
    final Map<String, String> blobs;
    final Depth depth;
    final BranchPaths paths;
    final List<Problem> problems = new ArrayList<>();
    final List<HistoryRecord> history = new ArrayList<>();
    String lastRecord;
    final Map<String, Object> running = new TreeMap<>();
    final Map<String, Asset> deployed = new TreeMap<>();
    final Map<String, AssetsOnDemand.Source> onDemand = new TreeMap<>();
    final Map<String, Asset> authored = new TreeMap<>();
    final Map<String, Asset> aliases = new TreeMap<>();
    final Map<String, String> runningFiles = new TreeMap<>();
    final Set<String> unreadable = new HashSet<>();
    boolean servedOnly;

    Read(Stage stage, Map<String, String> blobs, Depth depth) {
      this.stage = stage;
      this.branch = stage.state().branch();
      this.blobs = blobs;
      this.depth = depth;
      this.paths = BranchPaths.sort(branch, blobs.keySet());
      problems.addAll(paths.problems());
    }

    /** The history records, oldest first, and the metadata. */
    void readHistory() throws IOException {
      for (String path : paths.history()) {
        HistoryRecord.parse(
                branch + ":" + path,
                path.substring(StageLayout.HISTORY.length()),
                git.readBlob(blobs.get(path)),
                problems)
            .ifPresent(history::add);
      }
      history.sort(Comparator.comparingInt(HistoryRecord::number));
      if (paths.meta() != null) {
        lastRecord =
            StageLayout.readMeta(
                stage,
                parser.parse(git.readBlob(blobs.get(paths.meta())), branch + ":" + paths.meta()),
                problems);
      }
    }

    /** The authored aliases, and a resolver for the stage over them. */
    AliasResolver readAliases() throws IOException {
      for (Parsed alias : parseAll(branch, paths.aliases(), blobs, depth.authored)) {
        problems.addAll(alias.problems());
        if (alias.asset() != null) {
          aliases.put(alias.asset().name(), alias.asset());
          keepBytes(alias);
        }
      }
      return new AliasResolver(aliases, stage.name());
    }

    /**
     * The running files, each parsed into its plain form in the worker that parsed it, so a RUNNING
     * read never holds the YAML trees of every file at once.
     */
    void readRunning(boolean servedOnly) throws IOException {
      this.servedOnly = servedOnly;
      List<Running> parsed =
          parallel(servedOnly ? Served.paths(paths.running()) : paths.running(), this::running);
      for (Running file : parsed) {
        problems.addAll(file.problems());
        if (file.plain() == null) {
          unreadable.add(file.key());
        } else if (runningFiles.putIfAbsent(file.key(), file.file()) != null) {
          problems.add(
              Problem.error(
                  file.file(),
                  Position.FILE,
                  "",
                  RuleId.STAGE_STATE,
                  "defines "
                      + file.key()
                      + " again, already defined by "
                      + runningFiles.get(file.key())
                      + "; keep one file"));
        } else {
          running.put(file.key(), file.plain());
          if (file.asset() != null) {
            deployed.put(file.key(), file.asset());
          }
          if (file.source() != null) {
            onDemand.put(file.key(), file.source());
          }
        }
      }
    }

    /** One running file, parsed into its plain form in the worker that read it. */
    private Running running(String path) throws IOException {
      // a deploy keeps the bytes, far smaller than the tree, to find a position again
      byte[] bytes = depth == Depth.DEPLOYED ? git.readBlob(blobs.get(path)) : null;
      Parsed file =
          parse(branch, path, blobs.get(path), false, bytes, servedOnly ? servedParser : parser);
      if (file.asset() == null) {
        return new Running(file.key(), branch + ":" + path, null, null, null, file.problems());
      }
      Object plain = PlainMap.normalized(file.asset().body());
      AssetsOnDemand.Source source =
          bytes == null
              ? null
              : new AssetsOnDemand.Source(
                  ConfigLoader.place(path).orElseThrow(), file.asset().file(), bytes);
      return new Running(
          file.key(),
          file.asset().file(),
          plain,
          depth == Depth.FULL ? file.asset() : null,
          source,
          file.problems());
    }

    /** The authored copies: kept for the depths that keep them, compared when asked. */
    void readAuthored(AliasResolver resolver, boolean compare) throws IOException {
      List<Parsed> copies =
          depth.authored || compare
              ? parseAll(branch, paths.authored(), blobs, depth.authored)
              : paths.authored().stream()
                  .map(p -> new Parsed(keyOf(p), null, null, List.of()))
                  .toList();
      Set<String> keys = new TreeSet<>();
      for (Parsed copy : copies) {
        problems.addAll(copy.problems());
        keys.add(copy.key());
        if (copy.asset() != null && compare) {
          HandChanges.checkCopy(
                  stage,
                  copy.asset(),
                  running.get(copy.key()),
                  runningFiles.get(copy.key()),
                  resolver,
                  field -> positionInRunning(copy.key(), field))
              .ifPresent(problems::add);
        }
        if (copy.asset() != null && depth.authored) {
          authored.put(copy.key(), copy.asset());
          keepBytes(copy);
        }
      }
      if (depth.running) {
        // when only the served running files were read, only their pairs can be checked
        Set<String> paired = servedOnly ? Served.keys(keys) : keys;
        problems.addAll(HandChanges.checkPairs(branch, runningFiles, paired, unreadable));
      }
    }

    /** Where a field is in the running file of a key, parsed again for it. */
    private Position positionInRunning(String key, String field) throws IOException {
      String path = StageLayout.pathOfKey(key).orElseThrow();
      Parsed reparsed = parse(branch, path, blobs.get(path), false);
      return reparsed.asset() == null ? Position.FILE : reparsed.asset().body().positionOf(field);
    }

    private void keepBytes(Parsed parsed) {
      if (depth.authored && parsed.blob() != null) {
        listener.authoredCopy(parsed.asset().body(), parsed.blob());
      }
    }
  }

  private static String keyOf(String authoredPath) {
    ConfigLoader.Placement p =
        ConfigLoader.place(authoredPath.substring(StageLayout.AUTHORED.length())).orElseThrow();
    return Asset.key(p.kind(), p.name(), p.major());
  }

  private List<Parsed> parseAll(
      String branch, List<String> paths, Map<String, String> blobs, boolean cache)
      throws IOException {
    return parallel(paths, path -> parse(branch, path, blobs.get(path), cache));
  }

  private interface Work<T> {
    T apply(String path) throws IOException;
  }

  /** Runs one piece of work per path on all cores, in the order of the paths. */
  private static <T> List<T> parallel(List<String> paths, Work<T> work) throws IOException {
    try {
      return paths.parallelStream()
          .map(
              path -> {
                try {
                  return work.apply(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Parses one asset file of the branch; its problems name the file {@code <branch>:<path>}. With
   * {@code cache}, a document parsed before from the same blob is reused.
   */
  private Parsed parse(String branch, String path, String blob, boolean cache) throws IOException {
    return parse(branch, path, blob, cache, null, parser);
  }

  /**
   * The same, with the blob's bytes when the caller has read them already (else null), read by
   * {@code using}.
   */
  private Parsed parse(
      String branch, String path, String blob, boolean cache, byte[] read, YamlParser using)
      throws IOException {
    boolean authoredCopy = path.startsWith(StageLayout.AUTHORED);
    String relative = authoredCopy ? path.substring(StageLayout.AUTHORED.length()) : path;
    ConfigLoader.Placement p = ConfigLoader.place(relative).orElseThrow();
    String key = Asset.key(p.kind(), p.name(), p.major());
    String file = branch + ":" + path;
    YMap cached = cache ? authoredByBlob.get(blob) : null;
    if (cached == null && cache) {
      cached = listener.parsed(blob);
    }
    if (cached == null) {
      byte[] bytes = read != null ? read : git.readBlob(blob);
      ParsedFile parsed = using.parse(bytes, file);
      if (!parsed.ok()) {
        return new Parsed(key, null, null, parsed.problems());
      }
      if (!(parsed.root() instanceof YMap body)) {
        return new Parsed(
            key,
            null,
            null,
            List.of(
                Problem.error(
                    file,
                    parsed.root().position(),
                    "",
                    RuleId.STAGE_STATE,
                    "the document must be a mapping with kind, name and the fields of its kind")));
      }
      if (!parsed.problems().isEmpty()) {
        return new Parsed(key, asset(p, file, body), blob, parsed.problems());
      }
      cached = body;
    }
    if (cache) {
      cached = Objects.requireNonNullElse(authoredByBlob.putIfAbsent(blob, cached), cached);
    }
    return new Parsed(key, asset(p, file, cached), blob, List.of());
  }

  private static Asset asset(ConfigLoader.Placement p, String file, YMap body) {
    return new Asset(p.kind(), p.name(), p.major(), file, ConfigLoader.declaredId(body), body);
  }
}
