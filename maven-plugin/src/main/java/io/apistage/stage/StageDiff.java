package io.apistage.stage;

import io.apistage.goal.DiffReport;
import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a promotion of the working copy would change on one stage: the assets to create, update
 * (with each changed field) and delete, the number left unchanged, and the gateway URL of every
 * endpoint the stage would serve.
 *
 * @param stage the stage's name
 * @param commit the commit of the stage's state compared with, or empty for a stage never deployed
 * @param create the keys of assets to create, sorted
 * @param update the assets to update with their changes, by key
 * @param delete the keys of assets to delete, sorted
 * @param unchanged how many assets stay as they are
 * @param gatewayUrl the stage's gateway URL (aliases resolved), or null when it declares none
 * @param endpoints every endpoint the stage would serve, with its gateway URL
 * @since 0.1.0
 */
public record StageDiff(
    String stage,
    Optional<String> commit,
    List<String> create,
    List<Update> update,
    List<String> delete,
    int unchanged,
    String gatewayUrl,
    List<Endpoint> endpoints) {

  public StageDiff {
    Objects.requireNonNull(stage, "stage");
    create = List.copyOf(create);
    update = List.copyOf(update);
    delete = List.copyOf(delete);
    endpoints = List.copyOf(endpoints);
  }

  /**
   * One asset to update.
   *
   * @param key the asset's key
   * @param changes its changed fields
   */
  public record Update(String key, List<Change> changes) {
    public Update {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One endpoint as consumers call it on the stage.
   *
   * @param api the Api and major, as applications name them: {@code orders@1}
   * @param path the endpoint's path in the Api
   * @param method the HTTP method
   * @param gatewayUrl {@code <gatewayUrl>/<api>/v<major><path>}
   */
  public record Endpoint(String api, String path, String method, String gatewayUrl) {}

  /** Whether anything would change. */
  public boolean hasChanges() {
    return !create.isEmpty() || !update.isEmpty() || !delete.isEmpty();
  }

  /** "2 to create, 1 to update, 0 to delete, 14 unchanged". */
  public String summary() {
    return create.size()
        + " to create, "
        + update.size()
        + " to update, "
        + delete.size()
        + " to delete, "
        + unchanged
        + " unchanged";
  }

  /** This diff as its entry of the diff report. */
  public DiffReport.StagePlan toReport() {
    List<DiffReport.Update> updates = new ArrayList<>();
    update.forEach(u -> updates.add(new DiffReport.Update(u.key(), u.changes())));
    List<DiffReport.Endpoint> served = new ArrayList<>();
    endpoints.forEach(
        e -> served.add(new DiffReport.Endpoint(e.api(), e.path(), e.method(), e.gatewayUrl())));
    return new DiffReport.StagePlan(
        stage,
        commit.orElse(null),
        new DiffReport.AssetChanges(create, updates, delete),
        unchanged,
        new DiffReport.Gateway(gatewayUrl, served));
  }
}
