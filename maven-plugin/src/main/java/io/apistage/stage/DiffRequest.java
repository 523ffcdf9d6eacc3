package io.apistage.stage;

import io.apistage.git.GitCredentials;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the {@code diff} goal is asked to do.
 *
 * @param stage the one stage to compare ({@code apistage.stage}), or empty for all stages
 * @param failOnDiff whether any difference fails the build ({@code apistage.failOnDiff})
 * @param servers credentials by {@code settings.xml} server id, for stages on a remote
 * @since 0.1.0
 */
public record DiffRequest(
    Optional<String> stage, boolean failOnDiff, Map<String, GitCredentials> servers) {

  public DiffRequest {
    stage = stage.map(String::strip).filter(s -> !s.isEmpty());
    servers = Collections.unmodifiableMap(new TreeMap<>(servers));
  }

  /** A request for all stages without credentials. */
  public static DiffRequest allStages() {
    return new DiffRequest(Optional.empty(), false, Map.of());
  }
}
