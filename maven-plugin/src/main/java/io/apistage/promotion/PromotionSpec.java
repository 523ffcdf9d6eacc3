package io.apistage.promotion;

import io.apistage.model.Asset;
import io.apistage.model.Kind;
import io.apistage.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A promotion file in the form the engine uses: what to move (selectors), from which stage, to
 * which, which optional dependencies travel, what may be overwritten, and the hash of the file's
 * content that makes "applied once" precise.
 *
 * @param name the promotion's name
 * @param description its description, or null
 * @param from the source stage, or null when the targets are the first stage
 * @param to the target stages in the order given
 * @param scope what moves
 * @param origin the file the promotion comes from
 * @since 0.1.0
 */
public record PromotionSpec(
    String name, String description, String from, List<String> to, Scope scope, Origin origin) {

  /**
   * What a promotion moves.
   *
   * @param selectors the selectors, whose union is promoted
   * @param applications which Applications that use a promoted Api travel along
   * @param subscriptions which Subscriptions of a promoted Package travel along
   * @param overwrite what may be replaced at a target
   * @param fixMissingVersions whether missing earlier major lines of promoted Apis travel along
   */
  public record Scope(
      List<Selector> selectors,
      Include applications,
      Include subscriptions,
      Overwrite overwrite,
      boolean fixMissingVersions) {
    public Scope {
      selectors = List.copyOf(selectors);
    }
  }

  /**
   * Where a promotion comes from.
   *
   * @param file the promotion file, relative to the config root, or null for a stage's {@code
   *     track: main} update
   * @param hash SHA-256 of the file's bytes, hex
   * @param asset the document, for positions in problems, or null without a file
   */
  public record Origin(String file, String hash, Asset asset) {}

  /** The kinds a promotion moves. */
  public static final List<Kind> PROMOTABLE =
      List.of(
          Kind.API,
          Kind.POLICY,
          Kind.ALIAS,
          Kind.APPLICATION,
          Kind.PLAN,
          Kind.PACKAGE,
          Kind.SUBSCRIPTION);

  public PromotionSpec {
    to = List.copyOf(to);
  }

  /**
   * The update of a first stage that tracks the main branch: everything moves and may be
   * overwritten; there is no promotion file.
   */
  static PromotionSpec trackMain(String name, String stage) {
    return new PromotionSpec(
        name,
        "the first stage follows the main branch",
        null,
        List.of(stage),
        new Scope(List.of(), Include.ALL, Include.ALL, Overwrite.ALL, false),
        new Origin(null, "", null));
  }

  /** The selectors, whose union is promoted. */
  public List<Selector> selectors() {
    return scope.selectors();
  }

  /** Which Applications that use a promoted Api travel along. */
  public Include applications() {
    return scope.applications();
  }

  /** Which Subscriptions of a promoted Package travel along. */
  public Include subscriptions() {
    return scope.subscriptions();
  }

  /** What may be replaced at a target. */
  public Overwrite overwrite() {
    return scope.overwrite();
  }

  /** Whether missing earlier major lines of promoted Apis travel along. */
  public boolean fixMissingVersions() {
    return scope.fixMissingVersions();
  }

  /** The promotion file, relative to the config root, or null. */
  public String file() {
    return origin.file();
  }

  /** SHA-256 of the file's bytes, hex. */
  public String hash() {
    return origin.hash();
  }

  /** The document, for positions in problems, or null. */
  public Asset asset() {
    return origin.asset();
  }

  /**
   * A promotion document shaped into a spec, with the problems that make it unusable.
   *
   * @param spec the spec, or null when the document has errors
   * @param problems the errors found
   */
  public record Parsed(PromotionSpec spec, List<Problem> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /** Shapes a Promotion asset whose file had the given bytes. */
  public static Parsed parse(Asset asset, byte[] content) {
    return new PromotionParser(asset).parse(content);
  }

  /** SHA-256 of bytes, as 64 hex digits. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The first 12 hex digits of the hash, for messages. */
  public String shortHash() {
    return hash().substring(0, 12);
  }

  /** Bytes of a string in UTF-8, for hashing content held as text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
