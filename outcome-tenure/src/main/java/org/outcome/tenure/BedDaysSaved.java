package org.outcome.tenure;

import java.util.Collection;
import java.util.Objects;

/**
 * Bed-days saved against an explicit comparator, in the manner of Lawn et al. (2008), who
 * reported bed-days saved by a peer-support service against historical controls:
 *
 * <pre>
 *   personYears = Σ daysFollowed / 365.25            (over the included people)
 *   expected    = comparator.bedDaysPerPersonYear × personYears
 *   observed    = Σ bedDays                           (hospital nights within follow-up)
 *   saved       = expected − observed                 (negative when more beds were used)
 * </pre>
 *
 * <p>The people are those included in time to readmission (no excluding {@link TenureFlag}):
 * people in hospital on the index date, with no follow-up or with rejected episodes are left
 * out, and counted in {@code excluded}. This is a simple before-and-after style contrast, not a
 * controlled estimate: it carries no confidence interval, and its validity rests entirely on the
 * comparator.
 *
 * @param comparator the expected bed-days per person-year
 * @param people the people counted
 * @param excluded the people left out by an excluding flag
 * @param personDays Σ daysFollowed of the people counted
 * @param personYears {@code personDays / 365.25}
 * @param observedBedDays Σ bedDays of the people counted
 * @param expectedBedDays {@code comparator.bedDaysPerPersonYear() × personYears}
 * @param saved {@code expectedBedDays − observedBedDays}
 */
public record BedDaysSaved(BedDayComparator comparator, int people, int excluded, long personDays,
    double personYears, long observedBedDays, double expectedBedDays, double saved) {
  /** Days in a person-year. */
  public static final double DAYS_PER_YEAR = 365.25;

  public BedDaysSaved {
    Objects.requireNonNull(comparator, "comparator");
  }

  /** Bed-days saved by these people against the comparator. */
  public static BedDaysSaved of(Collection<TenureResult> results, BedDayComparator comparator) {
    TenureSummary.Tally tally = new TenureSummary.Tally();
    results.forEach(tally::add);
    return tally.bedDaysSaved(comparator);
  }

  /** From the sums over the people counted ({@link TenureSummary.Tally} adds them up). */
  static BedDaysSaved of(BedDayComparator comparator, int people, int excluded, long personDays, long observed) {
    double personYears = personDays / DAYS_PER_YEAR;
    double expected = comparator.bedDaysPerPersonYear() * personYears;
    return new BedDaysSaved(comparator, people, excluded, personDays, personYears, observed, expected,
        expected - observed);
  }
}
