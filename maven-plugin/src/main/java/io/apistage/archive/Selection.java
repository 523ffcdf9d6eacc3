package io.apistage.archive;

import io.apistage.model.Kind;
import io.apistage.problem.ApistageException;
import io.apistage.promotion.PromotionSpec;
import io.apistage.promotion.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code apistage.select} list of export: comma-separated {@code <kind>}, {@code <kind>/<name>}
 * or {@code api/<name>@<major>}, a name allowing {@code *}; each is a promotion {@link Selector}.
 *
 * @since 0.2.0
 */
public final class Selection {

  /**
   * The kinds an archive carries: those promotions move, teams and stages (the stages aliases
   * name). Promotions stay behind: they are instructions to the repository they were written in.
   */
  public static final List<Kind> EXPORTABLE = exportable();

  private static final Pattern ITEM =
      Pattern.compile("([a-z]+)(?:/([a-z0-9*][a-z0-9*-]*)(?:@(\\d{1,6}))?)?");

  private Selection() {}

  private static List<Kind> exportable() {
    List<Kind> out = new ArrayList<>(PromotionSpec.PROMOTABLE);
    out.add(Kind.TEAM);
    out.add(Kind.STAGE);
    return List.copyOf(out);
  }

  /**
   * The selectors of a property value; empty or null selects every exportable asset.
   *
   * @throws ApistageException for an item that is not a selector, naming the accepted forms
   */
  public static List<Selector> parse(String value) throws ApistageException {
    List<Selector> out = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String raw : value.split(",")) {
      String item = raw.trim();
      Matcher m = ITEM.matcher(item);
      Optional<Kind> kind = m.matches() ? Kind.byId(m.group(1)) : Optional.empty();
      if (kind.isEmpty()
          || !EXPORTABLE.contains(kind.get())
          || (m.group(3) != null && kind.get() != Kind.API)) {
        throw new ApistageException(
            "apistage.select item '"
                + item
                + "' is not a selector; pass -Dapistage.select=<kind>[/<name>][@<major>],... with"
                + " a kind among "
                + ids()
                + ", e.g. -Dapistage.select=api/orders@1,application/*");
      }
      String name = m.group(2) == null || m.group(2).equals("*") ? null : m.group(2);
      Integer major = m.group(3) == null ? null : Integer.valueOf(m.group(3));
      out.add(new Selector(kind.get(), name, major, null, null));
    }
    return out;
  }

  private static String ids() {
    List<String> out = new ArrayList<>();
    EXPORTABLE.forEach(k -> out.add(k.id()));
    return String.join(", ", out);
  }
}
