package io.apistage.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.stage.StageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeRendererTest {

  @Test
  void yamlIsByteForByteWhatTheStageLayoutWrites() {
    Config shop = Fixtures.shop();
    for (Asset asset : shop.assets().values()) {
      Object plain = asset.body().toPlain();
      assertThat(TreeRenderer.yaml(plain)).as(asset.key()).isEqualTo(StageLayout.yaml(plain));
    }
    assertThat(TreeRenderer.yaml(Map.of())).isEqualTo(StageLayout.yaml(Map.of()));
  }

  @Test
  void yamlIsSafeFromManyThreadsAtOnce() {
    List<Object> plains = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      for (Asset asset : Fixtures.shop().assets().values()) {
        plains.add(asset.body().toPlain());
      }
    }
    List<String> sequential = plains.stream().map(StageLayout::yaml).toList();

    List<String> parallel = plains.parallelStream().map(TreeRenderer::yaml).toList();

    assertThat(parallel).isEqualTo(sequential);
  }
}
