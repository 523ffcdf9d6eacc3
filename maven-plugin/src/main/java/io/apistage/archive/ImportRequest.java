package io.apistage.archive;

import io.apistage.problem.ApistageException;
import io.apistage.promotion.Overwrite;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What to import.
 *
 * @param archive the archive to read
 * @param overwrite which assets the working copy has that the import may replace
 * @param password the archive password
 * @param dryRun verify the archive and report what would be written, writing nothing
 * @since 0.2.0
 */
public record ImportRequest(Path archive, Overwrite overwrite, char[] password, boolean dryRun) {

  public ImportRequest {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(overwrite, "overwrite");
    password = password.clone();
  }

  /** An import that writes. */
  public ImportRequest(Path archive, Overwrite overwrite, char[] password) {
    this(archive, overwrite, password, false);
  }

  /**
   * The {@code apistage.overwrite} value: {@code none} (the default), {@code all}, or a comma list
   * of kinds and children as in a promotion's {@code overwrite}.
   *
   * @throws ApistageException for an unknown entry or a child without its parent
   */
  public static Overwrite overwrite(String value) throws ApistageException {
    if (value == null || value.isBlank() || value.trim().equals("none")) {
      return Overwrite.NONE;
    }
    if (value.trim().equals("all")) {
      return Overwrite.ALL;
    }
    List<String> accepted = Overwrite.acceptedEntries();
    Set<String> entries = new LinkedHashSet<>();
    for (String raw : value.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (!accepted.contains(entry)) {
        throw new ApistageException(
            "apistage.overwrite entry '"
                + raw.trim()
                + "' is unknown; pass -Dapistage.overwrite=none, -Dapistage.overwrite=all or a"
                + " comma list of: "
                + String.join(", ", accepted));
      }
      entries.add(entry);
    }
    for (String entry : entries) {
      int dot = entry.indexOf('.');
      if (dot > 0 && !entries.contains(entry.substring(0, dot))) {
        throw new ApistageException(
            "apistage.overwrite entry "
                + entry
                + " needs its parent "
                + entry.substring(0, dot)
                + ": pass -Dapistage.overwrite="
                + entry.substring(0, dot)
                + ","
                + entry);
      }
    }
    return new Overwrite(false, entries);
  }
}
