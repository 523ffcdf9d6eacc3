package io.apistage.archive;

/**
 * An archive that cannot be read: not an archive, changed, truncated, the wrong password, a newer
 * format, parameters beyond the reader's caps, a manifest naming a path outside the config root.
 * The message is the one the user sees.
 *
 * @since 0.2.0
 */
public final class BadArchive extends Exception {

  private static final long serialVersionUID = 1L;

  /** An archive refused for the reason given. */
  public BadArchive(String message) {
    super(message);
  }
}
