package io.apistage.goal;

import io.apistage.model.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code diff.json}: what a promotion of the working copy would change on each stage
 * compared, and why each stage is behind the main branch.
 *
 * @param stages one plan per stage, in chain order
 * @param behind every asset a stage lacks of the checked-out commit, with the reason: {@code dev:
 *     api/orders@1 1.0.0 → 1.1.0 not applied; no pending promotion brings it: ...}
 * @since 0.1.0
 */
public record DiffReport(List<StagePlan> stages, List<String> behind) implements ReportBody {

  public DiffReport {
    stages = List.copyOf(stages);
    behind = List.copyOf(behind);
  }

  /** The plans, not judged against main. */
  public DiffReport(List<StagePlan> stages) {
    this(stages, List.of());
  }

  /** This report with the lines of the stages behind main. */
  public DiffReport withBehind(List<String> lines) {
    return new DiffReport(stages, lines);
  }

  /**
   * What one stage would receive.
   *
   * @param stage the stage's name
   * @param commit the commit of its state compared with, or null when it was never deployed
   * @param assets the assets to create, update and delete
   * @param unchanged how many assets stay as they are
   * @param gateway the stage's gateway URL and every endpoint it would serve
   */
  public record StagePlan(
      String stage, String commit, AssetChanges assets, int unchanged, Gateway gateway) {

    public StagePlan {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(assets, "assets");
      Objects.requireNonNull(gateway, "gateway");
    }

    /** Whether anything would change. */
    public boolean hasChanges() {
      return !assets.create().isEmpty() || !assets.update().isEmpty() || !assets.delete().isEmpty();
    }

    /**
     * "2 to create, 1 to update, 0 to delete, 14 unchanged": the words and numbers of every plan
     * (diff, check and promote print the same change alike).
     */
    public String summary() {
      return assets.create().size()
          + " to create, "
          + assets.update().size()
          + " to update, "
          + assets.delete().size()
          + " to delete, "
          + unchanged
          + " unchanged";
    }

    /** The plan as plain JSON values, as {@code diff.json} lists it. */
    public Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("stage", stage);
      out.put("commit", commit);
      out.put("create", assets.create());
      List<Map<String, Object>> updates = new ArrayList<>();
      assets.update().forEach(u -> updates.add(u.toJson()));
      out.put("update", updates);
      out.put("delete", assets.delete());
      out.put("unchanged", unchanged);
      out.put("gatewayConfig", gateway.toJson());
      return out;
    }
  }

  /**
   * The assets a stage would create, update and delete.
   *
   * @param create the keys to create, sorted
   * @param update the assets to update with their field changes
   * @param delete the keys to delete, sorted
   */
  public record AssetChanges(List<String> create, List<Update> update, List<String> delete) {
    /** No change at all. */
    public static final AssetChanges NONE = new AssetChanges(List.of(), List.of(), List.of());

    public AssetChanges {
      create = List.copyOf(create);
      update = List.copyOf(update);
      delete = List.copyOf(delete);
    }
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

    Map<String, Object> toJson() {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Change c : changes) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", c.field());
        change.put("path", c.path());
        change.put("from", c.from());
        change.put("to", c.to());
        list.add(change);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("key", key);
      out.put("changes", list);
      return out;
    }
  }

  /**
   * How consumers reach a stage.
   *
   * @param gatewayUrl the stage's gateway URL (aliases resolved), or null
   * @param endpoints every endpoint the stage would serve
   */
  public record Gateway(String gatewayUrl, List<Endpoint> endpoints) {
    /** No gateway URL, no endpoints (a plan of a promotion, which deploys nothing). */
    public static final Gateway NONE = new Gateway(null, List.of());

    public Gateway {
      endpoints = List.copyOf(endpoints);
    }

    Map<String, Object> toJson() {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Endpoint e : endpoints) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("api", e.api());
        entry.put("path", e.path());
        entry.put("method", e.method());
        entry.put("gatewayUrl", e.gatewayUrl());
        list.add(entry);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("gatewayUrl", gatewayUrl);
      out.put("endpoints", list);
      return out;
    }
  }

  /**
   * One endpoint as consumers call it on the stage.
   *
   * @param api the Api and major, {@code orders@1}
   * @param path the endpoint's path in the Api
   * @param method the HTTP method
   * @param gatewayUrl {@code <gatewayUrl>/<api>/v<major><path>}
   */
  public record Endpoint(String api, String path, String method, String gatewayUrl) {}

  @Override
  public Map<String, Object> toJson() {
    List<Map<String, Object>> list = new ArrayList<>();
    stages.forEach(s -> list.add(s.toJson()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stages", list);
    out.put("behind", behind);
    return out;
  }
}
