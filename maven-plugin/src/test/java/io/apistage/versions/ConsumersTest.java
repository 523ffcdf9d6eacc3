package io.apistage.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.apistage.yaml.YamlParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumersTest {

  @TempDir Path root;

  void write(String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void applicationsPackagesAndSubscriptionsOfOneApiMajor() throws Exception {
    write("applications/mobile-app.yaml", Fixtures.MOBILE_APP);
    write("applications/web-app.yaml", Fixtures.WEB_APP);
    write("packages/shop.yaml", Fixtures.SHOP);
    write("packages/other.yaml", "kind: Package\nname: other\napis: [catalog@2]\nplans: [gold]\n");
    write("subscriptions/mobile-shop.yaml", Fixtures.MOBILE_SHOP);
    write(
        "subscriptions/web-other.yaml",
        "kind: Subscription\nname: web-other\napplication: web-app\npackage: other\nplan: gold\n");
    Consumers consumers = Consumers.read(root);
    assertThat(consumers.of("orders", 1))
        .containsExactly("application/mobile-app", "package/shop", "subscription/mobile-shop");
    assertThat(consumers.of("orders", 2)).containsExactly("application/web-app");
    assertThat(consumers.of("catalog", 2))
        .containsExactly("application/mobile-app", "package/other", "subscription/web-other");
    assertThat(consumers.of("payments", 1)).isEmpty();
  }

  @Test
  void noConsumerFoldersMeansNoConsumers() throws Exception {
    assertThat(Consumers.read(root).of("orders", 1)).isEmpty();
  }

  @Test
  void aNameInsideALongerNameIsNoMention() {
    assertThat(Consumers.mentions("apis: [orders@1]", "orders")).isTrue();
    assertThat(Consumers.mentions("apis: [{ name: orders, major: 1 }]", "orders")).isTrue();
    assertThat(Consumers.mentions("apis: [\"orders@2\"]\n", "orders")).isTrue();
    assertThat(Consumers.mentions("apis: [orders-v2@1, reorders@1, orders2@1]", "orders"))
        .isFalse();
    assertThat(Consumers.mentions("orders", "orders")).isTrue();
  }

  @Test
  void namesAtFileEdgesCommentsLinksAndUnreadableFilesAreJudgedByTheirDocument() throws Exception {
    // the API's name ends one file and starts the next: each file is searched on its own
    write(
        "applications/a-first.yaml",
        "kind: Application\nname: a-first\napis: [orders@1]\n# orders");
    write("applications/b-second.yaml", "orders: 1\nkind: Application\nname: b-second\napis: []\n");
    // named only in a comment, or next to a multi-byte character: parsed, not a consumer
    write(
        "packages/comment.yaml", "kind: Package\nname: comment\napis: [catalog@1] # not orders\n");
    write(
        "packages/ünïcode.yaml",
        "kind: Package\nname: x\napis: [orders@1]\ndescription: éorders\n");
    write("packages/broken.yaml", "kind: Package\napis: [orders@1\n");
    write("subscriptions/s1.yaml", "kind: Subscription\nname: s1\npackage: ünïcode\nplan: gold\n");
    write("subscriptions/s2.yaml", "kind: Subscription\nname: s2\npackage: comment\nplan: gold\n");
    // over the size limit: not read at all (validate reports it), whatever it names
    try (var out = Files.newOutputStream(root.resolve("applications/huge.yaml"))) {
      out.write(
          "kind: Application\nname: huge\napis: [orders@1]\ndescription: "
              .getBytes(StandardCharsets.UTF_8));
      out.write("x".repeat((int) YamlParser.MAX_FILE_BYTES).getBytes(StandardCharsets.UTF_8));
    }
    Files.createSymbolicLink(
        root.resolve("applications/linked.yaml"), root.resolve("applications/a-first.yaml"));
    assertThat(Consumers.read(root).of("orders", 1))
        .containsExactly("application/a-first", "package/ünïcode", "subscription/s1");
  }
}
