package io.apistage.deploy;

import io.apistage.gateway.Gateway;
import io.apistage.gateway.GatewaySpec;
import io.apistage.gateway.Rendering;
import io.apistage.gateway.Secrets;
import io.apistage.gateway.nginx.NginxGateway;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Steps;
import io.apistage.model.Config;
import io.apistage.model.ConfigLoader;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problems;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.Operator;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code apistage:deploy}: renders a stage's state (its branch) for the stage's gateway and applies
 * it there (docs/gateway.md). A stage whose gateway already runs the same commit and file is left
 * alone and says so. Every deploy that changes something is a {@code deploy} record in the stage's
 * history, successful or not.
 *
 * @since 0.1.0
 */
public final class DeployGoal {

  /** The goal's name. */
  public static final String GOAL = "deploy";

  /** The record type of a deploy in a stage's history. */
  public static final String RECORD = "deploy";

  private final GoalContext context;
  private final DeployRequest request;
  private final boolean dryRun;

  /** A deploy goal. */
  public DeployGoal(GoalContext context, DeployRequest request) {
    this(context, request, false);
  }

  /**
   * A deploy goal that, with {@code dryRun}, renders and says what would change, but writes no
   * file, reloads nothing and records nothing.
   */
  public DeployGoal(GoalContext context, DeployRequest request, boolean dryRun) {
    this.context = context;
    this.request = request;
    this.dryRun = dryRun;
  }

  /** Runs the goal; a failed deploy is an exception naming the step, after it is recorded. */
  public GoalResult execute() throws ApistageException, IOException {
    Steps steps = new Steps(context.log(), "deploy of stage " + request.stage());
    Config config = new ConfigLoader().loadStages(context.configDir());
    Stage stage = StageChain.of(config).required(request.stage(), GOAL);
    Gateway gateway = gatewayOf(stage);
    steps.done("load the stages");
    try (GitRepo git = GitRepo.open(context.configDir())) {
      StageStore store = new StageStore(git, request.servers());
      StageState read = readState(store, stage);
      steps.done("read the stage's branch");
      if (read.hasErrors()) {
        return unreadable(stage, read);
      }
      StageState state = withCommit(read, contentCommit(read));
      Rendering rendering =
          gateway.render(state, new Secrets(context.env(), request.secretServers()));
      steps.done("render");
      DeployReport body =
          DeployReport.nothingApplied(stage.name(), rendering.commit(), rendering.sha256());
      if (!rendering.ok()) {
        return new GoalResult(
            GOAL,
            "DEPLOY_FAILED",
            "stage "
                + stage.name()
                + " cannot run on its"
                + " gateway, nothing changed: "
                + Problems.summary(rendering.problems()),
            rendering.problems(),
            body);
      }
      boolean unchanged = unchanged(gateway, rendering, read);
      steps.done("compare with what the gateway runs");
      if (unchanged) {
        return new GoalResult(
            GOAL,
            "OK",
            "stage "
                + stage.name()
                + ": the gateway already runs "
                + short7(rendering.commit())
                + " (sha256 "
                + rendering.sha256().substring(0, 12)
                + "), nothing to deploy",
            List.of(),
            body.did("unchanged"));
      }
      if (dryRun) {
        return wouldDeploy(gateway, rendering, body);
      }
      return apply(git, store, read, gateway, rendering, body);
    }
  }

  private static GoalResult unreadable(Stage stage, StageState read) {
    return new GoalResult(
        GOAL,
        "DEPLOY_FAILED",
        "the state of stage "
            + stage.name()
            + " cannot be read; "
            + Problems.summary(read.problems()),
        read.problems(),
        DeployReport.nothingApplied(stage.name(), null, null));
  }

  /** The stage's nginx, from its {@code gateway} block; a stage without one cannot deploy. */
  private Gateway gatewayOf(Stage stage) throws ApistageException {
    GatewaySpec spec =
        GatewaySpec.of(stage)
            .orElseThrow(
                () ->
                    new ApistageException(
                        "stage "
                            + stage.name()
                            + " has no gateway; add to "
                            + stage.file()
                            + " a block gateway: { type: nginx, listen: 127.0.0.1:18081 }"));
    return new NginxGateway(
        request.nginxConf(),
        request.nginxBin(),
        stage.name(),
        spec,
        request.readyWithin(),
        context.log());
  }

  private static StageState readState(StageStore store, Stage stage)
      throws ApistageException, IOException {
    StageState read = store.read(stage, StageReader.Depth.DEPLOYED);
    if (read.isEmpty()) {
      throw new ApistageException(
          "nothing is deployed to stage "
              + stage.name()
              + " yet ("
              + stage.state().describe()
              + " does not exist); promote to it first");
    }
    return read;
  }

  /** What a dry run reports: what the gateway runs now and what a deploy would put in place. */
  private static GoalResult wouldDeploy(Gateway gateway, Rendering rendering, DeployReport body)
      throws IOException {
    Optional<Gateway.Running> running = gateway.running();
    String now =
        running.isEmpty()
            ? "runs nothing of the stage"
            : "runs "
                + (running.get().commit() == null
                    ? "a file without commit"
                    : short7(running.get().commit()))
                + " (sha256 "
                + running.get().sha256().substring(0, 12)
                + ")";
    return new GoalResult(
        GOAL,
        "OK",
        "dry run, nothing written or reloaded: the gateway of stage "
            + rendering.stage()
            + " "
            + now
            + "; a deploy would put "
            + short7(rendering.commit())
            + " (sha256 "
            + rendering.sha256().substring(0, 12)
            + ") in place",
        List.of(),
        body.did("dry-run"));
  }

  /**
   * Whether the stage's last deploy record is a success of this rendering, the gateway's file is
   * this rendering and the gateway answers its commit. A deploy killed before its record (after the
   * rename, or during the reload or its wait) is not taken as done: the next deploy reloads and
   * waits again, then records.
   */
  private static boolean unchanged(Gateway gateway, Rendering rendering, StageState read)
      throws IOException {
    Optional<Gateway.Running> running = gateway.running();
    return recorded(read, rendering)
        && running.isPresent()
        && rendering.commit().equals(running.get().commit())
        && rendering.sha256().equals(running.get().sha256())
        && gateway.answers(rendering.commit());
  }

  /** Whether the last deploy record of the stage's history is a success of this rendering. */
  private static boolean recorded(StageState read, Rendering rendering) {
    List<HistoryRecord> history = read.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryRecord record = history.get(i);
      if (RECORD.equals(record.type())) {
        Map<String, Object> content = record.content();
        return "success".equals(content.get("status"))
            && rendering.commit().equals(content.get("commit"))
            && rendering.sha256().equals(content.get("sha256"));
      }
    }
    return false;
  }

  private GoalResult apply(
      GitRepo git,
      StageStore store,
      StageState read,
      Gateway gateway,
      Rendering rendering,
      DeployReport body)
      throws ApistageException, IOException {
    String stage = read.stage().name();
    try {
      gateway.apply(rendering);
    } catch (ApistageException e) {
      record(git, store, read, rendering, "failure", e.getMessage());
      throw e;
    }
    Steps steps = new Steps(context.log(), "deploy of stage " + stage);
    record(git, store, read, rendering, "success", null);
    steps.done("record the deploy in the stage's history");
    context.log().info("stage " + stage + ": the gateway answers " + short7(rendering.commit()));
    return new GoalResult(
        GOAL,
        "OK",
        "stage "
            + stage
            + " deployed: its gateway runs "
            + short7(rendering.commit())
            + " (sha256 "
            + rendering.sha256().substring(0, 12)
            + ")",
        List.of(),
        body.did("deployed"));
  }

  private void record(
      GitRepo git,
      StageStore store,
      StageState read,
      Rendering rendering,
      String status,
      String reason)
      throws ApistageException, IOException {
    Identity who = whoOf(git);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("type", RECORD);
    content.put("stage", read.stage().name());
    content.put("status", status);
    content.put("commit", rendering.commit());
    content.put("sha256", rendering.sha256());
    content.put("who", Map.of("name", who.name(), "email", who.email()));
    content.put("when", who.when().toString());
    if (reason != null) {
      content.put("reason", reason);
    }
    HistoryRecord record =
        new HistoryRecord(read.nextRecordNumber(), RECORD, read.stage().name(), content);
    // one record added beside the files as they are: the stage's assets do not change
    Optional<String> written =
        store.appendRecord(
            read.stage(),
            read,
            record,
            "Deploy "
                + short7(rendering.commit())
                + " to the gateway of "
                + read.stage().name()
                + " ("
                + status
                + ")",
            who);
    if (written.isEmpty()) {
      boolean moved = !store.currentCommit(read.stage()).equals(read.commit());
      context
          .log()
          .warn(
              "the deploy record of stage "
                  + read.stage().name()
                  + " was not written: "
                  + (moved
                      ? "its branch moved meanwhile"
                      : "its ref is locked; if a run was killed while it moved the ref, remove the"
                          + " stale lock file ("
                          + read.stage().state().localRef(read.stage().name())
                          + ".lock in the .git folder) and deploy again"));
    }
  }

  /** Who deploys: the CI user, else the author of the checked-out commit, as for promotions. */
  private Identity whoOf(GitRepo git) throws IOException, ApistageException {
    return Operator.of(context.env(), git, git.requireHead(), Instant.now());
  }

  /**
   * The commit whose content a state holds: a deploy record adds only itself, so after one the
   * content is that of the commit it deployed.
   */
  public static String contentCommit(StageState state) {
    List<HistoryRecord> history = state.history();
    if (!history.isEmpty()) {
      HistoryRecord last = history.get(history.size() - 1);
      if (RECORD.equals(last.type()) && last.content().get("commit") instanceof String c) {
        return c;
      }
    }
    return state.commit().orElseThrow();
  }

  private static StageState withCommit(StageState s, String commit) {
    return new StageState(s.stage(), Optional.of(commit), s.content(), s.deployed(), s.problems());
  }

  private static String short7(String commit) {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }
}
