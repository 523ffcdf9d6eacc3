package io.apistage.gateway;

import io.apistage.problem.Problem;
import io.apistage.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A stage rendered for its gateway: the configuration's bytes (secrets resolved: never log or
 * report them), the commit it comes from, and what could not be rendered. The bytes and their
 * checksum are computed once, when first asked for: a stage of thousands of Apis renders tens of
 * megabytes.
 *
 * @since 0.1.0
 */
public final class Rendering {

  private final String stage;
  private final String commit;
  private final String text;
  private final List<Problem> problems;
  private byte[] bytes;
  private String sha256;

  /**
   * A rendering.
   *
   * @param stage the stage's name
   * @param commit the stage commit rendered
   * @param text the configuration, secrets included
   * @param problems what the gateway cannot enforce, at its value; when any is an error the text
   *     must not be applied
   */
  public Rendering(String stage, String commit, String text, List<Problem> problems) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.commit = Objects.requireNonNull(commit, "commit");
    this.text = Objects.requireNonNull(text, "text");
    this.problems = Problems.sorted(problems);
  }

  /** The stage's name. */
  public String stage() {
    return stage;
  }

  /** The stage commit rendered. */
  public String commit() {
    return commit;
  }

  /** The configuration, secrets included. */
  public String text() {
    return text;
  }

  /** What the gateway cannot enforce, at its value. */
  public List<Problem> problems() {
    return problems;
  }

  /** The configuration's bytes, UTF-8; the same array each time, not to be changed. */
  public synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /** Whether the text may be applied. */
  public boolean ok() {
    return !Problems.hasErrors(problems);
  }

  /** The SHA-256 of the configuration's bytes, lower-case hex. */
  public synchronized String sha256() {
    if (sha256 == null) {
      sha256 = sha256(bytes());
    }
    return sha256;
  }

  /** The SHA-256 of bytes, lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Never the text: it holds secrets. */
  @Override
  public String toString() {
    return "Rendering[stage=" + stage + ", commit=" + commit + ", problems=" + problems + "]";
  }
}
