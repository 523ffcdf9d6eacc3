package io.apistage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.problem.ApistageException;
import io.apistage.versions.SemVer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagPatternTest {

  @Test
  void defaultPatternReadsApiAndVersion() throws Exception {
    TagPattern pattern = TagPattern.of("<api>@<version>");

    ReleaseTag tag = pattern.parse("orders@1.5.0").orElseThrow();

    assertThat(tag.api()).isEqualTo("orders");
    assertThat(tag.version().text()).isEqualTo("1.5.0");
    assertThat(tag.major()).isEqualTo(1);
    assertThat(pattern.parse("orders@1.5")).isEmpty();
    assertThat(pattern.parse("v1.5.0")).isEmpty();
    assertThat(pattern.parse("Orders@1.5.0")).isEmpty();
    assertThat(pattern.format("orders", "2.0.0")).isEqualTo("orders@2.0.0");
  }

  @Test
  void customPatternTreatsItsOtherCharactersLiterally() throws Exception {
    TagPattern pattern = TagPattern.of("release/<api>/v<version>");

    assertThat(pattern.parse("release/order-items/v2.0.0-rc.1").orElseThrow().api())
        .isEqualTo("order-items");
    assertThat(pattern.parse("releaseXorders/v2.0.0")).isEmpty();
  }

  @Test
  void patternWithoutBothPlaceholdersIsRefused() {
    assertThatThrownBy(() -> TagPattern.of("v<version>"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "apistage.yaml tagPattern 'v<version>' must contain <api> and <version> once each,"
                + " e.g. tagPattern: <api>@<version> or tagPattern: <api>/v<version>");
  }

  @Test
  void versionsOrderBySemverPrecedence() {
    List<String> sorted =
        List.of(
                "1.10.0",
                "1.2.0",
                "1.2.0-rc.1",
                "1.2.0-alpha",
                "1.2.0-rc.10",
                "1.2.0-rc.2",
                "0.9.9")
            .stream()
            .map(v -> SemVer.parse(v).orElseThrow())
            .sorted()
            .map(SemVer::text)
            .toList();

    assertThat(sorted)
        .containsExactly(
            "0.9.9", "1.2.0-alpha", "1.2.0-rc.1", "1.2.0-rc.2", "1.2.0-rc.10", "1.2.0", "1.10.0");
    assertThat(SemVer.parse("01.2.3")).isEmpty();
  }

  @Test
  void tagIsTakenFromTheParameterThenHeadThenTheCiVariable() throws Exception {
    TagPattern pattern = TagPattern.of("<api>@<version>");
    Map<String, String> github =
        Map.of("GITHUB_REF_TYPE", "tag", "GITHUB_REF_NAME", "orders@1.6.0");

    assertThat(TagResolver.resolve("orders@1.0.0", List.of("orders@1.5.0"), github, pattern))
        .isEqualTo(new TagResolver.Resolved("orders@1.0.0", "apistage.tag"));
    assertThat(TagResolver.resolve(null, List.of("nightly", "orders@1.5.0"), github, pattern))
        .isEqualTo(new TagResolver.Resolved("orders@1.5.0", "HEAD"));
    assertThat(TagResolver.resolve("", List.of(), github, pattern))
        .isEqualTo(new TagResolver.Resolved("orders@1.6.0", "GITHUB_REF_NAME"));
    assertThat(
            TagResolver.resolve(null, List.of(), Map.of("CI_COMMIT_TAG", "orders@1.7.0"), pattern))
        .isEqualTo(new TagResolver.Resolved("orders@1.7.0", "CI_COMMIT_TAG"));
    // A branch push on GitHub names the branch in GITHUB_REF_NAME: no tag.
    assertThatThrownBy(
            () ->
                TagResolver.resolve(
                    null,
                    List.of("nightly"),
                    Map.of("GITHUB_REF_TYPE", "branch", "GITHUB_REF_NAME", "main"),
                    pattern))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "no release tag to check: pass -Dapistage.tag=<api>@<version> (e.g. orders@1.5.0), or run on a"
                + " commit that carries such a tag (HEAD carries [nightly], which do not match the tag pattern"
                + " <api>@<version>)");
  }

  @Test
  void severalReleaseTagsOnHeadNeedAChoice() throws Exception {
    TagPattern pattern = TagPattern.of("<api>@<version>");

    assertThatThrownBy(
            () ->
                TagResolver.resolve(
                    null, List.of("catalog@2.0.0", "orders@1.5.0"), Map.of(), pattern))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "HEAD carries several release tags [catalog@2.0.0, orders@1.5.0]; choose the one to release with"
                + " -Dapistage.tag=catalog@2.0.0");
  }
}
