package io.apistage.archive;

import io.apistage.problem.ApistageException;
import java.util.Map;
import java.util.Optional;

/**
 * Where an archive's password comes from: the environment variable {@value #ENV}, else the password
 * of the {@code settings.xml} server {@value #SERVER}; never the command line, where every process
 * on the machine could read it.
 *
 * @since 0.2.0
 */
public final class ArchivePassword {

  /** The environment variable holding the password. */
  public static final String ENV = "APISTAGE_ARCHIVE_PASSWORD";

  /** The id of the {@code settings.xml} server whose password is used. */
  public static final String SERVER = "apistage-archive";

  /** The shortest password export accepts. */
  public static final int MIN_LENGTH = 12;

  private ArchivePassword() {}

  /** How to give the password, for messages. */
  public static final String ADVICE =
      "set the environment variable "
          + ENV
          + ", or put the password in a settings.xml server with id "
          + SERVER
          + " (encrypted with mvn --encrypt-password if you like)";

  /**
   * The password, from the environment first, then the server.
   *
   * @throws ApistageException when neither gives one
   */
  public static char[] resolve(Map<String, String> env, Optional<String> serverPassword)
      throws ApistageException {
    String value = env.get(ENV);
    if (value == null || value.isEmpty()) {
      value = serverPassword.orElse("");
    }
    if (value.isEmpty()) {
      throw new ApistageException("no archive password: " + ADVICE);
    }
    return value.toCharArray();
  }

  /** Refuses a password too short to protect an export. */
  static void checkForExport(char[] password) throws ApistageException {
    if (password.length < MIN_LENGTH) {
      throw new ApistageException(
          "the archive password has "
              + password.length
              + " characters; export needs at least "
              + MIN_LENGTH
              + ": "
              + ADVICE);
    }
  }

  /**
   * The message for a password given as a {@code -D} property.
   *
   * @param property the property's name
   */
  public static String refusedProperty(String property) {
    return "-D"
        + property
        + " is refused: a password on the command line is visible to every process on this"
        + " machine; "
        + ADVICE;
  }
}
