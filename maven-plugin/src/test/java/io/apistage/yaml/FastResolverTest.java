package io.apistage.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class FastResolverTest {

  private final ScalarResolver core = new CoreSchema().getScalarResolver();
  private final ScalarResolver fast = FastResolver.coreSchema().getScalarResolver();

  @Test
  void resolvesEveryScalarAsTheCoreSchemaDoes() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                " ",
                "~",
                "null",
                "Null",
                "NULL",
                "nul",
                "true",
                "True",
                "TRUE",
                "tRUE",
                "false",
                "False",
                "FALSE",
                "yes",
                "no",
                "on",
                "off",
                "y",
                "n",
                "0",
                "-1",
                "+12",
                "007",
                "0o17",
                "0x1F",
                "0xG",
                "1.5",
                "-.5",
                ".5",
                "1e3",
                "1.0e-3",
                ".inf",
                "-.Inf",
                "+.INF",
                ".nan",
                ".NaN",
                "<<",
                "<",
                "${FOO}",
                "${secret:TOKEN}",
                "${alias:orders-backend}",
                "$",
                "string",
                "integer",
                "query",
                "orders@1",
                "GET",
                "/orders/{id}",
                "https://x.example",
                "2026-11-22",
                "12:30",
                "1_000",
                "Infinity",
                "NaN",
                "-",
                "+",
                "."));
    for (char c = 0x20; c < 0x7F; c++) {
      values.add(String.valueOf(c));
      values.add(c + "1");
      values.add(c + "abc");
    }
    for (String value : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        Tag expected = core.resolve(value, implicit);
        assertThat(fast.resolve(value, implicit))
            .as("'%s' implicit %s", value, implicit)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void plainWordsAreStringsAndNumbersStillNumbers() {
    assertThat(fast.resolve("string", true)).isEqualTo(Tag.STR);
    assertThat(fast.resolve("42", true)).isEqualTo(Tag.INT);
    assertThat(fast.resolve("true", true)).isEqualTo(Tag.BOOL);
  }
}
