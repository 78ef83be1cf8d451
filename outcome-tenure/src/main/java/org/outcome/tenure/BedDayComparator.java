package org.outcome.tenure;

import java.util.Objects;
import java.util.OptionalDouble;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * The bed-days a comparison population (historical controls, the same service before, a
 * national rate) would be expected to use per person-year of follow-up: the explicit comparator
 * of {@link BedDaysSaved}.
 *
 * <p>Given as an admission rate and a mean length of stay, the expected bed-days per person-year
 * is {@code admissionsPerPersonYear × meanLengthOfStayDays}; or it is given directly.
 *
 * @param bedDaysPerPersonYear expected hospital nights per person-year; finite, not negative
 * @param admissionsPerPersonYear the admission rate it was derived from, when given that way
 * @param meanLengthOfStayDays the mean length of stay it was derived from, when given that way
 * @param source where the comparator comes from (a citation, "trust 2019/20 activity"); may be empty
 */
public record BedDayComparator(double bedDaysPerPersonYear, OptionalDouble admissionsPerPersonYear,
    OptionalDouble meanLengthOfStayDays, String source) {
  public BedDayComparator {
    Objects.requireNonNull(admissionsPerPersonYear, "admissionsPerPersonYear");
    Objects.requireNonNull(meanLengthOfStayDays, "meanLengthOfStayDays");
    Objects.requireNonNull(source, "source");
    requireRate("bed-days per person-year", bedDaysPerPersonYear);
    if (admissionsPerPersonYear.isPresent() != meanLengthOfStayDays.isPresent()) {
      throw new IllegalArgumentException("give both the admission rate and the mean length of stay, or neither");
    }
  }

  /**
   * A comparator from a historical admission rate and mean length of stay.
   *
   * @throws InvalidInputException if either is negative or not finite
   */
  public static BedDayComparator ofAdmissions(double admissionsPerPersonYear, double meanLengthOfStayDays,
      String source) {
    requireRate("admissions per person-year", admissionsPerPersonYear);
    requireRate("mean length of stay", meanLengthOfStayDays);
    return new BedDayComparator(admissionsPerPersonYear * meanLengthOfStayDays,
        OptionalDouble.of(admissionsPerPersonYear), OptionalDouble.of(meanLengthOfStayDays), source);
  }

  /**
   * A comparator given directly as bed-days per person-year.
   *
   * @throws InvalidInputException if it is negative or not finite
   */
  public static BedDayComparator ofBedDays(double bedDaysPerPersonYear, String source) {
    return new BedDayComparator(bedDaysPerPersonYear, OptionalDouble.empty(), OptionalDouble.empty(), source);
  }

  private static void requireRate(String what, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw InvalidInputException.of("invalid bed-day comparator",
          Violation.at(what, value + " must be a finite number, not negative"));
    }
  }
}
