package org.outcome.tenure;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a hospital episode took place. Only {@link #PSYCHIATRIC} episodes count by default
 * ({@link TenureOptions#withSettings}).
 */
public enum Setting {
  /** A psychiatric (mental health) inpatient episode. Written {@code psychiatric} in a CSV file. */
  PSYCHIATRIC,
  /** Any other inpatient episode (acute, general). Written {@code other} in a CSV file. */
  OTHER;

  /**
   * Reads a setting as written in an episodes file: {@code psychiatric} or {@code other}, in any
   * case, with surrounding white space ignored. Nothing else is accepted.
   */
  public static Optional<Setting> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "psychiatric" -> Optional.of(PSYCHIATRIC);
      case "other" -> Optional.of(OTHER);
      default -> Optional.empty();
    };
  }

  /** The spelling used in files and output: {@code psychiatric} or {@code other}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
