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
 * A person followed for community tenure: a row of the people file.
 *
 * @param subject who; never printed
 * @param indexDate the start of follow-up (day 0): the index discharge or programme entry
 * @param endOfObservation the last day the person was observed, when known (left the area, study
 *     end); not before the index date
 * @param death the date of death, when the person died; not before the index date
 * @param group the comparison group (for example {@code peer} or {@code usual}), when there is one;
 *     not blank
 */
public record Person(
    SubjectId subject,
    LocalDate indexDate,
    Optional<LocalDate> endOfObservation,
    Optional<LocalDate> death,
    Optional<String> group) {

  /**
   * @throws InvalidInputException listing every broken rule: the index date after the end of
   *     observation, the death date before the index date, a date outside the years 0001 to
   *     9999, a blank group
   */
  public Person {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(indexDate, "indexDate");
    Objects.requireNonNull(endOfObservation, "endOfObservation");
    Objects.requireNonNull(death, "death");
    Objects.requireNonNull(group, "group");
    List<Violation> violations = new ArrayList<>();
    Rules.outOfRange("index", indexDate).ifPresent(m -> violations.add(Violation.at("index_date", m)));
    endOfObservation.flatMap(d -> Rules.outOfRange("end", d)).ifPresent(m -> violations.add(Violation.at("end_date", m)));
    death.flatMap(d -> Rules.outOfRange("death", d)).ifPresent(m -> violations.add(Violation.at("death_date", m)));
    endOfObservation.flatMap(end -> Rules.indexAfterEnd(indexDate, end))
        .ifPresent(m -> violations.add(Violation.at("end_date", m)));
    death.flatMap(d -> Rules.deathBeforeIndex(indexDate, d))
        .ifPresent(m -> violations.add(Violation.at("death_date", m)));
    if (group.isPresent() && group.get().isBlank()) {
      violations.add(Violation.at("group", "the group is blank; leave it out instead"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid person", violations);
    }
  }

  /** A person with only an index date: no end of observation, not known to have died, no group. */
  public static Person of(SubjectId subject, LocalDate indexDate) {
    return new Person(subject, indexDate, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same person with an end of observation. */
  public Person withEndOfObservation(LocalDate end) {
    return new Person(subject, indexDate, Optional.of(end), death, group);
  }

  /** The same person with a death date. */
  public Person withDeath(LocalDate date) {
    return new Person(subject, indexDate, endOfObservation, Optional.of(date), group);
  }

  /** The same person in a group. */
  public Person withGroup(String level) {
    return new Person(subject, indexDate, endOfObservation, death, Optional.of(level));
  }
}
