package io.apistage.notice;

import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.git.Identity;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.problem.ApistageException;
import io.apistage.stage.Operator;
import io.apistage.stage.Stage;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageReader;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code notify} goal: delivers the pending notices of one stage or of every stage. A receiver
 * that does not take a notice never fails the goal; a warning lists what still waits.
 *
 * @since 0.2.0
 */
public final class NotifyGoal {

  /** The goal's name. */
  public static final String GOAL = "notify";

  /**
   * The parameters of {@code notify}.
   *
   * @param stage the one stage ({@code apistage.stage}), or null for every stage
   * @param servers credentials of stage remotes by {@code settings.xml} server id
   * @param secretServers passwords of {@code settings.xml} servers by id, for webhook secrets
   * @param clock the clock of the records and signatures
   * @param dryRun list what would be sent, send nothing and write nothing to a stage
   */
  public record Request(
      String stage,
      Map<String, GitCredentials> servers,
      Map<String, String> secretServers,
      Clock clock,
      boolean dryRun) {

    public Request {
      servers = Map.copyOf(servers);
      secretServers = Map.copyOf(secretServers);
    }

    /** A request that sends. */
    public Request(
        String stage,
        Map<String, GitCredentials> servers,
        Map<String, String> secretServers,
        Clock clock) {
      this(stage, servers, secretServers, clock, false);
    }
  }

  private final GoalContext context;
  private final Request request;

  /** The goal for a context and request. */
  public NotifyGoal(GoalContext context, Request request) {
    this.context = context;
    this.request = request;
  }

  /** Runs the goal. */
  public GoalResult execute() throws ApistageException, IOException {
    try (GitRepo git = GitRepo.open(context.configDir())) {
      String head = git.requireHead();
      StageChain chain = StageChain.declaredAt(git, head);
      List<Stage> stages =
          request.stage() == null ? chain.order() : List.of(chain.required(request.stage(), GOAL));
      StageStore store = new StageStore(git, request.servers());
      return request.dryRun() ? dryRun(store, stages) : deliver(git, store, head, stages);
    }
  }

  private GoalResult deliver(GitRepo git, StageStore store, String head, List<Stage> stages)
      throws ApistageException, IOException {
    Identity who = Operator.of(context.env(), git, head, request.clock().instant());
    NoticeRun run = run(git, store, who, context, request.secretServers(), request.clock());
    List<NotifyReport.StageNotices> done = new ArrayList<>();
    int delivered = 0;
    int waiting = 0;
    for (Stage stage : stages) {
      NoticeRun.StageDelivery d = run.deliver(stage);
      done.add(NotifyReport.StageNotices.of(d));
      report(d, context);
      waiting += d.waiting().size();
      delivered += d.results().size() - d.waiting().size();
    }
    return new GoalResult(
        GOAL,
        "OK",
        "notify: " + delivered + " delivered, " + waiting + " waiting",
        List.of(),
        new NotifyReport(false, done));
  }

  /**
   * Lists, per stage, the notices a real run would send, with what their last try recorded; sends
   * nothing, looks up no secret and writes nothing to a stage.
   */
  private GoalResult dryRun(StageStore store, List<Stage> stages)
      throws ApistageException, IOException {
    List<NotifyReport.StageNotices> out = new ArrayList<>();
    int pending = 0;
    for (Stage stage : stages) {
      List<NotifyReport.NoticeEntry> entries = new ArrayList<>();
      for (NoticeLedger.Entry e :
          NoticeLedger.of(store.read(stage, StageReader.Depth.HISTORY).history()).entries()) {
        if (e.delivered()) {
          continue;
        }
        Notice n = e.notice();
        entries.add(
            new NotifyReport.NoticeEntry(
                n.id(), n.application(), n.record(), false, e.lastStatus(), e.tries()));
        context
            .log()
            .info(
                stage.name()
                    + ": would send notice "
                    + n.id()
                    + " to "
                    + n.application()
                    + " about "
                    + String.join(", ", n.changes().stream().map(NoticeChange::api).toList())
                    + "; "
                    + NoticeLedger.state(e));
      }
      pending += entries.size();
      out.add(new NotifyReport.StageNotices(stage.name(), null, entries));
    }
    return new GoalResult(
        GOAL,
        "OK",
        "notify (dry run): "
            + pending
            + (pending == 1 ? " notice" : " notices")
            + " would be sent; nothing sent, nothing written",
        List.of(),
        new NotifyReport(true, out));
  }

  /**
   * The delivery run of a goal: the standard sender, secrets from the environment and servers.
   * Signatures carry the time of sending, whatever {@code clock} the records are written with.
   */
  public static NoticeRun run(
      GitRepo git,
      StageStore store,
      Identity who,
      GoalContext context,
      Map<String, String> secretServers,
      Clock clock) {
    NoticeDelivery delivery =
        new NoticeDelivery(
            WebhookSender.standard(Clock.systemUTC()),
            new SecretValues(context.env(), secretServers),
            context.log());
    return new NoticeRun(git, store, delivery, who, context.log());
  }

  /** Logs what a stage's delivery did: one line per notice, a warning for what waits. */
  public static void report(NoticeRun.StageDelivery done, GoalContext context) {
    for (NoticeDelivery.Result r : done.results()) {
      if (r.outcome().delivered()) {
        context
            .log()
            .info(
                done.stage()
                    + ": notice "
                    + r.notice().id()
                    + " to "
                    + r.notice().application()
                    + " delivered ("
                    + r.outcome().status()
                    + ")");
      }
    }
    String warning = NoticeRun.waitingWarning(done);
    if (warning != null) {
      context.log().warn(warning);
    }
  }
}
