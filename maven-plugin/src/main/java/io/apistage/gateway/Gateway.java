package io.apistage.gateway;

import io.apistage.problem.ApistageException;
import io.apistage.stage.StageState;
import java.io.IOException;
import java.util.Optional;

/**
 * A gateway that runs a stage: it renders the stage's state into its own configuration, checks it,
 * applies it without dropping a request, and tells what it runs. nginx is the one type built
 * ({@link io.apistage.gateway.nginx.NginxGateway}); another type is one more implementation
 * (docs/gateway.md).
 *
 * @since 0.1.0
 */
public interface Gateway {

  /**
   * The stage's state as this gateway's configuration: the same state and secrets give the same
   * bytes. Everything the gateway cannot enforce is a problem at its value, never left out.
   *
   * @param state the stage's state, read from its branch
   * @param secrets where {@code ${secret:NAME}} references are resolved
   */
  Rendering render(StageState state, Secrets secrets);

  /**
   * What the gateway runs now for the stage: the commit and checksum of its configuration file, or
   * empty when it runs nothing of the stage.
   */
  Optional<Running> running() throws IOException;

  /**
   * Whether the gateway answers now that it runs this commit (one quick call): the file on disk may
   * have been swapped by a deploy that was killed before its reload.
   */
  boolean answers(String commit);

  /**
   * Applies a rendering: write beside, check the new file before it goes live, swap, reload, wait
   * until every new connection reaches the new commit. A rejected file never replaces the live one;
   * on a later failure the previous configuration is restored and served again. The exception names
   * the step and the gateway's own message.
   */
  void apply(Rendering rendering) throws ApistageException, IOException;

  /**
   * What a gateway runs for a stage.
   *
   * @param commit the stage commit the configuration was rendered from
   * @param sha256 the SHA-256 of the configuration file as it is on disk
   * @param file the file, for messages
   */
  record Running(String commit, String sha256, String file) {}
}
