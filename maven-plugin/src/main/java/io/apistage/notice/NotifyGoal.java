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
   */
  public record Request(
      String stage,
      Map<String, GitCredentials> servers,
      Map<String, String> secretServers,
      Clock clock) {

    public Request {
      servers = Map.copyOf(servers);
      secretServers = Map.copyOf(secretServers);
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
      Identity who = Operator.of(context.env(), git, head, request.clock().instant());
      StageStore store = new StageStore(git, request.servers());
      NoticeRun run = run(git, store, who, context, request.secretServers(), request.clock());
      List<NoticeRun.StageDelivery> done = new ArrayList<>();
      int delivered = 0;
      int waiting = 0;
      for (Stage stage : stages) {
        NoticeRun.StageDelivery d = run.deliver(stage);
        done.add(d);
        report(d, context);
        waiting += d.waiting().size();
        delivered += d.results().size() - d.waiting().size();
      }
      return new GoalResult(
          GOAL,
          "OK",
          "notify: " + delivered + " delivered, " + waiting + " waiting",
          List.of(),
          new NotifyReport(done));
    }
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
