package io.apistage.cache;

import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import java.util.List;

/**
 * What the rules between assets learn from one file alone, kept in the validate cache beside its
 * parse and schema problems so that a file met unchanged is not read by the rules again: the
 * problems of the rules that look only at that file, the secrets its values hold (before {@code
 * apistage.yaml}'s {@code secrets.allow} is applied, which other files decide), and the assets it
 * names, with their positions.
 *
 * @param local the problems of the rules that read only this file
 * @param secrets the values that look like secrets, as problems before {@code secrets.allow}
 * @param references the assets this file names, in document order
 * @since 0.3.0
 */
public record FileFacts(List<Problem> local, List<Problem> secrets, List<Ref> references) {

  public FileFacts {
    local = List.copyOf(local);
    secrets = List.copyOf(secrets);
    references = List.copyOf(references);
  }

  /**
   * One named asset.
   *
   * @param pointer the JSON pointer of the value that names it
   * @param line 1-based line of that value
   * @param column 1-based column of that value
   * @param kind the kind named
   * @param name the name named
   * @param major the major named, 0 for kinds without majors, -1 for any major of an Api
   * @param required whether the asset cannot be promoted without the one it names
   */
  public record Ref(
      String pointer, int line, int column, Kind kind, String name, int major, boolean required) {}
}
