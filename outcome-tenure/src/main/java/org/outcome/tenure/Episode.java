package org.outcome.tenure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.tenure.internal.Rules;

/**
 * One hospital episode: a row of the episodes file.
 *
 * <p>The person is in hospital on the nights from the admission date up to, not including, the
 * discharge date: night {@code d} (the night that starts on date {@code d}) is a hospital night
 * when {@code admission <= d < discharge}. A discharge on the admission date is a same-day
 * episode with no hospital night.
 *
 * @param subject whose episode; never printed
 * @param admission the admission date
 * @param discharge the discharge date, not before the admission date; empty when the person was
 *     still in hospital when the data were extracted (an open episode, which needs
 *     {@link TenureOptions#withExtractionDate})
 * @param setting psychiatric or other
 */
public record Episode(SubjectId subject, LocalDate admission, Optional<LocalDate> discharge, Setting setting) {

  /**
   * @throws InvalidInputException if the discharge date is before the admission date, or a date is
   *     outside the years 0001 to 9999
   */
  public Episode {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(discharge, "discharge");
    Objects.requireNonNull(setting, "setting");
    List<Violation> violations = new ArrayList<>();
    Rules.outOfRange("admission", admission).ifPresent(m -> violations.add(Violation.at("admission_date", m)));
    discharge.flatMap(d -> Rules.outOfRange("discharge", d)).ifPresent(m -> violations.add(Violation.at("discharge_date", m)));
    discharge.flatMap(d -> Rules.dischargeBeforeAdmission(admission, d))
        .ifPresent(m -> violations.add(Violation.at("discharge_date", m)));
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid episode", violations);
    }
  }

  /** A closed psychiatric episode. */
  public static Episode psychiatric(SubjectId subject, LocalDate admission, LocalDate discharge) {
    return new Episode(subject, admission, Optional.of(discharge), Setting.PSYCHIATRIC);
  }

  /** A psychiatric episode with no discharge date (still in hospital at extraction). */
  public static Episode open(SubjectId subject, LocalDate admission) {
    return new Episode(subject, admission, Optional.empty(), Setting.PSYCHIATRIC);
  }

  /** The same episode in another setting. */
  public Episode withSetting(Setting other) {
    return new Episode(subject, admission, discharge, other);
  }
}
