package io.apistage.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code upgrade-access} is about: the API, the line its consumers move to and from, and once
 * the consumers are known, each consumer moved.
 *
 * @param api the API's name
 * @param to the line moved to, {@code <api>@<major>}
 * @param from the only line moved from, or null for every other line
 * @param consumers the consumers moved, or null when the goal stopped before selecting them
 * @since 0.1.0
 */
record UpgradeAccessReport(String api, String to, String from, List<Consumer> consumers)
    implements EditReport.Subject {

  UpgradeAccessReport {
    consumers = consumers == null ? null : List.copyOf(consumers);
  }

  /** The same report with the consumers moved. */
  UpgradeAccessReport withConsumers(List<Consumer> moved) {
    return new UpgradeAccessReport(api, to, from, moved);
  }

  /**
   * One consumer moved.
   *
   * @param consumer the Application's or Package's key
   * @param file its file
   * @param from the line it leaves, {@code <api>@<major>}
   * @param to the line it moves to
   * @param breaking the breaking changes between the lines, or null when the line it leaves cannot
   *     be read
   * @param subscriptions the Subscriptions that follow a Package, by key
   */
  record Consumer(
      String consumer,
      String file,
      String from,
      String to,
      List<Breaking> breaking,
      List<String> subscriptions) {

    Consumer {
      breaking = breaking == null ? null : List.copyOf(breaking);
      subscriptions = List.copyOf(subscriptions);
    }

    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("consumer", consumer);
      out.put("file", file);
      out.put("from", from);
      out.put("to", to);
      List<Map<String, Object>> list = null;
      if (breaking != null) {
        list = new ArrayList<>();
        for (Breaking b : breaking) {
          Map<String, Object> plain = new LinkedHashMap<>();
          plain.put("rule", b.rule());
          plain.put("field", b.field());
          plain.put("message", b.message());
          list.add(plain);
        }
      }
      out.put("breaking", list);
      out.put("subscriptions", subscriptions);
      return out;
    }
  }

  /**
   * A breaking change a consumer adapts to.
   *
   * @param rule the change rule's id
   * @param field the JSON pointer of the change
   * @param message what changed
   */
  record Breaking(String rule, String field, String message) {}

  @Override
  public void putInto(Map<String, Object> json) {
    json.put("api", api);
    json.put("to", to);
    json.put("from", from);
    if (consumers != null) {
      json.put("consumers", consumers.stream().map(Consumer::toJson).toList());
    }
  }
}
