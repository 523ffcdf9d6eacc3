package io.apistage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A private Maven local repository holding this build's parent POM, schemas jar and plugin jar (as
 * {@code mvn install} would lay them out), with {@code ~/.m2/repository} as its only remote, so a
 * benchmark runs {@code mvn apistage:validate} with the code of this checkout and touches no one
 * else's repository.
 */
final class MavenRepo {

  private MavenRepo() {}

  /** Lays out the artifacts in {@code <root>/m2}; needs the jars of {@code mvn package}. */
  static Path prepare(Path root, String version) throws IOException {
    Path local = root.resolve("m2").toAbsolutePath();
    // the benchmark runs in maven-plugin/; apistage.bench.project names the checkout otherwise
    Path project =
        Path.of(System.getProperty("apistage.bench.project", "..")).toAbsolutePath().normalize();
    copy(project.resolve("pom.xml"), local, "apistage-parent", version, "pom");
    copy(project.resolve("schemas/pom.xml"), local, "apistage-schemas", version, "pom");
    copy(
        jar(project.resolve("schemas/target"), "apistage-schemas-" + version + ".jar"),
        local,
        "apistage-schemas",
        version,
        "jar");
    copy(project.resolve("maven-plugin/pom.xml"), local, "apistage-maven-plugin", version, "pom");
    copy(
        jar(project.resolve("maven-plugin/target"), "apistage-maven-plugin-" + version + ".jar"),
        local,
        "apistage-maven-plugin",
        version,
        "jar");
    Path remote = Path.of(System.getProperty("user.home"), ".m2", "repository").toAbsolutePath();
    Files.writeString(root.resolve("settings.xml"), settings(remote.toUri().toString()));
    return local;
  }

  private static Path jar(Path folder, String name) {
    Path jar = folder.resolve(name);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the benchmark profile runs in the package phase, after the jars");
    }
    return jar;
  }

  private static void copy(Path from, Path local, String artifact, String version, String type)
      throws IOException {
    Path to =
        local.resolve(
            "io/apistage/"
                + artifact
                + "/"
                + version
                + "/"
                + artifact
                + "-"
                + version
                + "."
                + type);
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The offline command of a validate run with this repository. */
  static List<String> command(Path local, String version) {
    Path settings = local.resolveSibling("settings.xml");
    return List.of(
        "mvn",
        "-B",
        "-q",
        "-o",
        "-s",
        settings.toString(),
        "-Dmaven.repo.local=" + local,
        "io.apistage:apistage-maven-plugin:" + version + ":validate");
  }

  /** The same command, allowed to fetch the dependencies from {@code ~/.m2}. */
  static List<String> online(List<String> command) {
    List<String> out = new ArrayList<>(command);
    out.remove("-o");
    return out;
  }

  private static String settings(String remote) {
    return """
        <settings>
          <profiles>
            <profile>
              <id>home</id>
              <activation><activeByDefault>true</activeByDefault></activation>
              <repositories>
                <repository><id>home</id><url>%1$s</url></repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository><id>home</id><url>%1$s</url></pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
        </settings>
        """
        .formatted(remote);
  }
}
