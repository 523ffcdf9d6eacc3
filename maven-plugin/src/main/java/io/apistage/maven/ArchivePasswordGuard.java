package io.apistage.maven;

import io.apistage.archive.ArchivePassword;
import io.apistage.problem.ApistageException;
import java.util.Locale;
import java.util.Properties;

/**
 * Refuses an archive password passed as a {@code -D} property (any {@code apistage.*} property
 * whose name mentions a password): Maven would take it, and every process could read it.
 *
 * @since 0.2.0
 */
final class ArchivePasswordGuard {

  private ArchivePasswordGuard() {}

  static void refuseCommandLine(Properties properties) throws ApistageException {
    for (String name : properties.stringPropertyNames()) {
      if (isPassword(name)) {
        throw new ApistageException(ArchivePassword.refusedProperty(name));
      }
    }
  }

  /** Whether a property names an archive password: {@code apistage.*password*}. */
  static boolean isPassword(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("apistage.")
        && (lower.contains("password") || lower.contains("passwd"));
  }
}
