package io.apistage.deploy;

import io.apistage.gateway.Gateway;
import io.apistage.gateway.GatewaySpec;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.nginx.NginxGateway;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.model.ConfigLoader;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Position;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code diff} adds for stages with a gateway: what the gateway cannot enforce of the stage's
 * state (errors under rule {@code gateway}), and drift between the stage's branch and its gateway
 * (warnings under rule {@code gateway-drift}): the commit the gateway runs against the branch's,
 * and the file on disk against the checksum its last deploy recorded (a file edited by hand).
 *
 * @since 0.1.0
 */
public final class GatewayDrift {

  /** The rule id of drift warnings. */
  public static final RuleId RULE = RuleId.GATEWAY_DRIFT;

  private GatewayDrift() {}

  /**
   * Adds the gateway findings of the stages a diff compared (one stage, or all) to its result.
   *
   * @param stageName the stage diff was asked about, or null for all
   * @param template the nginx settings
   */
  public static GoalResult after(
      GoalContext context, GoalResult result, String stageName, DeployRequest template)
      throws ApistageException, IOException {
    StageChain chain = stagesOnly(context.configDir());
    if (chain.order().stream().allMatch(s -> GatewaySpec.of(s).isEmpty())) {
      return result;
    }
    List<Problem> problems = new ArrayList<>(result.problems());
    List<Map<String, Object>> gateways = new ArrayList<>();
    try (GitRepo git = GitRepo.open(context.configDir())) {
      StageStore store = new StageStore(git, template.servers());
      for (Stage stage : chain.order()) {
        Optional<GatewaySpec> spec = GatewaySpec.of(stage);
        if (spec.isEmpty() || (stageName != null && !stageName.equals(stage.name()))) {
          continue;
        }
        StageState state = store.read(stage, StageReader.Depth.HISTORY);
        if (state.isEmpty() || state.hasErrors()) {
          continue;
        }
        Gateway gateway =
            new NginxGateway(
                template.nginxConf(),
                template.nginxBin(),
                stage.name(),
                spec.get(),
                template.readyWithin());
        problems.addAll(gateway.render(state, Secrets.placeholders()).problems());
        gateways.add(compare(context, stage, state, gateway, problems));
      }
    }
    if (gateways.isEmpty()) {
      return result;
    }
    Map<String, Object> body = new LinkedHashMap<>(result.body().toJson());
    body.put("gateways", gateways);
    return new GoalResult(result.goal(), result.code(), result.message(), problems, () -> body);
  }

  /** The stage chain from the files of {@code stages/} alone, without reading every asset. */
  static StageChain stagesOnly(Path configDir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Path folder = configDir.resolve("stages");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        for (Path file : list.sorted().toList()) {
          String name = file.getFileName().toString();
          if (Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
            files.put("stages/" + name, Files.readAllBytes(file));
          }
        }
      }
    }
    return StageChain.of(new ConfigLoader().load(new MemorySource(files)));
  }

  private static Map<String, Object> compare(
      GoalContext context, Stage stage, StageState state, Gateway gateway, List<Problem> problems)
      throws IOException {
    String branchCommit = DeployGoal.contentCommit(state);
    Optional<Gateway.Running> running = gateway.running();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stage", stage.name());
    out.put("branch", branchCommit);
    out.put("runs", running.map(Gateway.Running::commit).orElse(null));
    out.put("file", running.map(Gateway.Running::file).orElse(null));
    String recorded = recordedSha(state.history(), running.map(Gateway.Running::commit).orElse(""));
    out.put("sha256", running.map(Gateway.Running::sha256).orElse(null));
    out.put("recordedSha256", recorded);
    String line;
    if (running.isEmpty()) {
      line =
          stage.name()
              + "'s gateway runs nothing of it yet; apistage:deploy"
              + " -Dapistage.stage="
              + stage.name()
              + " puts "
              + branchCommit.substring(0, 7)
              + " there";
    } else if (!branchCommit.equals(running.get().commit())) {
      line =
          stage.name()
              + "'s gateway runs "
              + shortOf(running.get().commit())
              + ", "
              + stage.state().describe()
              + " is at "
              + branchCommit.substring(0, 7);
    } else if (recorded != null && !recorded.equals(running.get().sha256())) {
      line =
          stage.name()
              + "'s gateway file "
              + running.get().file()
              + " was edited by hand"
              + " (sha256 "
              + running.get().sha256().substring(0, 12)
              + ", its deploy recorded "
              + recorded.substring(0, 12)
              + "); apistage:deploy replaces it";
    } else {
      line = null;
    }
    out.put("drift", line != null);
    if (line != null) {
      problems.add(Problem.warning(stage.file(), Position.FILE, "/gateway", RULE, line));
      context.log().info(line);
    }
    return out;
  }

  private static String recordedSha(List<HistoryRecord> history, String commit) {
    String out = null;
    for (HistoryRecord r : history) {
      if (DeployGoal.RECORD.equals(r.type())
          && "success".equals(r.content().get("status"))
          && commit.equals(r.content().get("commit"))
          && r.content().get("sha256") instanceof String s) {
        out = s;
      }
    }
    return out;
  }

  private static String shortOf(String commit) {
    return commit == null ? "an unknown commit" : commit.substring(0, Math.min(7, commit.length()));
  }
}
