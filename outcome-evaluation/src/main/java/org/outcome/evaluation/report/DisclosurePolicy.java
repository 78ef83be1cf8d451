package org.outcome.evaluation.report;

import java.util.Locale;
import java.util.Objects;

/**
 * The one statistical-disclosure-control policy of a published report: everything
 * {@link Disclosure} does to the exact results follows from it.
 *
 * @param counts small-number suppression and rounding of counts of people (the NHS rule by
 *     default: 1 to 7 shown as {@code *}, others rounded to the nearest 5, zeros shown)
 * @param minAtRisk a Kaplan-Meier curve, survival at a day and a number at risk are published
 *     only where at least this many people are at risk (10 by default)
 * @param minEvents each published step of a Kaplan-Meier curve pools at least this many events
 *     (10 by default)
 * @param minBeyondWhisker a box plot is drawn only where at least this many values lie below its
 *     lower whisker (the 10th percentile) and above its upper one (the 90th), so a group needs at
 *     least ten times this many people; minima and maxima are never published (10 by default)
 * @param significantDigits estimates, confidence limits, test statistics, p-values, means,
 *     quantiles and every number derived from counts are published to this many significant
 *     digits (2 by default; limits rounded outward, so an interval never shrinks)
 * @param curveGridDays a published curve changes only at multiples of this many days, so no step
 *     gives a person's event day (30 by default)
 */
public record DisclosurePolicy(Suppression counts, int minAtRisk, int minEvents, int minBeyondWhisker,
    int significantDigits, int curveGridDays) {
  public DisclosurePolicy {
    Objects.requireNonNull(counts, "counts");
    if (minAtRisk < 1 || minEvents < 1 || minBeyondWhisker < 1 || significantDigits < 1 || curveGridDays < 1) {
      throw new IllegalArgumentException("disclosure thresholds must be at least 1");
    }
  }

  /** The default policy around the given count suppression. */
  public static DisclosurePolicy of(Suppression counts) {
    return new DisclosurePolicy(counts, 10, 10, 10, 2, 30);
  }

  /** The policy in a sentence, for the report's methods section. */
  public String describe() {
    return String.format(Locale.ROOT, "%s Numbers derived from counts (percentages, rates, bed-days, costs) are"
        + " computed from the rounded counts, and so are the analyses of readmission counts (risk ratio, Fisher's"
        + " test, rate ratios), which are withheld where a count they rest on is *; other estimates, confidence"
        + " limits, test statistics and p-values are shown to"
        + " %d significant digits (limits rounded outward); degrees of freedom and test statistics that are counts"
        + " are withheld; Kaplan-Meier curves are shown only on a %d-day grid, where at least %d people are at risk,"
        + " with each step pooling at least %d events; box plots only where at least %d values lie beyond each"
        + " whisker, and never minima or maxima; counts in warnings are suppressed and rounded like other counts."
        + " The exact results are kept in report-internal.json, which is NOT FOR PUBLICATION.",
        counts.describe(), significantDigits, curveGridDays, minAtRisk, minEvents, minBeyondWhisker);
  }
}
