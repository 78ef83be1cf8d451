package org.outcome.stats.groups;

/** Whether a two-sample t-test assumes equal variances in the two groups. */
public enum VarianceAssumption {
  /** Welch's test with Satterthwaite's degrees of freedom (R's default, {@code var.equal = FALSE}). */
  UNEQUAL,
  /** Student's test with the pooled variance ({@code var.equal = TRUE}). */
  EQUAL
}
