package io.apistage.promotion;

/**
 * The outcome of one asset in a promotion or rollback, as in the asset promotion seed's status
 * report.
 *
 * @since 0.1.0
 */
public enum AssetStatus {
  /** Created, or already there with the same content. */
  SUCCESS("Success"),
  /** An asset the target had was replaced. */
  REPLACED("Replaced"),
  /** The asset could not be applied; the promotion is not applied to that stage. */
  FAILURE("Failure"),
  /** Applied, or left as it was, with something the operator should know. */
  WARNING("Warning");

  private final String label;

  AssetStatus(String label) {
    this.label = label;
  }

  /** The word used in reports: Success, Replaced, Failure, Warning. */
  public String label() {
    return label;
  }

  /** The status with a report word. */
  public static AssetStatus byLabel(String label) {
    for (AssetStatus s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown asset status " + label);
  }
}
