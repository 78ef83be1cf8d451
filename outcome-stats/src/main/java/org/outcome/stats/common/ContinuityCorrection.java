package org.outcome.stats.common;

/** Whether a normal or chi-square approximation to a discrete statistic is continuity-corrected. */
public enum ContinuityCorrection {
  /** Corrected (R's {@code correct = TRUE}, the default of every R test that offers it). */
  APPLY,
  /** Not corrected (R's {@code correct = FALSE}). */
  NONE
}
