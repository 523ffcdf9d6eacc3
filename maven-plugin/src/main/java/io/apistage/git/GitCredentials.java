package io.apistage.git;

import java.util.Objects;

/**
 * A user name and password (or token) for a Git remote, as a Maven {@code settings.xml} server
 * holds them. The password never appears in {@link #toString()}.
 *
 * @param username the user name
 * @param password the password or access token
 * @since 0.1.0
 */
public record GitCredentials(String username, String password) {

  public GitCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "GitCredentials[username=" + username + ", password=***]";
  }
}
