package io.apistage.bench;

import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.model.Asset;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.model.Kind;
import io.apistage.stage.AliasResolver;
import io.apistage.stage.DiffGoal;
import io.apistage.stage.DiffRequest;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageLayout;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import io.apistage.testing.GitRepoBuilder;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Times {@code diff} of a synthetic config root of 10,000 Apis against a stage that holds it with
 * 100 changes: the repository is deployed to stage qa (every asset resolved for qa, written as the
 * stage's branch), then 100 Api descriptions change in the working copy (with their patch bump),
 * and the diff goal runs for qa. It must find exactly 100 updates, each of the two fields {@code
 * /description} and {@code /version} and nothing else. The time to read the stage's state alone and
 * the time of the deployment are printed too.
 *
 * <p>System properties as {@link ValidateBenchmark}: {@code apistage.bench.apis}, {@code runs},
 * {@code warmups}, {@code dir}, {@code seed}; {@code apistage.bench.changes} (default 100).
 */
public final class DiffBenchmark {

  private DiffBenchmark() {}

  /** Runs the benchmark and prints its report. */
  public static void main(String[] args) throws Exception {
    int apis = Integer.getInteger("apistage.bench.apis", 10_000);
    int runs = Integer.getInteger("apistage.bench.runs", 5);
    int warmups = Integer.getInteger("apistage.bench.warmups", 2);
    int changes = Integer.getInteger("apistage.bench.changes", 100);
    long seed = Long.getLong("apistage.bench.seed", 42L);
    String dir = System.getProperty("apistage.bench.dir", "");
    Path root =
        dir.isBlank() ? Files.createTempDirectory("apistage-diff-bench-") : Path.of(dir, "diff");
    try {
      run(root, apis, changes, runs, warmups, seed);
    } finally {
      if (dir.isBlank()) {
        ValidateBenchmark.delete(root);
      }
    }
  }

  private static void run(Path root, int apis, int changes, int runs, int warmups, long seed)
      throws Exception {
    System.out.println("== diff benchmark");
    long start = System.nanoTime();
    SyntheticRepo.Stats stats = SyntheticRepo.write(root, apis, seed);
    GitRepoBuilder.init(root).close();
    System.out.printf(
        Locale.ROOT,
        "repository: %d Api files; %s (written in %.1f s)%n",
        apis,
        stats.summary(),
        ValidateBenchmark.seconds(System.nanoTime() - start));
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "JVM: Java %s, %d processors, common pool parallelism %d, max heap %d MB%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        ForkJoinPool.getCommonPoolParallelism(),
        rt.maxMemory() >> 20);

    start = System.nanoTime();
    int deployed = deploy(root, "qa");
    System.out.printf(
        Locale.ROOT,
        "deploy to qa: %d assets resolved for qa, rendered and committed to apistage/stage/qa in %.1f s%n",
        deployed,
        ValidateBenchmark.seconds(System.nanoTime() - start));

    List<String> mutated =
        SyntheticRepo.mutate(root, apis, seed, changes, SyntheticRepo.Mutation.DESCRIPTION);
    System.out.printf(Locale.ROOT, "working copy: %d Api descriptions changed%n", mutated.size());

    GoalContext context =
        new GoalContext(root, root.resolve("target/apistage"), false, Map.of(), Log.NONE);
    DiffRequest request = new DiffRequest(Optional.of("qa"), false, Map.of());
    Callable<Object> diff = () -> new DiffGoal(context, request).execute();
    Callable<Object> read = () -> readState(root, "qa");
    for (int i = 0; i < warmups; i++) {
      diff.call();
    }
    List<Long> diffTimes = new ArrayList<>();
    List<Long> readTimes = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      diffTimes.add(time(diff));
      readTimes.add(time(read));
    }
    GoalResult result = new DiffGoal(context, request).execute();
    @SuppressWarnings("unchecked")
    Map<String, Object> qa =
        ((List<Map<String, Object>>) result.body().toJson().get("stages")).get(0);
    List<?> updates = (List<?>) qa.get("update");
    // the mutation changes the description and bumps the patch version: two fields, nothing else
    long exact =
        updates.stream()
            .map(u -> (List<?>) ((Map<?, ?>) u).get("changes"))
            .filter(
                c ->
                    c.stream()
                            .map(x -> ((Map<?, ?>) x).get("field"))
                            .toList()
                            .equals(List.of("/version", "/description"))
                        || c.stream()
                            .map(x -> ((Map<?, ?>) x).get("field"))
                            .toList()
                            .equals(List.of("/description", "/version")))
            .count();
    if (updates.size() != mutated.size()
        || exact != updates.size()
        || !((List<?>) qa.get("create")).isEmpty()
        || !((List<?>) qa.get("delete")).isEmpty()) {
      throw new IllegalStateException(
          "the diff did not find exactly the " + mutated.size() + " changes: " + result.message());
    }
    System.out.printf(
        Locale.ROOT,
        "diff of qa (load, resolve, read state, compare):  median %.2f s  (runs %s)%n",
        ValidateBenchmark.seconds(ValidateBenchmark.median(diffTimes)),
        list(diffTimes));
    System.out.printf(
        Locale.ROOT,
        "  of which reading the stage's state from Git:      median %.2f s  (runs %s)%n",
        ValidateBenchmark.seconds(ValidateBenchmark.median(readTimes)),
        list(readTimes));
    System.out.printf(
        Locale.ROOT,
        "result: %s; %d updates of exactly /description and /version; %d problems%n",
        result.message(),
        exact,
        result.problems().size());
    System.out.printf(
        Locale.ROOT,
        "heap after: %d MB used of %d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20);
  }

  /**
   * Deploys the working copy to a stage as a promotion of everything would, in the layout {@link
   * StageLayout#render} writes; each asset is rendered as soon as it is resolved, so the
   * benchmark's setup needs no more heap than the diff it measures. Returns the asset count.
   */
  static int deploy(Path root, String stageName) throws Exception {
    long t0 = System.nanoTime();
    YamlParser parser = new YamlParser();
    List<Asset> aliasesAndStages = new ArrayList<>();
    List<String> deployable = new ArrayList<>();
    for (String path : new DirectorySource(root).paths()) {
      Optional<ConfigLoader.Placement> place =
          ConfigLoader.isYaml(path) ? ConfigLoader.place(path) : Optional.empty();
      if (place.isEmpty()) {
        continue;
      }
      if (StageLayout.isDeployable(place.get().kind())) {
        deployable.add(path);
      } else if (place.get().kind() == Kind.ALIAS || place.get().kind() == Kind.STAGE) {
        aliasesAndStages.add(asset(parser, root, path));
      }
    }
    List<Stage> stages =
        aliasesAndStages.stream().filter(a -> a.kind() == Kind.STAGE).map(Stage::of).toList();
    Stage stage = StageChain.of(stages).get(stageName);
    AliasResolver resolver = AliasResolver.of(aliasesAndStages, stageName);
    Map<String, byte[]> tree = new ConcurrentSkipListMap<>();
    Map<String, Asset> aliases = new ConcurrentSkipListMap<>();
    deployable.parallelStream()
        .forEach(
            path -> {
              Asset asset = asset(parser, root, path);
              AliasResolver.Resolved r = resolver.resolve(asset);
              if (!r.ok()) {
                throw new IllegalStateException(r.problems().toString());
              }
              tree.put(path, bytes(StageLayout.yaml(r.plain())));
              tree.put(
                  StageLayout.AUTHORED + path, bytes(StageLayout.yaml(asset.body().toPlain())));
              r.aliasesUsed().forEach(n -> aliases.put(n, resolver.aliases().get(n)));
            });
    tree.putAll(
        StageLayout.render(
            new StageState.StageContent(stageName, Map.of(), Map.of(), aliases, List.of(), null)));
    long t1 = System.nanoTime();
    try (GitRepo git = GitRepo.open(root)) {
      StageStore store = new StageStore(git, Map.of());
      StageState base = store.read(stage);
      Identity who =
          new Identity("bench", "bench@example.com", Instant.parse("2026-01-01T00:00:00Z"));
      if (store.write(stage, base, tree, "deploy everything to " + stageName, who).isEmpty()) {
        throw new IllegalStateException("the stage moved during the benchmark");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  load, resolve and render %d files %.1f s, commit %.1f s%n",
        tree.size(),
        ValidateBenchmark.seconds(t1 - t0),
        ValidateBenchmark.seconds(System.nanoTime() - t1));
    return deployable.size();
  }

  /** One asset file of the synthetic repository (written by SyntheticRepo, so it parses). */
  private static Asset asset(YamlParser parser, Path root, String path) {
    ConfigLoader.Placement p = ConfigLoader.place(path).orElseThrow();
    return new Asset(
        p.kind(),
        p.name(),
        p.major(),
        path,
        null,
        (YMap) parser.parse(root.resolve(path), path).root());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Object readState(Path root, String stageName) throws Exception {
    Stage stage = Stage.of(asset(new YamlParser(), root, "stages/" + stageName + ".yaml"));
    try (GitRepo git = GitRepo.open(root)) {
      return new StageStore(git, Map.of()).read(stage, StageReader.Depth.RUNNING);
    }
  }

  private static long time(Callable<Object> task) throws Exception {
    long start = System.nanoTime();
    if (task.call() == null) {
      throw new IllegalStateException("a benchmark task returned nothing");
    }
    return System.nanoTime() - start;
  }

  private static String list(List<Long> times) {
    StringBuilder out = new StringBuilder();
    for (long t : times) {
      out.append(out.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, "%.2f", ValidateBenchmark.seconds(t)));
    }
    return out.toString();
  }
}
