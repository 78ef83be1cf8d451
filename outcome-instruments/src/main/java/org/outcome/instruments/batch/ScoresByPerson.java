package org.outcome.instruments.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.io.CsvRecords;

/**
 * Scores an answers file into each person's score at each time point, for one subscale, with
 * every row accounted for: the step between a questionnaire file and a before-and-after or
 * comparison-group analysis. Immutable.
 *
 * <pre>{@code
 * TimepointScores scores = ScoresByPerson.of(instrument).withTimepoints("baseline", "follow-up").read(answersCsv);
 * PairedCohort cohort = PairedCohort.of(scores.baseline(people), scores.at(people, "follow-up"));
 * }</pre>
 *
 * <h2>Rules</h2>
 * The file is scored row by row with {@link BatchScorer} (same columns, same checks); a row it
 * rejects (bad answers, empty subject or time point, too many cells) is <b>rejected</b> with its
 * reasons. Any other row is <b>rejected</b>, with every reason that applies, when
 * <ul>
 *   <li>{@link #withSubjects} was given and its subject is not one of those people;
 *   <li>{@link #withTimepoints} was given and its time point is not one of those;
 *   <li>otherwise, when an earlier accepted row has the same person and time point: the reason
 *       names that earlier row ({@code the same person and timepoint as row 12}).
 * </ul>
 * An accepted row whose subscale score cannot be computed (too many items missing) is counted
 * as <b>not scored</b>: the person has no score at that time point, and the row still takes the
 * time point, so a later row for it is rejected. Every other accepted row is <b>scored</b>; so
 * {@code read = scored + notScored + rejected}. No reason quotes a subject identifier.
 */
public final class ScoresByPerson {
  /** The baseline label when {@link #withTimepoints} is not given. */
  public static final String BASELINE = "baseline";

  private final BatchScorer scorer;
  private final SubscaleId subscale;
  private final List<String> timepoints;
  private final Optional<Set<SubjectId>> subjects;
  private final String subjectsSource;

  private ScoresByPerson(BatchScorer scorer, SubscaleId subscale, List<String> timepoints,
      Optional<Set<SubjectId>> subjects, String subjectsSource) {
    this.scorer = scorer;
    this.subscale = subscale;
    this.timepoints = timepoints;
    this.subjects = subjects;
    this.subjectsSource = subjectsSource;
  }

  /**
   * Scores of an instrument's primary subscale, at any time point ({@value #BASELINE} is the
   * baseline), for anyone in the file.
   */
  public static ScoresByPerson of(Instrument instrument) {
    BatchScorer scorer = BatchScorer.of(instrument);
    return new ScoresByPerson(scorer, instrument.definition().primary(), List.of(), Optional.empty(), "");
  }

  /**
   * These scores for another subscale of the instrument.
   *
   * @throws InvalidInputException if the instrument has no such subscale
   */
  public ScoresByPerson withSubscale(SubscaleId value) {
    Objects.requireNonNull(value, "subscale");
    Instrument instrument = scorer.instrument();
    if (instrument.definition().subscale(value).isEmpty()) {
      throw InvalidInputException.of("unknown subscale", Violation.at("subscale", "'" + value.value()
          + "' is not a subscale of " + instrument.id().value() + "; its subscales are "
          + instrument.definition().subscales().stream().map(Subscale::id).map(SubscaleId::value).toList()));
    }
    return new ScoresByPerson(scorer, value, timepoints, subjects, subjectsSource);
  }

  /**
   * These scores keeping only rows at the given time points, the first being the baseline; rows at
   * any other time point are rejected.
   */
  public ScoresByPerson withTimepoints(String baseline, String... later) {
    List<String> all = new ArrayList<>();
    all.add(baseline);
    all.addAll(List.of(later));
    for (String t : all) {
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("time points must not be blank");
      }
    }
    if (new LinkedHashSet<>(all).size() != all.size()) {
      throw new IllegalArgumentException("a time point is listed twice: " + all);
    }
    return new ScoresByPerson(scorer, subscale, List.copyOf(all), subjects, subjectsSource);
  }

  /**
   * These scores keeping only rows of the given people (those of a people file, say); rows of
   * anyone else are rejected with the reason {@code not listed in <source>}.
   *
   * @param people the people whose rows are kept
   * @param source where the people are listed, for the reason: {@code "the people file"}
   */
  public ScoresByPerson withSubjects(Iterable<SubjectId> people, String source) {
    Set<SubjectId> set = new LinkedHashSet<>();
    people.forEach(p -> set.add(Objects.requireNonNull(p, "subject")));
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("say where the people are listed");
    }
    return new ScoresByPerson(scorer, subscale, timepoints, Optional.of(Set.copyOf(set)), source);
  }

  /** The instrument scored. */
  public Instrument instrument() {
    return scorer.instrument();
  }

  /** The subscale scored. */
  public SubscaleId subscale() {
    return subscale;
  }

  /**
   * Reads and scores a file.
   *
   * @throws InvalidInputException if the file cannot be read, its header is invalid, or its CSV is malformed
   */
  public TimepointScores read(Path csv) {
    try (CsvRecords records = CsvRecords.open(csv)) {
      return read(records);
    }
  }

  /**
   * Reads and scores the records of an open CSV reader (which the caller closes).
   *
   * @throws InvalidInputException if the header is invalid or the CSV is malformed
   */
  public TimepointScores read(CsvRecords records) {
    return read(sink -> scorer.score(records, sink));
  }

  /**
   * Collects the rows that another reader scored with this instrument and gives, in row order, to
   * the sink it is handed: for example a cluster engine that scores the rows where they are and
   * brings each row's score back. The rules above then apply exactly as to a file read here.
   *
   * <pre>{@code
   * TimepointScores scores = byPerson.read(sink -> OutcomeSpark.scoreInto(answers, instrument, sink));
   * }</pre>
   *
   * @param scoring scores every row with {@link #instrument()}, gives each to the sink in row order,
   *     and returns the summary of the run
   */
  public TimepointScores read(Function<BatchSink, BatchSummary> scoring) {
    Collector collector = new Collector();
    BatchSummary summary = scoring.apply(BatchSink.of(collector::scored, collector.rejected::add));
    String baseline = timepoints.isEmpty() ? BASELINE : timepoints.get(0);
    List<String> order = timepoints.isEmpty() ? List.copyOf(collector.byTimepoint.keySet()) : timepoints;
    return new TimepointScores(subscale, baseline, order, collector.byTimepoint, collector.seen,
        summary.read(), collector.scored, collector.notScored, collector.rejected);
  }

  /** Gathers the accepted scores and the rejected rows, in file order. */
  private final class Collector {
    final Map<String, Map<SubjectId, TimepointScores.Slot>> byTimepoint = new LinkedHashMap<>();
    final Set<SubjectId> seen = new LinkedHashSet<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    final Map<String, Boolean> knownTimepoint = new HashMap<>();
    long scored;
    long notScored;

    void scored(ScoredRow row) {
      List<Violation> reasons = new ArrayList<>(2);
      if (subjects.isPresent() && !subjects.get().contains(row.subject())) {
        reasons.add(Violation.atCell(row.row(), "subject", "not listed in " + subjectsSource));
      }
      if (!timepoints.isEmpty() && !knownTimepoint.computeIfAbsent(row.timepoint(), timepoints::contains)) {
        reasons.add(Violation.atCell(row.row(), "timepoint", "not one of the time points "
            + String.join(", ", timepoints.stream().map(t -> "'" + t + "'").toList())));
      }
      if (reasons.isEmpty()) {
        Map<SubjectId, TimepointScores.Slot> slots = byTimepoint.computeIfAbsent(row.timepoint(), t -> new HashMap<>());
        TimepointScores.Slot earlier = slots.get(row.subject());
        if (earlier != null) {
          reasons.add(Violation.atRow(row.row(), "the same person and timepoint as row " + earlier.row()));
        } else {
          SubscaleScore score = row.score().subscale(subscale).orElseThrow();
          slots.put(row.subject(), new TimepointScores.Slot(row.row(), score.value().orElse(Double.NaN)));
          seen.add(row.subject());
          if (score.isScored()) {
            scored++;
          } else {
            notScored++;
          }
          return;
        }
      }
      rejected.add(new RejectedRow(row.row(), reasons));
    }
  }
}
