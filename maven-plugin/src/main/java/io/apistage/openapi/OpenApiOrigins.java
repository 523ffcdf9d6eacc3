package io.apistage.openapi;

import io.apistage.yaml.JsonPointer;
import io.apistage.yaml.YMap;
import io.apistage.yaml.YNode;
import io.apistage.yaml.YSeq;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which file each converted value of an Api came from: an Api whose endpoints were read from an
 * OpenAPI document holds values of that document (and of the files it refers to), each with its own
 * position; this tells the file to report it in.
 *
 * @since 0.2.0
 */
public final class OpenApiOrigins {

  /** An Api that lists its endpoints itself: every value is in its own file. */
  public static final OpenApiOrigins NONE = new OpenApiOrigins(Map.of());

  private final Map<YNode, String> files;

  OpenApiOrigins(Map<YNode, String> files) {
    this.files = new IdentityHashMap<>(files);
  }

  /** Whether some values came from another file. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /**
   * The file of the deepest value on the way to a JSON pointer in {@code root} that came from an
   * OpenAPI file, else {@code fallback} (the Api file itself).
   */
  public String fileAt(YNode root, String pointer, String fallback) {
    if (root == null || files.isEmpty()) {
      return fallback;
    }
    String file = files.getOrDefault(root, fallback);
    YNode node = root;
    if (pointer == null || pointer.isEmpty()) {
      return file;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = JsonPointer.unescape(raw);
      if (node instanceof YMap map) {
        node = map.get(token);
      } else if (node instanceof YSeq seq) {
        int index = token.matches("0|[1-9][0-9]{0,8}") ? Integer.parseInt(token) : -1;
        node = index >= 0 && index < seq.size() ? seq.get(index) : null;
      } else {
        node = null;
      }
      if (node == null) {
        return file;
      }
      file = files.getOrDefault(node, file);
    }
    return file;
  }
}
