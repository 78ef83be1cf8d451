package org.outcome.stats.multiplicity;

/** How p-values are adjusted for a family of tests, as R's {@code p.adjust(p, method)}. */
public enum AdjustmentMethod {
  /** Holm's step-down method (R's {@code "holm"}); controls the family-wise error rate. */
  HOLM("Holm"),
  /** Benjamini and Hochberg's step-up method (R's {@code "BH"}); controls the false discovery rate. */
  BENJAMINI_HOCHBERG("Benjamini-Hochberg"),
  /** Bonferroni (R's {@code "bonferroni"}): {@code min(1, m p)}. */
  BONFERRONI("Bonferroni");

  private final String label;

  AdjustmentMethod(String label) {
    this.label = label;
  }

  /** The method's name for a report: {@code "Holm"}, {@code "Benjamini-Hochberg"} or {@code "Bonferroni"}. */
  public String label() {
    return label;
  }
}
