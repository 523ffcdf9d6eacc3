package io.apistage.rules;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import io.apistage.problem.RuleId;
import io.apistage.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kind-folder}: a document's {@code kind} matches the folder it is in ({@code apis/} holds
 * {@code kind: Api}, {@code policies/} holds {@code kind: Policy}, ...).
 *
 * @since 0.1.0
 */
public final class KindFolderRule implements AssetRule {

  /** Whether an asset's {@code kind} is written and differs from its folder's kind. */
  public static boolean mismatched(Asset asset) {
    String kind = RuleSupport.scalarText(asset.body().get("kind"));
    return kind != null && !kind.equals(asset.kind().label());
  }

  /** Where a document of a kind and name belongs; an Api's major is not known from another kind. */
  private static String home(Kind kind, String name) {
    return kind == Kind.API
        ? "apis/" + name + "/v<MAJOR>.yaml"
        : kind.folder() + "/" + name + ".yaml";
  }

  @Override
  public List<Problem> check(Asset asset) {
    List<Problem> out = new ArrayList<>();
    if (!mismatched(asset)) {
      return out;
    }
    YNode node = asset.body().get("kind");
    String written = RuleSupport.scalarText(node);
    Kind folderKind = asset.kind();
    Optional<Kind> meant = Kind.byLabel(written);
    String where =
        folderKind == Kind.API ? "apis/<api>/v<MAJOR>.yaml" : folderKind.folder() + "/<name>.yaml";
    String message =
        "kind '"
            + written
            + "' does not match the folder: "
            + folderKind.folder()
            + "/ holds kind: "
            + folderKind.label()
            + " ("
            + where
            + "); ";
    message +=
        meant.isPresent()
            ? "move the file to "
                + home(meant.get(), asset.name())
                + " or set kind: "
                + folderKind.label()
            : "set kind: " + folderKind.label();
    out.add(RuleSupport.error(asset, node, "/kind", RuleId.KIND_FOLDER, message));
    return out;
  }
}
