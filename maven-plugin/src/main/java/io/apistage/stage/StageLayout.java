package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.model.TreeDiff;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.report.Json;
import io.apistage.yaml.BlockWriter;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;

/**
 * The layout of a stage's branch, at the root of its tree:
 *
 * <pre>
 * apis/&lt;api&gt;/v&lt;N&gt;.yaml, policies/&lt;name&gt;.yaml, ...   each asset as the stage runs it
 * .apistage/authored/&lt;same layout&gt;               each asset as authored, alias references intact
 * .apistage/authored/aliases/&lt;name&gt;.yaml          the aliases those assets use
 * .apistage/stage.yaml                             the stage's name and its last record
 * .apistage/history/&lt;NNNNNN&gt;-&lt;type&gt;-&lt;name&gt;.json   one record per promotion or rollback
 * </pre>
 *
 * Assets are written as normalized YAML ({@link TreeDiff#normalize}, block style, keys in document
 * order), so the same content always gives the same bytes and plain {@code git diff} between two
 * commits of a stage shows only real changes.
 *
 * @since 0.1.0
 */
public final class StageLayout {

  /** The folder of apistage's own files in a stage's tree. */
  public static final String META_FOLDER = ".apistage/";

  /** The stage's metadata file. */
  public static final String META = META_FOLDER + "stage.yaml";

  /** The folder of the authored copies. */
  public static final String AUTHORED = META_FOLDER + "authored/";

  /** The folder of the history records. */
  public static final String HISTORY = META_FOLDER + "history/";

  /** The kinds a stage runs; aliases are resolved into them, the others are not deployed. */
  public static final List<Kind> DEPLOYABLE =
      List.of(Kind.API, Kind.POLICY, Kind.APPLICATION, Kind.PLAN, Kind.PACKAGE, Kind.SUBSCRIPTION);

  private static final Pattern KEY = Pattern.compile("([a-z]+)/([^@/]+)(?:@(\\d+))?");

  // A Dump keeps state while it writes a document, so each thread has its own (promote renders
  // thousands of documents in parallel); the settings are shared.
  private static final ThreadLocal<Dump> DUMP =
      ThreadLocal.withInitial(() -> new Dump(BlockWriter.DUMP_SETTINGS));

  private StageLayout() {}

  /** Whether assets of a kind are deployed to a stage. */
  public static boolean isDeployable(Kind kind) {
    return DEPLOYABLE.contains(kind);
  }

  /** The path of an asset in the layout: {@code apis/orders/v1.yaml}, {@code plans/gold.yaml}. */
  public static String path(Kind kind, String name, int major) {
    return kind == Kind.API
        ? kind.folder() + "/" + name + "/v" + major + ".yaml"
        : kind.folder() + "/" + name + ".yaml";
  }

  /**
   * The path of the asset with a key ({@code api/orders@1}), or empty when the key is malformed.
   */
  public static Optional<String> pathOfKey(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.byId(m.group(1));
    if (kind.isEmpty() || (kind.get() == Kind.API) != (m.group(3) != null)) {
      return Optional.empty();
    }
    return Optional.of(
        path(kind.get(), m.group(2), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
  }

  /** A document as normalized YAML text; safe to call from several threads. */
  public static String yaml(Object plain) {
    Object normal = TreeDiff.normalize(plain);
    if (normal instanceof Map<?, ?> map && map.isEmpty()) {
      return "{}\n";
    }
    if (normal instanceof Map<?, ?> map) {
      Optional<String> fast = BlockWriter.write(map);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    return DUMP.get().dumpToString(normal);
  }

  /** The files of a stage's tree for its content, by path. */
  public static Map<String, byte[]> render(StageState.StageContent content) {
    Map<String, byte[]> out = new TreeMap<>();
    content
        .running()
        .forEach(
            (key, plain) ->
                out.put(
                    pathOfKey(key)
                        .orElseThrow(
                            () -> new IllegalArgumentException("not an asset key: " + key)),
                    bytes(yaml(plain))));
    for (Asset asset : content.authored().values()) {
      out.put(
          AUTHORED + path(asset.kind(), asset.name(), asset.major()),
          bytes(yaml(asset.body().toPlain())));
    }
    for (Asset alias : content.aliases().values()) {
      out.put(AUTHORED + path(Kind.ALIAS, alias.name(), 0), bytes(yaml(alias.body().toPlain())));
    }
    for (HistoryRecord record : content.history()) {
      out.put(record.path(), recordBytes(record));
    }
    out.put(META, metaBytes(content.stage(), content.lastRecord()));
    return out;
  }

  /** The bytes of a history record's file. */
  static byte[] recordBytes(HistoryRecord record) {
    return bytes(Json.write(record.content()));
  }

  /** The bytes of the metadata file of a stage whose last record is {@code lastRecord}. */
  static byte[] metaBytes(String stage, String lastRecord) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("stage", stage);
    meta.put("lastRecord", lastRecord);
    return bytes(yaml(meta));
  }

  /**
   * The id of the last record a stage's parsed metadata file names, or null; a file that does not
   * parse or is not a mapping is an error, one that names another stage a warning.
   */
  static String readMeta(Stage stage, ParsedFile parsed, List<Problem> problems) {
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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
