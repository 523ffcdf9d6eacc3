package io.apistage.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git names a stage file may give: branches as git check-ref-format --branch, remotes. */
class GitNamesTest {

  @TempDir Path dir;

  static final List<String> VALID_BRANCHES =
      List.of("apistage/stage/prod", "deploy/qa", "release-1.0", "a.b/c_d", "@x", "x@");

  static final List<String> INVALID_BRANCHES =
      List.of(
          "../../../etc/passwd",
          "a..b",
          "-x",
          "/x",
          "x/",
          ".x",
          "a/.b",
          "x.",
          "a//b",
          "x.lock",
          "a.lock/b",
          "@",
          "a@{1}",
          "a b",
          "a\tb",
          "a\nb",
          "a\u007fb",
          "a~b",
          "a^b",
          "a:b",
          "a?b",
          "a*b",
          "a[b",
          "a\\b",
          "");

  @Test
  void branchesAreThoseGitAccepts() {
    assertThat(VALID_BRANCHES).allMatch(GitNames::isValidBranch);
    assertThat(INVALID_BRANCHES).noneMatch(GitNames::isValidBranch);
    assertThat(GitNames.isValidBranch(null)).isFalse();
  }

  @Test
  void branchesAgreeWithGitCheckRefFormatWhereGitIsInstalled() throws Exception {
    for (String branch :
        List.of(VALID_BRANCHES, INVALID_BRANCHES).stream().flatMap(List::stream).toList()) {
      // git accepts refs/heads/@, but '@' alone means HEAD in a revision: apistage refuses it
      if (branch.isEmpty()
          || branch.equals("@")
          || branch.contains("\n")
          || branch.contains("\u007f")) {
        continue;
      }
      Process git;
      try {
        git =
            new ProcessBuilder("git", "check-ref-format", "--branch", branch)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
      } catch (IOException noGit) {
        return;
      }
      git.getInputStream().readAllBytes();
      assertThat(git.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(GitNames.isValidBranch(branch)).as(branch).isEqualTo(git.exitValue() == 0);
    }
  }

  @Test
  void remotesAreNamesOrUrlsOfTheAllowedTransports() {
    assertThat(
            List.of(
                "origin",
                "stage-git",
                "https://git.example.com/platform/config.git",
                "http://git.local/x.git",
                "ssh://git@git.example.com/x.git",
                "git://127.0.0.1:9418/x.git",
                "file:///srv/git/config.git",
                "git@github.com:org/config.git"))
        .allMatch(GitNames::isValidRemote);
    assertThat(
            List.of(
                "--upload-pack=touch /tmp/pwned",
                "-oProxyCommand=x",
                "ext::sh -c touch% /tmp/pwned",
                "fd::17",
                "/srv/git/config.git",
                "../config.git",
                "git@host:-oProxyCommand=x",
                "https://git.example.com/a b",
                "origin\n",
                "or..igin",
                ""))
        .noneMatch(GitNames::isValidRemote);
    assertThat(GitNames.isValidRemote(null)).isFalse();
  }

  @Test
  void quotedValuesShowControlCharactersEscaped() {
    assertThat(GitNames.quote("a\nb\u001b[31m")).isEqualTo("'a\\u000ab\\u001b[31m'");
  }
}
