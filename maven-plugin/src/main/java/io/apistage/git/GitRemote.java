package io.apistage.git;

import io.apistage.problem.ApistageException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * One remote of the repository (a configured remote's name or a URL, {@code file://} and {@code
 * git://} included) for reading and writing a single branch: fetch it into a local ref, and push a
 * commit onto it only if it still points where it did (a compare-and-swap on the remote).
 *
 * @since 0.1.0
 */
public final class GitRemote {

  /** What became of a push. */
  public enum PushOutcome {
    /** The remote branch now points at the pushed commit. */
    UPDATED,
    /** The remote branch had moved since it was read; nothing changed. */
    MOVED
  }

  private final GitRepo repo;
  private final String location;
  private final URIish uri;
  private final GitCredentials credentials;

  private GitRemote(GitRepo repo, String location, URIish uri, GitCredentials credentials) {
    this.repo = repo;
    this.location = location;
    this.uri = uri;
    this.credentials = credentials;
  }

  /**
   * The remote named {@code remote} in the repository's configuration, else {@code remote} read as
   * a URL.
   *
   * @param credentials user name and password, or null for none
   * @throws ApistageException when {@code remote} is neither a configured remote nor a URL
   */
  public static GitRemote open(GitRepo repo, String remote, GitCredentials credentials)
      throws ApistageException {
    Set<String> names = new TreeSet<>(repo.repository().getConfig().getSubsections("remote"));
    String url =
        names.contains(remote)
            ? repo.repository().getConfig().getString("remote", remote, "url")
            : null;
    if (url == null) {
      if (!looksLikeUrl(remote)) {
        throw new ApistageException(
            "'"
                + remote
                + "' is neither a remote of this repository"
                + (names.isEmpty()
                    ? " (it has none)"
                    : " (it has " + String.join(", ", names) + ")")
                + " nor a URL; add it with git remote add "
                + remote
                + " <url>, or give a URL such as https://git.example.com/platform/config.git");
      }
      url = remote;
    }
    try {
      return new GitRemote(repo, remote, new URIish(url), credentials);
    } catch (URISyntaxException e) {
      throw new ApistageException("'" + url + "' is not a Git URL: " + e.getReason(), e);
    }
  }

  private static boolean looksLikeUrl(String remote) {
    return remote.contains("://")
        || remote.contains(":")
        || remote.startsWith("/")
        || remote.startsWith(".");
  }

  /** The remote as given (a name or a URL), for messages; never holds credentials. */
  public String location() {
    return location;
  }

  /** The URL without user info, for messages. */
  public String url() {
    return uri.setUser(null).setPass(null).toString();
  }

  /**
   * Fetches {@code remoteRef} (e.g. {@code refs/heads/apistage/stage/qa}) into {@code localRef} and
   * returns the commit it points at, or empty when the remote has no such ref (the local ref is
   * then removed, so it never shows a state the remote no longer has).
   *
   * @throws ApistageException when the remote cannot be reached or refuses the credentials
   */
  public Optional<String> fetch(String remoteRef, String localRef)
      throws ApistageException, IOException {
    try (Transport transport = transport()) {
      Ref ref;
      try (FetchConnection connection = transport.openFetch()) {
        ref = connection.getRef(remoteRef);
      }
      if (ref == null || ref.getObjectId() == null) {
        deleteRef(localRef);
        return Optional.empty();
      }
      transport.fetch(
          NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + remoteRef + ":" + localRef)));
      return Optional.of(ref.getObjectId().name());
    } catch (TransportException e) {
      throw unreachable(e);
    }
  }

  /**
   * Pushes {@code commit} onto {@code remoteRef} if the remote ref still points at {@code
   * expectedOld} (empty: it must not exist); on success also moves {@code localRef} there.
   *
   * @throws ApistageException when the remote cannot be reached or refuses the push for another
   *     reason than a moved ref (permissions, protected branch hooks)
   */
  public PushOutcome push(
      String commit, String remoteRef, Optional<String> expectedOld, String localRef)
      throws ApistageException, IOException {
    ObjectId expected = expectedOld.map(ObjectId::fromString).orElse(ObjectId.zeroId());
    RemoteRefUpdate update =
        new RemoteRefUpdate(repo.repository(), commit, remoteRef, true, null, expected);
    try (Transport transport = transport()) {
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate done = result.getRemoteUpdate(remoteRef);
      switch (done.getStatus()) {
        case OK, UP_TO_DATE -> {
          RefUpdate local = repo.repository().updateRef(localRef);
          local.setNewObjectId(ObjectId.fromString(commit));
          local.setForceUpdate(true);
          local.setRefLogMessage("apistage: pushed to " + url(), false);
          local.update();
          return PushOutcome.UPDATED;
        }
        case REJECTED_REMOTE_CHANGED, REJECTED_NONFASTFORWARD -> {
          return PushOutcome.MOVED;
        }
        default ->
            throw new ApistageException(
                "the push of "
                    + remoteRef
                    + " to "
                    + url()
                    + " was refused ("
                    + done.getStatus()
                    + (done.getMessage() == null ? "" : ": " + done.getMessage())
                    + "); check that the credentials may push to that branch");
      }
    } catch (TransportException e) {
      throw unreachable(e);
    }
  }

  private Transport transport() throws ApistageException {
    try {
      Transport transport = Transport.open(repo.repository(), uri);
      if (credentials != null) {
        transport.setCredentialsProvider(
            new UsernamePasswordCredentialsProvider(
                credentials.username(), credentials.password()));
      }
      return transport;
    } catch (NotSupportedException e) {
      throw new ApistageException(
          "the Git URL "
              + url()
              + " uses a protocol apistage cannot speak; use https, ssh, git or file",
          e);
    } catch (TransportException e) {
      throw unreachable(e);
    }
  }

  private ApistageException unreachable(TransportException e) {
    return new ApistageException(
        "cannot reach the Git remote "
            + (location.equals(uri.toString()) ? url() : location + " (" + url() + ")")
            + ": "
            + String.valueOf(e.getMessage()).replace(uri.toString(), url())
            + "; check the URL, the network and the credentials",
        e);
  }

  private void deleteRef(String localRef) throws IOException {
    if (repo.repository().exactRef(localRef) == null) {
      return;
    }
    RefUpdate delete = repo.repository().updateRef(localRef);
    delete.setForceUpdate(true);
    delete.delete();
  }
}
