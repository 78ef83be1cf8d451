package org.outcome.evaluation.report;

/**
 * The codes of the warnings an evaluation raises itself, as they appear in
 * {@link EvaluationReport#warnings()} and in {@code report.json}. Warnings that an analysis raises
 * keep the analysis's own code (for example {@code ties-normal-approximation}).
 */
public final class ReportWarnings {
  /** An analysis could not be run on these data; the message says which and why. */
  public static final String NOT_RUN = "analysis-not-run";
  /**
   * A primary outcome's comparison analyses gave no test on the intention-to-treat set. No longer
   * raised: such a run now fails (a primary outcome never drops out of the summary and the
   * multiplicity family); the code stays so that older reports can still be read by name.
   */
  public static final String PRIMARY_WITHOUT_TEST = "primary-outcome-without-test";
  /** The standardised effect size of an outcome could not be computed. */
  public static final String EFFECT_SIZE_NOT_COMPUTED = "effect-size-not-computed";

  private ReportWarnings() {}
}
