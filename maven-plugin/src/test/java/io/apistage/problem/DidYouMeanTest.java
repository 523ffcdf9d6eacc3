package io.apistage.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  @Test
  void aFieldOrNameOneEditAwaySuggestsTheKnownOne() {
    assertThat(DidYouMean.nearest("promoteFrom", List.of("name", "promotesFrom", "protected")))
        .contains("promotesFrom");
    assertThat(DidYouMean.nearest("order@1", List.of("catalog@1", "orders@1")))
        .contains("orders@1");
    assertThat(DidYouMean.nearest("corz", List.of("cors", "logging"))).contains("cors");
    assertThat(DidYouMean.advice("publishd", List.of("draft", "published", "retired")))
        .isEqualTo("; did you mean published?");
  }

  @Test
  void swappedLettersAndCaseCountAsNear() {
    assertThat(DidYouMean.distance("pubilshed", "published")).isEqualTo(1);
    assertThat(DidYouMean.nearest("PromotesFrom", List.of("promotesFrom")))
        .contains("promotesFrom");
  }

  @Test
  void nothingNearEnoughSuggestsNothing() {
    assertThat(DidYouMean.nearest("FETCH", List.of("GET", "PATCH", "POST"))).isEmpty();
    assertThat(DidYouMean.nearest("foo", List.of("mainBranch", "tagPattern"))).isEmpty();
    assertThat(DidYouMean.advice("x", List.of())).isEmpty();
    assertThat(DidYouMean.nearest("cors", List.of("cors"))).isEmpty();
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstName() {
    assertThat(DidYouMean.nearest("cat", List.of("cut", "bat"))).contains("bat");
  }
}
