package io.apistage.maven;

import io.apistage.check.ReportInputs;
import io.apistage.git.GitCredentials;
import io.apistage.git.GitRepo;
import io.apistage.goal.GoalContext;
import io.apistage.goal.GoalResult;
import io.apistage.log.Log;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import io.apistage.report.CheckReports;
import io.apistage.report.ReportFolder;
import io.apistage.report.Reports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The one way into every goal: skip handling, the shared parameters, printing problems, writing
 * reports and translating the engine's outcome into Maven's exceptions. Each goal fills in {@link
 * #run}.
 *
 * @since 0.1.0
 */
public abstract class AbstractApistageMojo extends AbstractMojo {

  /**
   * The config root: the folder holding {@code apis/}, {@code stages/} and the other kind folders.
   * It may be a sub-folder of a Git work tree.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.configDir", defaultValue = "${project.basedir}")
  protected File configDir;

  /**
   * The folder the goal writes its reports into.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.reportDir", defaultValue = "${project.build.directory}/apistage")
  protected File reportDir;

  /**
   * Skips the goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "apistage.skip", defaultValue = "false")
  protected boolean skip;

  /** The switches of all goals, checked before any goal runs. */
  private static final List<String> SWITCHES =
      List.of(
          "apistage.skip",
          "apistage.failOnWarning",
          "apistage.failOnDiff",
          "apistage.dryRun",
          "apistage.repromote");

  /** The build's session, whose user properties hold the {@code -D} values as typed. */
  @Parameter(defaultValue = "${session}", readonly = true)
  private MavenSession session;

  /** The Maven settings, whose servers hold the credentials of stage remotes. */
  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  /** Decrypts the passwords of the settings' servers. */
  @Component private SettingsDecrypter decrypter;

  /**
   * Every {@code settings.xml} server with a user name, as credentials by id, passwords decrypted.
   */
  protected Map<String, GitCredentials> stageServers() throws ApistageException {
    return servers(settings, decrypter);
  }

  /**
   * The password of every {@code settings.xml} server, decrypted, by id: where secrets such as
   * webhook signing keys come from when {@code APISTAGE_SECRET_<NAME>} is not set.
   */
  protected Map<String, String> secretServers() throws ApistageException {
    Map<String, String> out = new TreeMap<>();
    if (settings == null) {
      return out;
    }
    for (Server server : settings.getServers()) {
      Server plain = decrypted(server, decrypter);
      if (plain.getPassword() != null) {
        out.put(plain.getId(), plain.getPassword());
      }
    }
    return out;
  }

  /** {@link #stageServers()} for given settings; a null decrypter leaves passwords as they are. */
  static Map<String, GitCredentials> servers(Settings settings, SettingsDecrypter decrypter)
      throws ApistageException {
    Map<String, GitCredentials> out = new TreeMap<>();
    if (settings == null) {
      return out;
    }
    for (Server server : settings.getServers()) {
      Server plain = decrypted(server, decrypter);
      if (plain.getUsername() != null) {
        out.put(
            plain.getId(),
            new GitCredentials(
                plain.getUsername(), plain.getPassword() == null ? "" : plain.getPassword()));
      }
    }
    return out;
  }

  /** This goal's execution, whose plugin descriptor lists every goal's parameters. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution mojoExecution;

  /** A server with its password decrypted; a null decrypter leaves it as it is. */
  private static Server decrypted(Server server, SettingsDecrypter decrypter)
      throws ApistageException {
    if (decrypter == null) {
      return server;
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new ApistageException(
            "cannot decrypt the password of settings.xml server "
                + server.getId()
                + ": "
                + problem.getMessage());
      }
    }
    return result.getServer();
  }

  /** The {@code -D} properties of the build, as typed. */
  protected Properties userProperties() {
    return session == null ? new Properties() : session.getUserProperties();
  }

  /** The decrypted password of a {@code settings.xml} server, if it has one. */
  protected Optional<String> serverPassword(String id) throws ApistageException {
    return serverPassword(settings, decrypter, id);
  }

  /** {@link #serverPassword(String)} for given settings; a server needs no user name here. */
  static Optional<String> serverPassword(Settings settings, SettingsDecrypter decrypter, String id)
      throws ApistageException {
    Server found = settings == null ? null : settings.getServer(id);
    if (found == null) {
      return Optional.empty();
    }
    Server plain = decrypted(found, decrypter);
    return plain.getPassword() == null || plain.getPassword().isEmpty()
        ? Optional.empty()
        : Optional.of(plain.getPassword());
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    checkSwitches();
    if (session != null && mojoExecution != null) {
      String unknown = PropertyCheck.of(session, mojoExecution, this::ownsProperty).unknown();
      if (unknown != null) {
        throw new MojoFailureException(unknown);
      }
    }
    if (skip) {
      getLog().info("apistage: skipped (apistage.skip=true)");
      return;
    }
    Log log = new MavenLog(getLog());
    GoalContext context =
        new GoalContext(
            configDir.toPath(), reportDir.toPath(), failOnWarning(), System.getenv(), log);
    GoalResult result;
    List<Path> written;
    try {
      ReportFolder reports = ReportFolder.open(context.reportDir(), buildId());
      result = run(context);
      for (Problem problem : result.problems()) {
        if (problem.isError()) {
          log.error(log.styler().failure(problem.format()));
        } else {
          log.warn(log.styler().warning(problem.format()));
        }
      }
      Reports.writeJson(result, context.reportDir());
      if (CheckReports.isCheckingGoal(goal())) {
        // annotations are workflow commands, which the runner reads from standard output
        CheckReports.write(
            result, ReportInputs.of(goal(), context.configDir()), context, System.out::println);
      }
      afterReports(context, result);
      written = reports.written();
    } catch (ApistageException e) {
      getLog().debug(e);
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("apistage " + goal() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "apistage "
              + goal()
              + " failed unexpectedly ("
              + e
              + "); please report this with the output of mvn -e",
          e);
    }
    if (result.fails(context.failOnWarning())) {
      logReports(log, context, written);
      throw new MojoFailureException(result.message());
    }
    log.info(result.message());
    logReports(log, context, written);
  }

  /**
   * What the reports describe: the commit checked out, so that goals run one after another at the
   * same commit (promote, then deploy, in separate Maven runs) keep each other's reports and a goal
   * run at another commit removes them; outside a Git work tree, the build (its start time).
   */
  private String buildId() {
    try (GitRepo git = GitRepo.open(configDir.toPath())) {
      Optional<String> head = git.head();
      if (head.isPresent()) {
        return "commit " + head.get();
      }
    } catch (ApistageException | IOException e) {
      getLog().debug("reports: no commit to tie them to (" + e.getMessage() + ")");
    }
    if (session != null
        && session.getRequest() != null
        && session.getRequest().getStartTime() != null) {
      return "build " + session.getRequest().getStartTime().getTime();
    }
    return "build " + System.nanoTime();
  }

  /** One line naming the folder and the report files this goal wrote. */
  private static void logReports(Log log, GoalContext context, List<Path> written) {
    if (written.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    written.forEach(p -> names.add(p.getFileName().toString()));
    log.info(
        "Reports written to "
            + context.reportDir().toAbsolutePath().normalize()
            + ": "
            + String.join(", ", names));
  }

  /**
   * Whether this goal answers an {@code -Dapistage.*} property that is no parameter itself (a goal
   * that refuses a password on the command line with its own advice, say); the default answers
   * none, so the property check refuses them.
   */
  protected boolean ownsProperty(String name) {
    return false;
  }

  /** Whether warnings fail the build; goals with an {@code apistage.failOnWarning} override. */
  protected boolean failOnWarning() {
    return false;
  }

  /** The goal's name, for messages. */
  protected abstract String goal();

  /** Runs the goal's engine. */
  protected abstract GoalResult run(GoalContext context) throws ApistageException, IOException;

  /** Writes further reports; the default writes none. */
  protected void afterReports(GoalContext context, GoalResult result) throws IOException {}

  /**
   * Refuses a switch given with a value other than true or false: Maven reads any other text as
   * false, so {@code -Dapistage.dryRun=ture} would promote for real.
   */
  private void checkSwitches() throws MojoFailureException {
    if (session == null) {
      return;
    }
    for (String name : SWITCHES) {
      String value = session.getUserProperties().getProperty(name);
      if (value != null
          && !value.isEmpty()
          && !value.equalsIgnoreCase("true")
          && !value.equalsIgnoreCase("false")) {
        throw new MojoFailureException(
            name
                + "='"
                + value
                + "' is not a switch value; pass -D"
                + name
                + "=true or -D"
                + name
                + "=false");
      }
    }
  }
}
