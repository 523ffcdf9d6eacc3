package io.apistage.cache;

import io.apistage.log.Log;
import io.apistage.model.ConfigSource;
import io.apistage.model.FileParses;
import io.apistage.problem.Problem;
import io.apistage.yaml.ParsedFile;
import io.apistage.yaml.YamlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The incremental validate cache of docs/validate.md ("The cache"): for each file of the config
 * root, keyed by its path and the Git blob id of its content, the problems of its parse, the parsed
 * tree with every position, the problems of its schema check, and what the rules between assets
 * learned from that file alone ({@link FileFacts}: the problems of the rules that read one file,
 * its secrets, the assets it names). A run parses, schema-checks and reads with those rules only
 * the files whose content changed; the rules between files then run over the cached facts and the
 * configuration, so their problems are those of a full run.
 *
 * <p>Nothing in a cache is trusted blindly: a file that is not a cache of this format, fails its
 * checksum, or was written by another plugin build or other schemas ({@link CacheIdentity}) is
 * ignored with a debug line and rewritten; an entry whose hash differs from the file's is a miss.
 * One run uses one instance; {@link #parse} is called from several threads.
 *
 * @since 0.2.0
 */
public final class ValidateCache implements FileParses {

  /** The cache file's name inside the cache folder. */
  public static final String FILE_NAME = "validate.cache";

  private final Path file;
  private final String identity;
  private final ContentHashes hashes;
  private final Log log;
  private final CacheFile.Contents previous;
  private final Map<String, CachedFile> fresh = new ConcurrentHashMap<>();
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();

  private ValidateCache(Path file, String identity, ContentHashes hashes, Log log) {
    this.file = file;
    this.identity = identity;
    this.hashes = hashes;
    this.log = log;
    this.previous = readPrevious();
  }

  /**
   * The cache of a config root, kept in {@code folder}; what an earlier run left there is read now
   * and used when it is sound.
   */
  public static ValidateCache open(Path folder, Path configRoot, Log log) {
    return new ValidateCache(
        folder.resolve(FILE_NAME), CacheIdentity.current(), ContentHashes.of(configRoot, log), log);
  }

  /** The same, with a given identity (tests make a foreign cache with it). */
  static ValidateCache open(Path folder, Path configRoot, Log log, String identity) {
    return new ValidateCache(
        folder.resolve(FILE_NAME), identity, ContentHashes.of(configRoot, log), log);
  }

  private CacheFile.Contents readPrevious() {
    try {
      CacheFile.Contents contents = CacheFile.read(file, identity);
      log.debug("validate cache: read " + contents.files().size() + " files from " + file);
      return contents;
    } catch (NoSuchFileException e) {
      log.debug("validate cache: none at " + file + "; every file is parsed");
    } catch (IOException e) {
      log.debug("validate cache: ignored " + file + ", cannot read it: " + e.getMessage());
    } catch (CacheFile.Unusable e) {
      log.debug("validate cache: ignored " + file + ", " + e.getMessage());
    }
    return null;
  }

  @Override
  public ParsedFile parse(ConfigSource source, String path, YamlParser parser) throws IOException {
    long size = source.size(path);
    if (size > parser.maxFileBytes()) {
      return parser.oversized(path, size);
    }
    byte[] bytes = null;
    byte[] hash = hashes.known(path);
    if (hash == null) {
      bytes = source.read(path);
      hash = ContentHashes.blobId(bytes);
    }
    CachedFile old = previous == null ? null : previous.files().get(path);
    if (old != null && Arrays.equals(old.hash(), hash)) {
      try {
        CachedFile hit = old.decoded(previous.strings());
        fresh.put(path, hit);
        hits.incrementAndGet();
        return hit.toParsed();
      } catch (RuntimeException e) {
        log.debug("validate cache: ignored the entry of " + path + ", damaged (" + e + ")");
      }
    }
    misses.incrementAndGet();
    ParsedFile parsed = parser.parse(bytes != null ? bytes : source.read(path), path);
    fresh.put(path, CachedFile.parsed(hash, parsed));
    return parsed;
  }

  /**
   * The schema problems of a file this run met unchanged, when an earlier run checked it; empty
   * when the file must be checked.
   */
  public Optional<List<Problem>> schemaProblems(String path) {
    CachedFile entry = fresh.get(path);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.schemaProblems());
  }

  /** Records the schema problems of a file checked in this run. */
  public void schemaChecked(String path, List<Problem> problems) {
    fresh.computeIfPresent(path, (p, entry) -> entry.withSchemaProblems(problems));
  }

  /**
   * What the rules between assets learned from a file this run met unchanged, when an earlier run
   * found it; empty when the rules must read the file.
   */
  public Optional<FileFacts> facts(String path) {
    CachedFile entry = fresh.get(path);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.facts());
  }

  /** Records what the rules between assets learned from a file in this run. */
  public void factsFound(String path, FileFacts facts) {
    fresh.computeIfPresent(path, (p, entry) -> entry.withFacts(facts));
  }

  /** Keeps the schema problems of a file out of the cache (they depend on other files). */
  public void notCacheable(String path) {
    fresh.computeIfPresent(path, (p, entry) -> entry.withSchemaProblems(null));
  }

  /** Files met unchanged, and files parsed, in this run so far. */
  public record Stats(int hits, int misses) {}

  /** The counts of this run. */
  public Stats stats() {
    return new Stats(hits.get(), misses.get());
  }

  /**
   * Writes what this run learned, unless it is what the cache already holds; a failure to write is
   * a warning, never a failed validation.
   */
  public void save() {
    boolean same =
        previous != null
            && misses.get() == 0
            && previous.files().size() == fresh.size()
            && fresh.values().stream()
                .allMatch(e -> sameDerived(e, previous.files().get(e.path())));
    if (same) {
      log.debug("validate cache: unchanged, not rewritten");
      return;
    }
    List<CachedFile> entries = new ArrayList<>(fresh.values());
    entries.sort(Comparator.comparing(CachedFile::path));
    // the string table only grows while entries are copied as they are; start again when half of
    // it may be strings no entry uses any more
    boolean reuse =
        previous != null && previous.strings().length < 2L * previous.fullWriteStrings();
    try {
      CacheFile.write(file, identity, entries, reuse ? previous : null);
      log.debug("validate cache: wrote " + entries.size() + " files to " + file);
    } catch (IOException | RuntimeException e) {
      log.warn("validate cache: could not write " + file + ": " + e.getMessage());
    }
  }

  /** Whether an entry holds the same schema problems and facts as the cache file does. */
  private static boolean sameDerived(CachedFile now, CachedFile before) {
    return before != null
        && Objects.equals(now.schemaProblems(), before.schemaProblems())
        && Objects.equals(now.facts(), before.facts());
  }

  /** The cache file. */
  public Path file() {
    return file;
  }

  /** Whether a cache file exists in a folder. */
  public static boolean exists(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE_NAME));
  }
}
