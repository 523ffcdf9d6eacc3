package io.apistage.promotion;

import io.apistage.git.GitRepo;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import io.apistage.rules.Validation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The whole config at the checked-out commit, the source of a first stage, read the first time a
 * first stage needs it: a run whose first stages have no work reads only the control files.
 *
 * @since 0.1.0
 */
final class HeadSource {

  private final GitRepo git;
  private final Map<String, String> listing;
  private final String label;
  private final Log log;
  private final TreeRenderer renderer;
  private Planner.Source source;

  /**
   * The source of a listing of the checked-out commit (path to blob id), labelled with the main
   * branch's name.
   */
  HeadSource(
      GitRepo git, Map<String, String> listing, String label, Log log, TreeRenderer renderer) {
    this.git = git;
    this.listing = listing;
    this.label = label;
    this.log = log;
    this.renderer = renderer;
  }

  /** The main branch's name, as records and commit messages name the source. */
  String label() {
    return label;
  }

  /**
   * Validates the whole commit as {@code validate} would (schemas and the rules between assets):
   * promote writes nothing from a commit that does not validate. The config read here is the first
   * stage's source afterwards.
   *
   * @return every problem of the commit
   */
  List<Problem> validate() throws IOException {
    long started = System.nanoTime();
    Map<String, byte[]> files = read(git, listing, path -> true);
    Validation.Outcome outcome = new Validation().validate(new MemorySource(files));
    Config config = outcome.config();
    Set<String> withProblems =
        outcome.problems().stream().map(Problem::file).collect(Collectors.toSet());
    for (Asset asset : config.assets().values()) {
      String blob = listing.get(asset.file());
      if (blob != null && !withProblems.contains(asset.file())) {
        // the tree parsed here is the one a stage holding the same blob reuses, and its blob is
        // what the stage stores: neither is parsed again nor are the bytes kept
        renderer.parsedAtHead(asset.body(), blob);
      }
    }
    log.debug(
        "read and validated "
            + config.assets().size()
            + " assets at HEAD in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    if (!Problems.hasErrors(outcome.problems())) {
      source = new Planner.Source(config, label);
    }
    return outcome.problems();
  }

  /** The config at the commit, once {@link #validate} found it valid. */
  Planner.Source get() throws ApistageException {
    if (source == null) {
      throw new ApistageException(
          "the config at HEAD was not validated, or has errors; run mvn apistage:validate");
    }
    return source;
  }

  /** The YAML files of a listing that pass {@code which}, by path. */
  static Map<String, byte[]> read(GitRepo git, Map<String, String> listing, Predicate<String> which)
      throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, String> e : listing.entrySet()) {
      if (ConfigLoader.isYaml(e.getKey()) && which.test(e.getKey())) {
        files.put(e.getKey(), git.readBlob(e.getValue()));
      }
    }
    return files;
  }
}
