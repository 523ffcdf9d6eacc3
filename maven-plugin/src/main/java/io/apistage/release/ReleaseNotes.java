package io.apistage.release;

import io.apistage.release.ApiComparison.ApiChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Markdown release notes of an API version: the changes since the previous release tag, grouped
 * by endpoint with their levels, and the consumers of this repository they affect.
 *
 * @since 0.1.0
 */
public final class ReleaseNotes {

  private ReleaseNotes() {}

  /**
   * What the notes say.
   *
   * @param tag the release tag
   * @param commit the tagged commit
   * @param previous the previous release tag of the API, or null for its first release
   * @param changes the changes since the previous release
   * @param consumers keys of the applications, packages and subscriptions using the API's major
   *     line
   */
  public record Content(
      ReleaseTag tag,
      String commit,
      ReleaseTag previous,
      List<ApiChange> changes,
      List<String> consumers) {
    public Content {
      changes = List.copyOf(changes);
      consumers = List.copyOf(consumers);
    }
  }

  /** The file name of the notes: {@code release-<api>-<version>.md}. */
  public static String fileName(ReleaseTag tag) {
    return "release-"
        + tag.api()
        + "-"
        + tag.version().text().replaceAll("[^0-9A-Za-z.-]", "_")
        + ".md";
  }

  /** The largest level among the changes: major, minor, patch or none. */
  public static String largest(List<ApiChange> changes) {
    String out = "none";
    for (ApiChange c : changes) {
      if (rank(c.level()) > rank(out)) {
        out = c.level();
      }
    }
    return out;
  }

  /** The notes as Markdown. */
  public static String render(Content content) {
    ReleaseTag tag = content.tag();
    StringBuilder out = new StringBuilder();
    out.append("# ").append(tag.api()).append(' ').append(tag.version().text()).append("\n\n");
    out.append("Release tag `")
        .append(tag.name())
        .append("`, commit `")
        .append(content.commit(), 0, Math.min(12, content.commit().length()))
        .append("`, file `apis/")
        .append(tag.api())
        .append("/v")
        .append(tag.major())
        .append(".yaml`.\n\n");
    if (content.previous() == null) {
      out.append("## Changes\n\nThe first release of ").append(tag.api()).append(".\n\n");
    } else {
      out.append("## Changes since ").append(content.previous().name()).append("\n\n");
      if (content.changes().isEmpty()) {
        out.append("No change to the interface.\n\n");
      } else {
        out.append("Largest change: **").append(largest(content.changes())).append("**.\n\n");
        Map<String, List<ApiChange>> byEndpoint = new LinkedHashMap<>();
        for (ApiChange c : content.changes()) {
          byEndpoint.computeIfAbsent(c.endpoint(), k -> new ArrayList<>()).add(c);
        }
        List<String> order = new ArrayList<>(byEndpoint.keySet());
        order.sort((a, b) -> a.isEmpty() == b.isEmpty() ? a.compareTo(b) : a.isEmpty() ? 1 : -1);
        for (String endpoint : order) {
          out.append("### ")
              .append(endpoint.isEmpty() ? "The API as a whole" : "`" + endpoint + "`")
              .append("\n\n");
          List<ApiChange> changes = new ArrayList<>(byEndpoint.get(endpoint));
          changes.sort((a, b) -> Integer.compare(rank(b.level()), rank(a.level())));
          for (ApiChange c : changes) {
            out.append("- **")
                .append(c.level())
                .append("** ")
                .append(oneLine(c.message()))
                .append(" (`")
                .append(c.rule())
                .append("`)\n");
          }
          out.append('\n');
        }
      }
    }
    out.append("## Consumers affected\n\n");
    if (content.consumers().isEmpty()) {
      out.append("No application, package or subscription of this repository uses ")
          .append(tag.api())
          .append('@')
          .append(tag.major())
          .append(".\n");
    } else {
      for (String consumer : content.consumers()) {
        out.append("- `").append(consumer).append("`\n");
      }
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private static int rank(String level) {
    return switch (level) {
      case "major" -> 3;
      case "minor" -> 2;
      case "patch" -> 1;
      default -> 0;
    };
  }
}
