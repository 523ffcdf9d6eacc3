package io.apistage.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Refuses an {@code -Dapistage.*} property that no apistage goal of this Maven run takes. Maven
 * ignores a property that no parameter reads, so {@code promote -Dapistage.stage=qa} would act on
 * every stage and {@code rollback -Dapistage.dryRun=true} would roll back for real. A property
 * meant for another apistage goal of the same run (named on the command line, or bound in a POM of
 * the build, such as {@code check} under {@code mvn verify}) is accepted.
 */
final class PropertyCheck {

  private static final String PREFIX = "apistage.";

  private final String goal;
  private final Set<String> given;
  private final Map<String, Set<String>> takenBy;
  private final Set<String> goalsInRun;
  private final Predicate<String> owned;

  private PropertyCheck(
      String goal,
      Set<String> given,
      Map<String, Set<String>> takenBy,
      Set<String> goalsInRun,
      Predicate<String> owned) {
    this.owned = owned;
    this.goal = goal;
    this.given = given;
    this.takenBy = takenBy;
    this.goalsInRun = goalsInRun;
  }

  /**
   * The check for one goal's execution in a session; {@code owned} names the properties the goal
   * answers itself.
   */
  static PropertyCheck of(MavenSession session, MojoExecution execution, Predicate<String> owned) {
    MojoDescriptor mojo = execution.getMojoDescriptor();
    PluginDescriptor plugin = mojo.getPluginDescriptor();
    Map<String, Set<String>> takenBy = new TreeMap<>();
    for (MojoDescriptor each : plugin.getMojos()) {
      takenBy.put(each.getGoal(), properties(each));
    }
    Set<String> given = new TreeSet<>();
    String poms = pomTexts(session);
    for (String name : session.getUserProperties().stringPropertyNames()) {
      // a property the build's own POMs use (say ${apistage.version}) is theirs, not a goal's
      if (name.startsWith(PREFIX) && !poms.contains("${" + name + "}")) {
        given.add(name);
      }
    }
    Set<String> run = goalsInRun(session, plugin);
    run.add(mojo.getGoal());
    return new PropertyCheck(mojo.getGoal(), given, takenBy, run, owned);
  }

  /**
   * The message refusing the first property that no goal of the run takes, naming the goals that do
   * take it and the properties this goal takes; {@code null} when every property is taken.
   */
  String unknown() {
    for (String name : given) {
      boolean taken = owned.test(name);
      for (String other : goalsInRun) {
        taken |= takenBy.getOrDefault(other, Set.of()).contains(name);
      }
      if (taken) {
        continue;
      }
      List<String> elsewhere = new ArrayList<>();
      takenBy.forEach(
          (other, names) -> {
            if (names.contains(name)) {
              elsewhere.add(other);
            }
          });
      String own =
          String.join(
              ", ", takenBy.getOrDefault(goal, Set.of()).stream().map(p -> "-D" + p).toList());
      return "apistage:"
          + goal
          + " does not take -D"
          + name
          + (elsewhere.isEmpty()
              ? " (no apistage goal takes it)"
              : " (it is a property of " + String.join(", ", elsewhere) + ")")
          + "; apistage:"
          + goal
          + " takes "
          + own;
    }
    return null;
  }

  /** The text of every POM of the build, to see which properties the POMs themselves read. */
  private static String pomTexts(MavenSession session) {
    StringBuilder out = new StringBuilder();
    if (session.getProjects() == null) {
      return "";
    }
    for (MavenProject project : session.getProjects()) {
      if (project.getFile() != null) {
        try {
          out.append(Files.readString(project.getFile().toPath()));
        } catch (IOException e) {
          // a POM that cannot be read again uses no property this check needs to know of
        }
      }
    }
    return out.toString();
  }

  /** The {@code apistage.*} properties that a goal's parameters read. */
  private static Set<String> properties(MojoDescriptor mojo) {
    Set<String> out = new TreeSet<>();
    if (mojo.getParameters() == null) {
      return out;
    }
    for (Parameter parameter : mojo.getParameters()) {
      String expression = parameter.getExpression();
      if (expression != null && expression.startsWith("${" + PREFIX) && expression.endsWith("}")) {
        out.add(expression.substring(2, expression.length() - 1));
      }
    }
    return out;
  }

  /**
   * The apistage goals this run executes: those named on the command line ({@code apistage:promote}
   * or by full coordinates) and, when a lifecycle phase is named, those bound in the build's POMs.
   */
  private static Set<String> goalsInRun(MavenSession session, PluginDescriptor plugin) {
    Set<String> goals = new TreeSet<>();
    boolean phase = false;
    for (String task : session.getGoals()) {
      String[] parts = task.split(":");
      if (parts.length == 1) {
        phase = true;
      } else if (parts.length == 2 && parts[0].equals(plugin.getGoalPrefix())) {
        goals.add(parts[1]);
      } else if (parts.length >= 3
          && parts[0].equals(plugin.getGroupId())
          && parts[1].equals(plugin.getArtifactId())) {
        goals.add(parts[parts.length - 1]);
      }
    }
    if (phase && session.getProjects() != null) {
      for (MavenProject project : session.getProjects()) {
        Plugin bound = project.getPlugin(plugin.getPluginLookupKey());
        if (bound != null) {
          for (PluginExecution execution : bound.getExecutions()) {
            goals.addAll(execution.getGoals());
          }
        }
      }
    }
    return goals;
  }
}
