package io.apistage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.goal.GoalContext;
import io.apistage.log.RecordingLog;
import io.apistage.problem.ApistageException;
import io.apistage.testing.GitRepoBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release tag given by the user ({@code -Dapistage.tag}) is the only input release turns into a
 * path ({@code apis/<api>/v<major>.yaml}): a tag that would climb out of {@code apis/} never
 * matches the tag pattern, so no path is built from it.
 */
class HostileTagTest {

  @TempDir Path dir;

  static final List<String> HOSTILE =
      List.of(
          "../../x@1.0.0",
          "orders/../../x@1.0.0",
          "/etc/passwd@1.0.0",
          "orders@1.0.0/../../x",
          "orders@1.0.0+../../x/",
          "orders@../1.0.0",
          "Orders@1.0.0",
          "orders@1.0.0\n");

  @Test
  void tagsThatWouldClimbOutOfApisNeverMatchThePattern() throws Exception {
    for (String pattern : List.of("<api>@<version>", "release/<api>/v<version>")) {
      TagPattern tags = TagPattern.of(pattern);
      for (String tag : HOSTILE) {
        assertThat(tags.parse(tag)).as(pattern + " " + tag).isEmpty();
      }
    }
  }

  @Test
  void hostileTagParameterIsRefusedWithTheTagPatternMessageAndNothingIsRead() throws Exception {
    try (GitRepoBuilder history = GitRepoBuilder.init(dir)) {
      history.write("apis/orders/v1.yaml", OrdersYaml.orders("1.4.2", "published", ""));
      history.commit("orders 1.4.2");
    }
    GoalContext context =
        new GoalContext(dir, dir.resolve("target/apistage"), false, Map.of(), new RecordingLog());

    assertThatThrownBy(
            () ->
                new ReleaseGoal(
                        context,
                        new ReleaseRequest("../../x@1.0.0"),
                        new VersionsComparison(),
                        config -> List.of())
                    .execute())
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "the tag '../../x@1.0.0' (from apistage.tag) does not match the release tag pattern"
                + " <api>@<version>; a release tag names an API and its semantic version, e.g."
                + " orders@1.5.0 (the pattern is tagPattern in apistage.yaml)");
    assertThat(dir.resolve("target/apistage"))
        .satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(), p -> assertThat(Files.list(p)).isEmpty());
  }
}
