package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.report.Json;
import io.apistage.stage.AliasResolver;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Stage;
import io.apistage.stage.StageLayout;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stage's state the way promotions need it, faster than a full {@link StageStore#read}:
 * only the authored copies, the aliases, the records and the metadata are parsed, the running form
 * is the authored one resolved for the stage (what promotions write; a file changed by hand on the
 * branch is written back in its promoted form), and a parsed authored copy is reused by blob id
 * across stages, since the same asset has the same bytes on dev, qa and prod.
 *
 * @since 0.1.0
 */
final class StageReader {

  private static final Pattern RECORD = Pattern.compile("(\\d{6})-([a-z]+)-(.+)\\.json");

  private final GitRepo git;
  private final StageStore store;
  private final YamlParser parser = new YamlParser();
  private final Map<String, Parsed> parsedByBlob = new ConcurrentHashMap<>();
  private final TreeRenderer renderer;

  StageReader(GitRepo git, StageStore store, TreeRenderer renderer) {
    this.git = git;
    this.store = store;
    this.renderer = renderer;
  }

  private record Parsed(ParsedFile file, byte[] bytes) {}

  /** The stage's state at the current commit of its branch (fetched first for a remote stage). */
  StageState read(Stage stage) throws ApistageException, IOException {
    return read(stage, true);
  }

  /**
   * The stage's state at the current commit of its branch; without {@code running}, the running
   * form is left empty (a promotion's source needs only the authored copies).
   */
  StageState read(Stage stage, boolean running) throws ApistageException, IOException {
    Optional<String> commit = store.currentCommit(stage);
    if (commit.isEmpty()) {
      return StageState.empty(stage);
    }
    return readAt(stage, commit.get(), running);
  }

  /** The stage's state at one commit of its branch. */
  StageState readAt(Stage stage, String commit) throws IOException {
    return readAt(stage, commit, true);
  }

  private StageState readAt(Stage stage, String commit, boolean withRunning) throws IOException {
    String branch = stage.state().branch();
    Map<String, String> blobs = git.listFiles(commit, "");
    renderer.listing(commit, blobs);
    List<Map.Entry<String, String>> authoredFiles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<HistoryRecord> history = new ArrayList<>();
    String lastRecord = null;
    for (Map.Entry<String, String> e : blobs.entrySet()) {
      String path = e.getKey();
      if (path.startsWith(StageLayout.AUTHORED) && ConfigLoader.isYaml(path)) {
        authoredFiles.add(e);
      } else if (path.startsWith(StageLayout.HISTORY)) {
        record(branch, path, e.getValue(), problems).ifPresent(history::add);
      } else if (path.equals(StageLayout.META)) {
        ParsedFile meta = parser.parse(git.readBlob(e.getValue()), branch + ":" + path);
        if (meta.ok() && meta.root() instanceof YMap map) {
          lastRecord = map.str("lastRecord");
        }
      }
    }
    List<Parsed> parsed;
    try {
      parsed = authoredFiles.parallelStream().map(this::parse).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, Asset> authored = new TreeMap<>();
    Map<String, Asset> aliases = new TreeMap<>();
    for (int i = 0; i < parsed.size(); i++) {
      String path = authoredFiles.get(i).getKey();
      String relative = path.substring(StageLayout.AUTHORED.length());
      ParsedFile file = parsed.get(i).file();
      Optional<ConfigLoader.Placement> place = ConfigLoader.place(relative);
      if (place.isEmpty()) {
        continue;
      }
      if (!file.ok() || !(file.root() instanceof YMap body)) {
        problems.add(
            Problem.error(
                branch + ":" + path,
                Position.FILE,
                "",
                RuleId.STAGE_STATE,
                "the authored copy does not parse; roll the stage back or promote the asset again"));
        continue;
      }
      ConfigLoader.Placement p = place.get();
      Asset asset =
          new Asset(
              p.kind(),
              p.name(),
              p.major(),
              branch + ":" + path,
              ConfigLoader.declaredId(body),
              body);
      renderer.authored(body, parsed.get(i).bytes());
      if (p.kind() == Kind.ALIAS) {
        aliases.put(p.name(), asset);
      } else if (StageLayout.isDeployable(p.kind())) {
        authored.put(asset.key(), asset);
      }
    }
    AliasResolver resolver = new AliasResolver(aliases, stage.name());
    Map<String, Object> running = new ConcurrentHashMap<>();
    if (withRunning) {
      authored.values().parallelStream()
          .forEach(asset -> running.put(asset.key(), resolver.resolve(asset).plain()));
    }
    history.sort((a, b) -> Integer.compare(a.number(), b.number()));
    problems.addAll(store.handMade(stage, commit));
    return new StageState(
        stage,
        Optional.of(commit),
        running,
        Map.of(),
        authored,
        aliases,
        history,
        lastRecord,
        problems);
  }

  private Parsed parse(Map.Entry<String, String> file) {
    return parsedByBlob.computeIfAbsent(
        file.getValue(),
        blob -> {
          try {
            byte[] bytes = git.readBlob(blob);
            return new Parsed(parser.parse(bytes, file.getKey()), bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Optional<HistoryRecord> record(
      String branch, String path, String blob, List<Problem> problems) throws IOException {
    Matcher m = RECORD.matcher(path.substring(StageLayout.HISTORY.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    Object content;
    try {
      content = Json.read(new String(git.readBlob(blob), StandardCharsets.UTF_8));
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
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return Optional.of(
        new HistoryRecord(Integer.parseInt(m.group(1)), m.group(2), m.group(3), object));
  }
}
