package io.apistage.release;

import io.apistage.model.Asset;
import io.apistage.model.Config;
import io.apistage.model.Kind;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The applications and subscriptions of a configuration that use one major line of an API: the
 * consumers a release of that line affects.
 *
 * @since 0.1.0
 */
public final class Consumers {

  private Consumers() {}

  /**
   * The keys of the consumers of {@code <api>@<major>}: Applications that list it, and
   * Subscriptions to a Package that offers it; sorted.
   */
  public static List<String> of(Config config, String api, int major) {
    String ref = api + "@" + major;
    Set<String> out = new TreeSet<>();
    Set<String> packages = new TreeSet<>();
    for (Asset app : config.all(Kind.APPLICATION)) {
      if (lists(app, ref)) {
        out.add(app.key());
      }
    }
    for (Asset pkg : config.all(Kind.PACKAGE)) {
      if (lists(pkg, ref)) {
        packages.add(pkg.name());
      }
    }
    for (Asset sub : config.all(Kind.SUBSCRIPTION)) {
      if (packages.contains(sub.str("package"))) {
        out.add(sub.key());
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean lists(Asset asset, String ref) {
    for (YNode item : asset.body().list("apis")) {
      if (item instanceof YScalar s && ref.equals(s.text())) {
        return true;
      }
    }
    return false;
  }
}
