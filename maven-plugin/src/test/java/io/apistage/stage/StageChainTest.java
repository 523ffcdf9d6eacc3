package io.apistage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apistage.model.ConfigLoader;
import io.apistage.model.MemorySource;
import io.apistage.problem.ApistageException;
import io.apistage.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StageChainTest {

  private static StageChain chain(String... nameAndFrom) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < nameAndFrom.length; i += 2) {
      String from = nameAndFrom[i + 1];
      String yaml =
          "kind: Stage\nname: "
              + nameAndFrom[i]
              + "\n"
              + (from == null ? "" : "promotesFrom: " + from + "\n");
      files.put("stages/" + nameAndFrom[i] + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
    return StageChain.of(new ConfigLoader().load(new MemorySource(files)));
  }

  @Test
  void stagesAreInPromotionOrder() throws Exception {
    StageChain chain = chain("prod", "qa", "dev", null, "qa", "dev", "perf", "dev");
    assertThat(chain.problems()).isEmpty();
    assertThat(chain.order()).extracting(Stage::name).containsExactly("dev", "perf", "qa", "prod");
    assertThat(chain.first().orElseThrow().name()).isEqualTo("dev");
    assertThat(chain.promotesFrom(chain.get("prod")).orElseThrow().name()).isEqualTo("qa");
    assertThat(chain.promotesFrom(chain.get("dev"))).isEmpty();
    assertThat(chain.next(chain.get("dev"))).extracting(Stage::name).containsExactly("perf", "qa");
    assertThat(chain.get("qa").state().branch()).isEqualTo("apistage/stage/qa");
    assertThat(chain.get("qa").state().isRemote()).isFalse();
  }

  @Test
  void unknownStageNamesTheKnownOnesAndTheProperty() throws Exception {
    StageChain chain = chain("dev", null, "qa", "dev");
    assertThatThrownBy(() -> chain.get("qaa"))
        .isInstanceOf(ApistageException.class)
        .hasMessage(
            "unknown stage 'qaa' (apistage.stage); known stages: dev, qa; pass one with -Dapistage.stage=dev,"
                + " or omit it for all");
  }

  @Test
  void promotesFromAnUnknownStageIsAnError() throws Exception {
    StageChain chain = chain("dev", null, "qa", "dve");
    assertThat(chain.problems())
        .extracting(Problem::format)
        .containsExactly(
            "stages/qa.yaml:3:15: error [stage-chain] stage qa promotes from 'dve', which is not a stage;"
                + " known stages: dev, qa");
  }

  @Test
  void twoFirstStagesAndCyclesAreErrors() throws Exception {
    StageChain chain = chain("dev", null, "sandbox", null, "a", "b", "b", "a");
    assertThat(chain.problems())
        .extracting(Problem::message)
        .containsExactlyInAnyOrder(
            "stages dev and sandbox both lack promotesFrom, but a stage chain has one first stage; set"
                + " promotesFrom on all stages but the first",
            "stage a is in a promotesFrom cycle (a <- b <- a) and never reached from the first stage; break the cycle",
            "stage b is in a promotesFrom cycle (b <- a <- b) and never reached from the first stage; break the cycle");
    assertThat(chain.order()).extracting(Stage::name).containsExactly("dev");
  }
}
