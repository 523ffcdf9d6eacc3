package io.apistage.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StylerTest {

  private static final Styler COLOUR = new Styler(true);

  @Test
  void planLinesAreColouredByTheirSymbol() {
    assertThat(COLOUR.planLine("  + api/orders@1")).isEqualTo("\u001B[32m  + api/orders@1\u001B[m");
    assertThat(COLOUR.planLine("  ~ application/mobile-app"))
        .isEqualTo("\u001B[33m  ~ application/mobile-app\u001B[m");
    assertThat(COLOUR.planLine("      - /x: 1")).isEqualTo("\u001B[31m      - /x: 1\u001B[m");
    assertThat(COLOUR.planLine("Plan for qa: 1 to create")).isEqualTo("Plan for qa: 1 to create");
    assertThat(COLOUR.failure("f.yaml:1:1: error [schema] x"))
        .isEqualTo("\u001B[1;31mf.yaml:1:1: error [schema] x\u001B[m");
  }

  @Test
  void plainLeavesEveryLineAsItIs() {
    assertThat(Styler.PLAIN.planLine("  + api/orders@1")).isEqualTo("  + api/orders@1");
    assertThat(Styler.PLAIN.failure("e")).isEqualTo("e");
    assertThat(Styler.PLAIN.warning("w")).isEqualTo("w");
    assertThat(Log.NONE.styler()).isEqualTo(Styler.PLAIN);
  }
}
