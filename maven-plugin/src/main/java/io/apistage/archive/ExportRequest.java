package io.apistage.archive;

import io.apistage.git.GitCredentials;
import io.apistage.promotion.Selector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to export.
 *
 * @param archive the file to write
 * @param stage the stage whose state is exported, or null for the working copy
 * @param selectors what to export (their union, with required dependencies); empty for all
 * @param password the archive password
 * @param servers credentials by {@code settings.xml} server id, for stages on a remote
 * @since 0.2.0
 */
public record ExportRequest(
    Path archive,
    String stage,
    List<Selector> selectors,
    char[] password,
    Map<String, GitCredentials> servers) {

  public ExportRequest {
    Objects.requireNonNull(archive, "archive");
    selectors = List.copyOf(selectors);
    password = password.clone();
    servers = Map.copyOf(servers);
  }
}
