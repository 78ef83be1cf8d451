package org.outcome.tenure;

import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.io.CsvRecords;
import org.outcome.tenure.internal.Assembler;
import org.outcome.tenure.internal.FollowUp;
import org.outcome.tenure.internal.PersonTenure;
import org.outcome.tenure.internal.Rules;
import org.outcome.tenure.internal.TenureCsv;
import org.outcome.tenure.internal.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives community tenure (time in the community before a psychiatric readmission, bed-days,
 * readmissions) from hospital episodes. Immutable and thread-safe.
 *
 * <pre>{@code
 * TenureCalculator tenure = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(1095));
 * TenureResults results = tenure.read(Path.of("people.csv"), Path.of("episodes.csv"));
 * SurvivalSample sample = results.toSurvivalSample().sample();   // for Kaplan-Meier, log-rank, Cox
 * }</pre>
 *
 * <h2>Rules, exactly as implemented</h2>
 * All arithmetic is in whole days on ISO calendar dates. <em>Night d</em> is the night that
 * starts on date d.
 * <ol>
 *   <li><b>Counted episodes.</b> Only episodes in {@link TenureOptions#settings()} (psychiatric by
 *       default) count; the others are ignored entirely (they are not stays, not bed-days, and do
 *       not join stays).
 *   <li><b>Stays.</b> A person's counted episodes, sorted by admission then discharge, are joined
 *       into stays: an episode joins the current stay when its admission is on or before the
 *       stay's latest discharge + {@link TenureOptions#gapDays()} (default 1: overlapping
 *       episodes, a readmission on the day of discharge, and a transfer discharged one day and
 *       admitted the next are one stay). An open episode keeps its stay open. A stay's admission
 *       is its first episode's. {@code mergedStays} counts the stays of two or more episodes,
 *       over all the person's counted episodes whatever their dates.
 *   <li><b>Follow-up.</b> Day 0 is the index date. Follow-up ends on the earliest of the end of
 *       observation, the death date, index date + window and the extraction date (those that are
 *       given); on a tie the reason is the first of death, end of observation, window end,
 *       extraction. {@code daysFollowed = end − index}: the nights index … end − 1. The end date
 *       itself is observed for events (an admission on it is a readmission) but its night is
 *       not counted. A person with none of the four dates is rejected.
 *   <li><b>Readmission.</b> A stay whose admission is after the index date and on or before the
 *       end of follow-up. {@code readmissions} counts them. With one, time = first readmission's
 *       admission − index (≥ 1) and event = 1; with none, time = daysFollowed, event = 0, and the
 *       censoring reason is why follow-up ended.
 *   <li><b>In hospital on the index date.</b> A stay admitted on or before the index date and
 *       discharged after it (or open) sets {@link TenureFlag#IN_HOSPITAL_ON_INDEX_DATE}. A stay
 *       discharged on the index date (the index discharge itself) does not. Because stays are
 *       merged first, a discharge on the index date followed by an admission within the gap also
 *       sets it (the person did not return to the community).
 *   <li><b>Exclusion.</b> A person flagged {@link TenureFlag#IN_HOSPITAL_ON_INDEX_DATE},
 *       {@link TenureFlag#NO_FOLLOW_UP} (follow-up ends on the index date, for example death on
 *       the index date) or {@link TenureFlag#REJECTED_EPISODES} gets no time, event or 30/90-day
 *       flags, and is left out of the survival sample and bed-days saved; every other measure is
 *       still computed.
 *   <li><b>Bed-days.</b> Counted from the episodes themselves, not the stays: night d is a
 *       bed-day when some counted episode has admission ≤ d &lt; discharge, and index ≤ d &lt; end
 *       of follow-up. An overlap counts once; the night between a transfer's discharge and the
 *       next admission is not a bed-day; a same-day episode has none; an open episode runs to
 *       the end of follow-up. Merging (and the gap) changes how admissions are counted, never
 *       bed-days.
 *   <li><b>Days in the community</b> = daysFollowed − bedDays.
 *   <li><b>30- and 90-day readmission.</b> For horizon H: true when readmitted with time ≤ H;
 *       false when not, and daysFollowed ≥ H; empty (not false) when censored before H. (NHS
 *       Digital's readmission indicators count 0–29 days after discharge; here a readmission on
 *       day 30 counts toward the 30-day flag, as in a Kaplan-Meier estimate at 30 days. For the
 *       NHS convention, use {@code event && time ≤ 29}.)
 * </ol>
 *
 * <h2>Input checks</h2>
 * A people row is rejected for: an empty subject; an empty, malformed (not {@code YYYY-MM-DD})
 * or impossible (2023-02-30) date; an index date after the end of observation; a death date
 * before the index date; an index date after the extraction date; no end of follow-up; a
 * subject that appears in more than one row (every such row is rejected). An episode row is
 * rejected for: an empty subject; a subject not in the people file, or whose people row was
 * rejected; a bad date; a discharge before the admission; no discharge date without an
 * extraction date; an admission or discharge after the extraction date; a setting other than
 * {@code psychiatric} or {@code other} (any case) when the file has a setting column (without
 * one, every episode is psychiatric). A person with a rejected episode row is flagged
 * {@link TenureFlag#REJECTED_EPISODES}. Subjects match exactly (case-sensitive, cells trimmed).
 * Every row read is accepted or rejected with every reason; no message names a subject.
 */
public final class TenureCalculator {
  private static final Logger LOG = LoggerFactory.getLogger(TenureCalculator.class);

  private final TenureOptions options;

  private TenureCalculator(TenureOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A calculator with these options. */
  public static TenureCalculator of(TenureOptions options) {
    return new TenureCalculator(options);
  }

  /** A calculator with {@link TenureOptions#withDefaults()}. */
  public static TenureCalculator withDefaults() {
    return new TenureCalculator(TenureOptions.withDefaults());
  }

  /** The options. */
  public TenureOptions options() {
    return options;
  }

  /**
   * One person's community tenure.
   *
   * @param episodes the person's episodes, in any order, in any setting (those not counted are ignored)
   * @throws InvalidInputException if an episode belongs to another subject, is open without an
   *     extraction date, or is after the extraction date; if the index date is after the
   *     extraction date; or if follow-up has no end
   */
  public TenureResult compute(Person person, Collection<Episode> episodes) {
    List<Violation> violations = new ArrayList<>();
    Optional<LocalDate> extraction = options.extractionDate();
    extraction.flatMap(x -> Rules.indexAfterExtraction(person.indexDate(), x))
        .ifPresent(m -> violations.add(Violation.at("index_date", m)));
    Optional<FollowUp> followUp = FollowUp.of(person, options);
    if (followUp.isEmpty()) {
      violations.add(Violation.at("person", Rules.noEndOfFollowUp()));
    }
    long[] keys = new long[episodes.size()];
    int n = 0;
    int i = 0;
    for (Episode e : episodes) {
      String where = "episodes[" + i++ + "]";
      if (!e.subject().equals(person.subject())) {
        violations.add(Violation.at(where, "belongs to another subject"));
      }
      if (e.discharge().isEmpty() && extraction.isEmpty()) {
        violations.add(Violation.at(where, Rules.openWithoutExtraction()));
      }
      if (extraction.isPresent()) {
        Rules.afterExtraction("admission", e.admission(), extraction.get())
            .ifPresent(m -> violations.add(Violation.at(where, m)));
        e.discharge().flatMap(d -> Rules.afterExtraction("discharge", d, extraction.get()))
            .ifPresent(m -> violations.add(Violation.at(where, m)));
      }
      if (options.settings().contains(e.setting())) {
        keys[n++] = key(e);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("cannot compute community tenure", violations);
    }
    Arrays.sort(keys, 0, n);
    return PersonTenure.compute(person, followUp.orElseThrow(), keys, 0, n, options.gapDays(), false);
  }

  /**
   * Community tenure for lists of people and episodes. Nothing is thrown for bad rows: each is
   * rejected with its reasons, row {@code i} being the element at position {@code i − 1}.
   */
  public TenureResults compute(List<Person> people, List<Episode> episodes) {
    Assembler assembler = new Assembler(options);
    long row = 0;
    for (Person p : people) {
      assembler.offerPerson(++row, p.subject().value(), p.indexDate(), p.endOfObservation(), p.death(), p.group(),
          new ArrayList<>());
    }
    assembler.closePeople();
    row = 0;
    for (Episode e : episodes) {
      assembler.offerEpisode(++row, e.subject().value(), e.admission(), e.discharge().orElse(null),
          e.discharge().isEmpty(), e.setting(), new ArrayList<>());
    }
    return finish(assembler);
  }

  /**
   * Community tenure from a people file ({@code subject,index_date[,end_date][,death_date][,group]})
   * and an episodes file ({@code subject,admission_date,discharge_date[,setting]}), UTF-8 CSV with
   * a header row; other columns are ignored. The people file is read first and held in memory;
   * the episodes file is streamed, each accepted episode kept in 12 bytes until all are grouped
   * by person.
   *
   * @throws InvalidInputException for a problem with a file as a whole (missing, not UTF-8, a
   *     required column missing, malformed CSV, a row with more cells than the header); bad rows
   *     are rejected, not thrown
   */
  public TenureResults read(Path people, Path episodes) {
    Assembler assembler = new Assembler(options);
    try (CsvRecords csv = CsvRecords.open(people)) {
      TenureCsv.readPeople(csv, assembler);
    }
    assembler.closePeople();
    try (CsvRecords csv = CsvRecords.open(episodes)) {
      TenureCsv.readEpisodes(csv, assembler);
    }
    return finish(assembler);
  }

  /** As {@link #read(Path, Path)}, from readers (which this method closes). */
  public TenureResults read(Reader people, Reader episodes) {
    Assembler assembler = new Assembler(options);
    try (CsvRecords csv = CsvRecords.of(people, "people input")) {
      TenureCsv.readPeople(csv, assembler);
    }
    assembler.closePeople();
    try (CsvRecords csv = CsvRecords.of(episodes, "episodes input")) {
      TenureCsv.readEpisodes(csv, assembler);
    }
    return finish(assembler);
  }

  /**
   * The stays that one person's episodes form under these options (counted settings, gap), in
   * order of admission. Open episodes need no extraction date here.
   */
  public List<Stay> stays(Collection<Episode> episodes) {
    long[] keys = episodes.stream().filter(e -> options.settings().contains(e.setting()))
        .mapToLong(TenureCalculator::key).sorted().toArray();
    List<Stay> stays = new ArrayList<>();
    for (int[] s : Timeline.stays(keys, 0, keys.length, options.gapDays())) {
      stays.add(new Stay(LocalDate.ofEpochDay(s[0]),
          s[1] == Timeline.OPEN ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(s[1])), s[2]));
    }
    return List.copyOf(stays);
  }

  /** Finishes a batch and logs its row counts at INFO: counts only, never a subject or a cell. */
  private static TenureResults finish(Assembler assembler) {
    TenureResults results = assembler.finish();
    if (LOG.isInfoEnabled()) {
      RowCounts people = results.peopleCounts();
      RowCounts episodes = results.episodeCounts();
      LOG.info("tenure computed: people read {}, accepted {}, rejected {}; episodes read {}, accepted {},"
          + " rejected {}, outside the counted settings {}", people.read(), people.accepted(), people.rejected(),
          episodes.read(), episodes.accepted(), episodes.rejected(), results.episodesOutsideSettings());
    }
    return results;
  }

  private static long key(Episode e) {
    return Timeline.key(Math.toIntExact(e.admission().toEpochDay()),
        e.discharge().map(d -> Math.toIntExact(d.toEpochDay())).orElse(Timeline.OPEN));
  }
}
