package io.apistage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.deploy.AutoDeploy;
import io.apistage.deploy.DeployGoal;
import io.apistage.deploy.DeployRequest;
import io.apistage.deploy.GatewayDrift;
import io.apistage.gateway.nginx.NginxGateway;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.RecordingLog;
import io.apistage.model.ConfigLoader;
import io.apistage.model.DirectorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.stage.HistoryRecord;
import io.apistage.stage.StageChain;
import io.apistage.stage.StageState;
import io.apistage.stage.StageStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** apistage:deploy on a real nginx on loopback in front of a JDK HttpServer backend. */
class NginxDeployTest extends NginxOnLoopback {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GoalResult deploy(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("APISTAGE_SECRET_SHOP_KEY", "shop-key-0001");
    all.put("APISTAGE_SECRET_PARTNER_KEY", "partner-key-0002");
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, all, new RecordingLog());
    return new DeployGoal(
            context,
            new DeployRequest(
                "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10)))
        .execute();
  }

  private HttpResponse<String> get(String method, String path, String key) throws Exception {
    return get(method, path, key, false);
  }

  /** A request; with {@code fresh}, on a new connection, as a new client's would be. */
  private HttpResponse<String> get(String method, String path, String key, boolean fresh)
      throws Exception {
    HttpClient client =
        fresh ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build() : http;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDeployedStageAnswersItsRoutesWithAuthLimitsAndEnvelopes() throws Exception {
    String commit = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    GoalResult result = deploy(Map.of());
    assertThat(result.problems()).isEmpty();
    assertThat(result.message())
        .startsWith("stage qa deployed: its gateway runs " + commit.substring(0, 7));

    assertThat(get("GET", "/.well-known/apistage", null).body())
        .isEqualTo("{\"stage\":\"qa\",\"commit\":\"" + commit + "\"}\n");
    HttpResponse<String> ok = get("GET", "/orders/v1/orders/42", "shop-key-0001");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .isEqualTo("{\"path\":\"/orders-api/orders/42\",\"application\":\"shop\"}");
    assertThat(backend.seen).contains("GET /orders-api/orders/42 app=shop key=null");
    assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();

    HttpResponse<String> none = get("GET", "/orders/v1/orders/42", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body())
        .isEqualTo(
            "{\"status\":\"error\",\"code\":\"UNAUTHORIZED\",\"message\":"
                + "\"give the api key of an application that uses this API\"}\n");
    assertThat(get("GET", "/orders/v1/orders/42", "partner-key-0002").statusCode()).isEqualTo(401);
    assertThat(get("GET", "/orders/v1/orders/42", "SHOP-KEY-0001").statusCode()).isEqualTo(401);

    HttpResponse<String> missing = get("GET", "/orders/v1/nothing/here", "shop-key-0001");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .isEqualTo(
            "{\"status\":\"error\",\"code\":\"NOT_FOUND\",\"message\":"
                + "\"no endpoint of stage qa answers this path\"}\n");
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");

    HttpResponse<String> wrong = get("POST", "/orders/v1/orders/42", "shop-key-0001");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.body())
        .isEqualTo(
            "{\"status\":\"error\",\"code\":\"METHOD_NOT_ALLOWED\","
                + "\"message\":\"/orders/v1/orders/{id} answers DELETE, GET on stage qa\"}\n");
    assertThat(wrong.headers().firstValue("Allow")).hasValue("DELETE, GET");

    assertThat(get("GET", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(200);
    assertThat(get("GET", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get("GET", "/orders/v1/limited", "shop-key-0001");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");

    HttpResponse<String> gone = get("GET", "/legacy/v1/old", null);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body())
        .isEqualTo(
            "{\"status\":\"error\",\"code\":\"GONE\",\"message\":"
                + "\"legacy v1 is retired on stage qa\"}\n");

    HttpResponse<String> deprecated = get("GET", "/catalog/v1/items", null);
    assertThat(deprecated.statusCode()).isEqualTo(200);
    assertThat(deprecated.headers().firstValue("Deprecation")).hasValue("true");

    Path file = nginx.conf().getParent().resolve("apistage/qa.conf");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void limitsShareOneZonePerRateYetCountEachApiMethodAndCallerApart() throws Exception {
    Map<String, String> files = new HashMap<>(GatewayFixture.platform(port, backend.url()));
    String orders = files.get("apis/orders/v1.yaml");
    files.put(
        "apis/orders/v1.yaml",
        orders
            + "  - { name: addLimited, method: POST, path: /limited }\n"
            + "  - { name: putLimited, method: PUT, path: /limited,"
            + " rateLimit: { requests: 2, period: minute } }\n");
    files.put(
        "apis/stock/v1.yaml",
        """
        kind: Api
        name: stock
        version: 1.0.0
        state: published
        baseUrl: %s
        endpoints:
          - { name: limited, method: GET, path: /limited, rateLimit: { requests: 2, period: minute } }
        """
            .formatted(backend.url()));
    StageRepo.publish(dir, "qa", files);
    assertThat(deploy(Map.of()).problems()).isEmpty();
    String text = Files.readString(nginx.conf().getParent().resolve("apistage/qa.conf"));
    assertThat(text.lines().filter(l -> l.startsWith("limit_req_zone ")).toList())
        .containsExactly(
            "limit_req_zone $apistage_qa__ek_2r_m zone=apistage_qa__e_2r_m:10m rate=2r/m;");

    for (int i = 0; i < 2; i++) {
      assertThat(get("GET", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(200);
    }
    assertThat(get("GET", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(429);
    // the same path's unlimited method, the other limited method and another Api count apart
    for (int i = 0; i < 3; i++) {
      assertThat(get("POST", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(200);
    }
    assertThat(get("PUT", "/orders/v1/limited", "shop-key-0001").statusCode()).isEqualTo(200);
    assertThat(get("GET", "/stock/v1/limited", null).statusCode()).isEqualTo(200);
    assertThat(get("GET", "/stock/v1/limited", null).statusCode()).isEqualTo(200);
    assertThat(get("GET", "/stock/v1/limited", null).statusCode()).isEqualTo(429);
  }

  @Test
  void aDryRunSaysWhatWouldChangeAndWritesReloadsAndRecordsNothing() throws Exception {
    String commit = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    GoalContext context =
        new GoalContext(
            dir,
            dir.resolve("target/apistage"),
            false,
            Map.of(
                "APISTAGE_SECRET_SHOP_KEY", "shop-key-0001",
                "APISTAGE_SECRET_PARTNER_KEY", "partner-key-0002"),
            new RecordingLog());
    DeployRequest request =
        new DeployRequest(
            "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10));
    GoalResult dry = new DeployGoal(context, request, true).execute();
    assertThat(dry.problems()).isEmpty();
    assertThat(dry.message())
        .startsWith(
            "dry run, nothing written or reloaded: the gateway of stage qa runs nothing of the"
                + " stage; a deploy would put "
                + commit.substring(0, 7)
                + " (sha256 ");
    assertThat(dry.body().toJson()).containsEntry("deploy", "dry-run");
    Path dirOfFiles = nginx.conf().getParent().resolve("apistage");
    try (var files = Files.list(dirOfFiles)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(history()).extracting(HistoryRecord::type).containsExactly("promotion");

    new DeployGoal(context, request).execute();
    GoalResult again = new DeployGoal(context, request, true).execute();
    assertThat(again.message()).endsWith("nothing to deploy");
    assertThat(history()).extracting(HistoryRecord::type).containsExactly("promotion", "deploy");
  }

  @Test
  void aSecondDeployOfTheSameStateIsANoOpAndEachDeployIsRecorded() throws Exception {
    String commit = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    deploy(Map.of());
    GoalResult again = deploy(Map.of());
    assertThat(again.message())
        .startsWith("stage qa: the gateway already runs " + commit.substring(0, 7));
    assertThat(again.message()).endsWith("nothing to deploy");
    List<HistoryRecord> history = history();
    assertThat(history).extracting(HistoryRecord::type).containsExactly("promotion", "deploy");
    assertThat(history.get(1).content())
        .containsEntry("status", "success")
        .containsEntry("commit", commit)
        .containsKey("sha256");
  }

  @Test
  void aConfigurationNginxRejectsLeavesTheOldOneServingAndSaysWhy() throws Exception {
    String first = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    deploy(Map.of());
    Path file = nginx.conf().getParent().resolve("apistage/qa.conf");
    byte[] before = Files.readAllBytes(file);
    StageRepo.publish(dir, "qa", GatewayFixture.platform(port, "http://no-such-host.invalid:8080"));
    Path next = file.resolveSibling(".qa.conf.next");
    // the live file is watched while the deploy runs: a rejected file never replaces it
    AtomicBoolean deploying = new AtomicBoolean(true);
    AtomicInteger looks = new AtomicInteger();
    ConcurrentLinkedQueue<String> replaced = new ConcurrentLinkedQueue<>();
    Thread watch =
        new Thread(
            () -> {
              while (deploying.get()) {
                try {
                  if (!Arrays.equals(Files.readAllBytes(file), before)) {
                    replaced.add("changed at look " + looks.get());
                  }
                } catch (IOException e) {
                  replaced.add("missing at look " + looks.get() + ": " + e);
                }
                looks.incrementAndGet();
              }
            });
    watch.start();
    try {
      assertThatThrownBy(() -> deploy(Map.of()))
          .isInstanceOf(ApistageException.class)
          .hasMessageStartingWith(
              "deploy of stage qa failed at step nginx -t: nginx rejected the new"
                  + " configuration, the previous one stays in place (the rejected file is "
                  + next
                  + "): ")
          .hasMessageContaining(
              "host not found in upstream \"no-such-host.invalid:8080\" in " + next + ":");
    } finally {
      deploying.set(false);
      watch.join(10_000);
    }
    assertThat(looks.get()).isPositive();
    assertThat(replaced).isEmpty();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.readString(next)).contains("no-such-host.invalid:8080");
    try (var files = Files.list(nginx.conf().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("the staged main file is gone")
          .containsExactly("apistage", "nginx.conf");
    }
    assertThat(get("GET", "/.well-known/apistage", null).body()).contains(first);
    assertThat(get("GET", "/orders/v1/orders/7", "shop-key-0001").statusCode()).isEqualTo(200);
    assertThat(history().get(history().size() - 1).content()).containsEntry("status", "failure");
  }

  @Test
  void onceADeployReturnsEveryNewConnectionReachesTheNewCommit() throws Exception {
    // nginx's master starts the new workers and tells the old ones to stop 100 ms later; a
    // deploy that returned on the first new answer left new connections on the old commit
    Map<String, String> files = new HashMap<>(GatewayFixture.platform(port, backend.url()));
    String catalog = files.get("apis/catalog/v1.yaml");
    for (int n = 0; n < 6; n++) {
      files.put("apis/catalog/v1.yaml", catalog.replace("1.0.0", "1." + n + ".0"));
      String commit = StageRepo.publish(dir, "qa", files);
      assertThat(deploy(Map.of()).message()).startsWith("stage qa deployed");
      for (int i = 0; i < 50; i++) {
        assertThat(get("GET", "/.well-known/apistage", null, true).body())
            .as("deploy %d, new connection %d", n, i)
            .contains(commit);
      }
    }
  }

  @Test
  void aDeployWhoseRecordIsMissingIsNotTakenAsDone() throws Exception {
    // a deploy killed after nginx took the new file but before its record: the next deploy
    // reloads, waits and records instead of saying there is nothing to deploy
    String commit = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    try (GitRepo git = GitRepo.open(dir)) {
      var stage = StageChain.of(new ConfigLoader().load(new DirectorySource(dir))).get("qa");
      StageState read = new StageStore(git, Map.of()).read(stage);
      StageState state =
          new StageState(
              read.stage(),
              Optional.of(DeployGoal.contentCommit(read)),
              read.content(),
              read.deployed(),
              read.problems());
      NginxGateway gateway =
          new NginxGateway(
              nginx.conf(),
              Nginx.BIN,
              "qa",
              GatewaySpec.of(stage).orElseThrow(),
              Duration.ofSeconds(10));
      gateway.apply(
          gateway.render(
              state,
              new Secrets(
                  Map.of(
                      "APISTAGE_SECRET_SHOP_KEY", "shop-key-0001",
                      "APISTAGE_SECRET_PARTNER_KEY", "partner-key-0002"),
                  Map.of())));
    }
    assertThat(get("GET", "/.well-known/apistage", null).body()).contains(commit);
    assertThat(deploy(Map.of()).message())
        .startsWith("stage qa deployed: its gateway runs " + commit.substring(0, 7));
    assertThat(history().get(history().size() - 1).content())
        .containsEntry("status", "success")
        .containsEntry("commit", commit);
    assertThat(deploy(Map.of()).message()).endsWith("nothing to deploy");
  }

  @Test
  void aMissingSecretFailsBeforeAnythingChangesNamingSecretAndStage() throws Exception {
    StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    GoalContext context =
        new GoalContext(
            dir,
            dir.resolve("target/apistage"),
            false,
            Map.of("APISTAGE_SECRET_SHOP_KEY", "shop-key-0001"),
            new RecordingLog());
    GoalResult result =
        new DeployGoal(
                context,
                new DeployRequest(
                    "qa", nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10)))
            .execute();
    assertThat(result.code()).isEqualTo("DEPLOY_FAILED");
    assertThat(result.problems())
        .extracting(Problem::format)
        .containsExactly(
            "apistage/stage/qa:applications/partner.yaml:7:10: error [gateway] secret PARTNER_KEY is"
                + " not set for stage qa: set the environment variable APISTAGE_SECRET_PARTNER_KEY or"
                + " a settings.xml <server> with <id>PARTNER_KEY</id> and the value as <password>");
    assertThat(nginx.conf().getParent().resolve("apistage/qa.conf")).doesNotExist();
  }

  @Test
  void deployAutoDeploysTheStagesAPromoteOrRollbackChanged() throws Exception {
    Map<String, String> files =
        new java.util.LinkedHashMap<>(GatewayFixture.platform(port, backend.url()));
    files.put(
        "stages/qa.yaml",
        "kind: Stage\nname: qa\ngateway: { type: nginx, listen: 127.0.0.1:"
            + port
            + ", deploy: auto }\n");
    String commit = StageRepo.publish(dir, "qa", files);
    GoalContext context =
        new GoalContext(
            dir,
            dir.resolve("target/apistage"),
            false,
            Map.of(
                "APISTAGE_SECRET_SHOP_KEY",
                "shop-key-0001",
                "APISTAGE_SECRET_PARTNER_KEY",
                "partner-key-0002"),
            new RecordingLog());
    GoalResult rollback =
        new GoalResult(
            "rollback",
            "OK",
            "rolled back x on qa",
            List.of(),
            () -> Map.of("stage", "qa", "commit", commit));
    GoalResult after =
        AutoDeploy.after(
            context,
            rollback,
            new DeployRequest(
                null, nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10)));
    assertThat(after.message())
        .startsWith(
            "rolled back x on qa; stage qa deployed: its gateway runs " + commit.substring(0, 7));
    assertThat(get("GET", "/.well-known/apistage", null).body()).contains(commit);
    GoalResult dryRun =
        new GoalResult(
            "promote",
            "OK",
            "dry run",
            List.of(),
            () ->
                Map.of(
                    "dryRun",
                    true,
                    "promotions",
                    List.of(Map.of("stage", "qa", "status", "success"))));
    assertThat(
            AutoDeploy.after(
                    context,
                    dryRun,
                    new DeployRequest(
                        null, nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10)))
                .message())
        .isEqualTo("dry run");
  }

  @Test
  void diffShowsTheCommitTheGatewayRunsAndAFileEditedByHand() throws Exception {
    String first = StageRepo.publish(dir, "qa", GatewayFixture.platform(port, backend.url()));
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());
    DeployRequest settings =
        new DeployRequest(
            null, nginx.conf(), Nginx.BIN, Map.of(), Map.of(), Duration.ofSeconds(10));
    GoalResult empty = new GoalResult("diff", "OK", "d", List.of(), Map::of);
    assertThat(GatewayDrift.after(context, empty, "qa", settings).problems())
        .extracting(Problem::format)
        .containsExactly(
            "stages/qa.yaml:1:1: warning [gateway-drift] qa's gateway runs nothing of"
                + " it yet; apistage:deploy -Dapistage.stage=qa puts "
                + first.substring(0, 7)
                + " there");
    deploy(Map.of());
    assertThat(GatewayDrift.after(context, empty, "qa", settings).problems()).isEmpty();

    Map<String, String> files =
        new java.util.LinkedHashMap<>(GatewayFixture.platform(port, backend.url()));
    files.put("apis/catalog/v1.yaml", files.get("apis/catalog/v1.yaml").replace("1.0.0", "1.1.0"));
    String second = StageRepo.publish(dir, "qa", files);
    assertThat(GatewayDrift.after(context, empty, "qa", settings).problems())
        .extracting(Problem::format)
        .containsExactly(
            "stages/qa.yaml:1:1: warning [gateway-drift] qa's gateway runs "
                + first.substring(0, 7)
                + ", apistage/stage/qa is at "
                + second.substring(0, 7));
    deploy(Map.of());
    Path file = nginx.conf().getParent().resolve("apistage/qa.conf");
    Files.writeString(file, Files.readString(file) + "# a line by hand\n");
    assertThat(GatewayDrift.after(context, empty, "qa", settings).problems())
        .extracting(Problem::format)
        .singleElement()
        .asString()
        .startsWith(
            "stages/qa.yaml:1:1: warning [gateway-drift] qa's gateway file "
                + file
                + " was edited by hand (sha256 ")
        .endsWith("); apistage:deploy replaces it");
    assertThat(deploy(Map.of()).message()).startsWith("stage qa deployed");
  }

  private List<HistoryRecord> history() throws Exception {
    try (GitRepo git = GitRepo.open(dir)) {
      var stage = StageChain.of(new ConfigLoader().load(new DirectorySource(dir))).get("qa");
      return new StageStore(git, Map.of()).read(stage).history();
    }
  }
}
