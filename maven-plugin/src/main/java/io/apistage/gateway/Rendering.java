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
 * report them), the commit it comes from, and what could not be rendered.
 *
 * @param stage the stage's name
 * @param commit the stage commit rendered
 * @param text the configuration, secrets included
 * @param problems what the gateway cannot enforce, at its value; when any is an error the text must
 *     not be applied
 * @since 0.1.0
 */
public record Rendering(String stage, String commit, String text, List<Problem> problems) {

  public Rendering {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(text, "text");
    problems = Problems.sorted(problems);
  }

  /** The configuration's bytes, UTF-8. */
  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the text may be applied. */
  public boolean ok() {
    return !Problems.hasErrors(problems);
  }

  /** The SHA-256 of the configuration's bytes, lower-case hex. */
  public String sha256() {
    return sha256(bytes());
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
