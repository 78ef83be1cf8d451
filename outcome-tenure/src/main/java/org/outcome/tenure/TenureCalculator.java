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
 * <p>Contract: all arithmetic is in whole days on ISO calendar dates; only episodes in {@link
 * TenureOptions#settings()} count; episodes are joined into stays within {@link
 * TenureOptions#gapDays()}; follow-up ends at the earliest of end of observation, death, the
 * window and the extraction date; a person in hospital on the index date, without follow-up or
 * with a rejected episode row is flagged ({@link TenureFlag}) and left out of time to readmission.
 * Every row read is accepted or rejected with every reason; no message names a subject.
 *
 * <p>The rules, each stated exactly once, and the reasons a row is rejected are in the
 * repository's {@code docs/tenure.md} ("The rules"); this class implements them and its tests
 * check them.
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
   * a header row; other columns are ignored. The people file is read first and held in memory as
   * columns (about 80 bytes a person, with a subject map while the episodes are read); the episodes
   * file is streamed, each accepted episode kept in 12 bytes until all are grouped by person. The
   * results are computed as they are read from {@link TenureResults#people()}, not held.
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
