package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The checks of a single person or episode, worded once, shared by the records' constructors and
 * the batch readers. Messages quote no date of the data (a date of birth, death or admission can
 * identify a person) and never a subject identifier; only the extraction date, which the user
 * gives as an option, is named.
 */
public final class Rules {
  /** The earliest date accepted: 0001-01-01. */
  public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
  /** The latest date accepted: 9999-12-31, the last with a four-digit year. */
  public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private Rules() {}

  /** Dates must have a four-digit year (0001 to 9999), as in the files. */
  public static Optional<String> outOfRange(String what, LocalDate date) {
    return date.isBefore(EARLIEST) || date.isAfter(LATEST)
        ? Optional.of("the " + what + " date is outside the years 0001 to 9999")
        : Optional.empty();
  }

  /** The index date must not be after the end of observation. */
  public static Optional<String> indexAfterEnd(LocalDate index, LocalDate end) {
    return index.isAfter(end)
        ? Optional.of("the index date is after the end of observation")
        : Optional.empty();
  }

  /** The death date must not be before the index date (death on the index date is allowed). */
  public static Optional<String> deathBeforeIndex(LocalDate index, LocalDate death) {
    return death.isBefore(index)
        ? Optional.of("the death date is before the index date")
        : Optional.empty();
  }

  /** The discharge date must not be before the admission date (the same day is allowed). */
  public static Optional<String> dischargeBeforeAdmission(LocalDate admission, LocalDate discharge) {
    return discharge.isBefore(admission)
        ? Optional.of("the discharge date is before the admission date")
        : Optional.empty();
  }

  /** The index date must not be after the extraction date. */
  public static Optional<String> indexAfterExtraction(LocalDate index, LocalDate extraction) {
    return index.isAfter(extraction)
        ? Optional.of("the index date is after the extraction date " + extraction)
        : Optional.empty();
  }

  /** No episode date may be after the extraction date. */
  public static Optional<String> afterExtraction(String what, LocalDate date, LocalDate extraction) {
    return date.isAfter(extraction)
        ? Optional.of("the " + what + " date is after the extraction date " + extraction)
        : Optional.empty();
  }

  /** An open episode needs an extraction date. */
  public static String openWithoutExtraction() {
    return "no discharge date (still in hospital) needs the extraction date of the data"
        + " (--extraction-date, or TenureOptions.withExtractionDate)";
  }

  /** Follow-up must have an end. */
  public static String noEndOfFollowUp() {
    return "follow-up has no end: the row has no end_date or death_date, and no window"
        + " (--window-days) or extraction date (--extraction-date) was given";
  }
}
