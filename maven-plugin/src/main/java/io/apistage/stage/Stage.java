package io.apistage.stage;

import io.apistage.model.Asset;
import io.apistage.yaml.YMap;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage (an API gateway instance) as its {@code stages/<name>.yaml} declares it.
 *
 * @param name the stage's name
 * @param file the stage's file, relative to the config root
 * @param upstream where the stage receives changes from, and who may change it
 * @param gatewayUrl the base URL consumers call, or null when the stage declares none
 * @param state where the stage's deployed state lives
 * @param body the stage's document, for positions in messages
 * @since 0.1.0
 */
public record Stage(
    String name,
    String file,
    Upstream upstream,
    String gatewayUrl,
    StateLocation state,
    YMap body) {

  /** The branch a stage's state lives on unless its file says otherwise. */
  public static final String DEFAULT_BRANCH_PREFIX = "apistage/stage/";

  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Where a stage receives its changes from, and who may change it.
   *
   * @param promotesFrom the stage it receives promotions from, or null for the first stage
   * @param track the branch the first stage follows on every {@code promote}, or null
   * @param protectedStage whether only promotions applied from the main branch may change it
   */
  public record Upstream(String promotesFrom, String track, boolean protectedStage) {}

  /** The stage it receives promotions from, or null for the first stage. */
  public String promotesFrom() {
    return upstream.promotesFrom();
  }

  /** The branch the first stage follows on every {@code promote}, or null. */
  public String track() {
    return upstream.track();
  }

  /** Whether only promotions applied from the main branch may change the stage. */
  public boolean protectedStage() {
    return upstream.protectedStage();
  }

  /**
   * Where a stage's state lives: a branch of this repository, or of a remote.
   *
   * @param branch the branch's short name, e.g. {@code apistage/stage/qa}
   * @param remote a remote of the repository or a URL, or null for this repository
   * @param server the id of the {@code settings.xml} server with the remote's credentials, or null
   */
  public record StateLocation(String branch, String remote, String server) {

    public StateLocation {
      Objects.requireNonNull(branch, "branch");
    }

    /** Whether the state lives on a remote. */
    public boolean isRemote() {
      return remote != null;
    }

    /** The branch as a full ref name. */
    public String remoteRef() {
      return "refs/heads/" + branch;
    }

    /**
     * The local ref the state is read from: the branch itself, or for a remote stage the ref it is
     * fetched into, {@code refs/apistage/remotes/<stage>}.
     */
    public String localRef(String stage) {
      return isRemote() ? "refs/apistage/remotes/" + stage : remoteRef();
    }

    /**
     * How messages name the state: {@code apistage/stage/qa}, or {@code origin:apistage/stage/qa}.
     */
    public String describe() {
      return isRemote() ? remote + ":" + branch : branch;
    }
  }

  /** Whether this is the first stage of the chain (it promotes from the main branch). */
  public boolean isFirst() {
    return upstream.promotesFrom() == null;
  }

  /** The stage it promotes from, if any. */
  public Optional<String> source() {
    return Optional.ofNullable(upstream.promotesFrom());
  }

  /**
   * Reads a stage from its asset; fields of the wrong type count as absent (its schema reports
   * them).
   */
  public static Stage of(Asset asset) {
    YMap body = asset.body();
    YMap state = body.map("state");
    String branch = state == null ? null : state.str("branch");
    String remote = state == null ? null : state.str("remote");
    String server = state == null ? null : state.str("server");
    return new Stage(
        asset.name(),
        asset.file(),
        new Upstream(body.str("promotesFrom"), body.str("track"), body.bool("protected", false)),
        body.str("gatewayUrl"),
        new StateLocation(
            branch == null ? DEFAULT_BRANCH_PREFIX + asset.name() : branch, remote, server),
        body);
  }
}
