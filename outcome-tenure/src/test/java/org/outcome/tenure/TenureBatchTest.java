package org.outcome.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.TenureTables;

/**
 * {@link TenureBatch}: rows offered one at a time give what the files give, and batches that each
 * hold every row of some subjects add up to the whole run, rejections and summary included.
 */
class TenureBatchTest {
  static final int EXAMPLES = 200;

  static final List<TenureOptions> OPTIONS = List.of(
      TenureOptions.withDefaults().withWindowDays(365),
      TenureOptions.withDefaults().withExtractionDate(LocalDate.of(2023, 6, 30)).withGapDays(0),
      TenureOptions.withDefaults().withWindowDays(90).withExtractionDate(LocalDate.of(2023, 3, 1))
          .withSettings(Setting.PSYCHIATRIC, Setting.OTHER),
      TenureOptions.withDefaults());

  /** The tables' rows offered to batches; row r of a table goes to batch part(subject, r). */
  static List<Part> split(TenureTables tables, TenureOptions options, int parts, long seed) {
    List<TenureBatch> batches = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      batches.add(TenureBatch.of(options));
    }
    for (int r = 1; r < tables.people().size(); r++) {
      List<String> p = tables.people().get(r);
      batches.get(part(p.get(0), r, parts, seed)).person(r, p.get(0), p.get(1), cell(p.get(2)), cell(p.get(3)),
          cell(p.get(4)));
    }
    for (int r = 1; r < tables.episodes().size(); r++) {
      List<String> e = tables.episodes().get(r);
      batches.get(part(e.get(0), r, parts, seed)).episode(r, e.get(0), e.get(1), e.get(2), Optional.of(e.get(3)));
    }
    List<Part> done = new ArrayList<>();
    for (TenureBatch b : batches) {
      TenureResults results = b.finish();
      for (int i = 0; i < results.people().size(); i++) {
        done.add(new Part(b.peopleRow(i), results.people().get(i), null));
      }
      done.add(new Part(-1, null, results));
    }
    return done;
  }

  record Part(long row, TenureResult result, TenureResults batch) {}

  /** Every row of a subject in one part; rows with an empty subject anywhere. */
  static int part(String subject, long row, int parts, long seed) {
    long h = subject.isEmpty() ? row * 31 + seed : subject.hashCode() ^ seed;
    return (int) Math.floorMod(h * 0x9E3779B97F4A7C15L >>> 17, (long) parts);
  }

  static Optional<String> cell(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** The parts brought together as the whole run would give them. */
  static TenureResults merge(List<Part> parts, TenureOptions options) {
    List<TenureResult> people = parts.stream().filter(p -> p.result() != null)
        .sorted(Comparator.comparingLong(Part::row)).map(Part::result).toList();
    List<TenureResults> batches = parts.stream().map(Part::batch).filter(b -> b != null).toList();
    List<Rejection> rejected = batches.stream().flatMap(b -> b.rejected().stream())
        .sorted(Comparator.comparing(Rejection::file).thenComparingLong(Rejection::row)).toList();
    return new TenureResults(options, people, rejected,
        sum(batches.stream().map(TenureResults::peopleCounts).toList()),
        sum(batches.stream().map(TenureResults::episodeCounts).toList()),
        batches.stream().mapToLong(TenureResults::episodesOutsideSettings).sum());
  }

  static RowCounts sum(List<RowCounts> counts) {
    return new RowCounts(counts.stream().mapToLong(RowCounts::read).sum(),
        counts.stream().mapToLong(RowCounts::accepted).sum(), counts.stream().mapToLong(RowCounts::rejected).sum());
  }

  static TenureResults whole(TenureTables tables, TenureOptions options) {
    return TenureCalculator.of(options).read(new StringReader(tables.peopleCsv()), new StringReader(tables.episodesCsv()));
  }

  @Test
  void batchesOfWholeSubjectsAddUpToTheFilesResultsRejectionsAndSummary() {
    qt().withExamples(EXAMPLES)
        .forAll(QtGenerators.gen(TenureTables.generator(40)), integers().between(0, OPTIONS.size() - 1),
            integers().between(1, 6), longs().all())
        .checkAssert((tables, o, parts, seed) -> {
          TenureOptions options = OPTIONS.get(o);
          TenureResults expected = whole(tables, options);
          List<Part> split = split(tables, options, parts, seed);
          TenureResults merged = merge(split, options);

          assertThat(merged.people()).isEqualTo(expected.people());
          assertThat(merged.rejected()).isEqualTo(expected.rejected());
          assertThat(merged.peopleCounts()).isEqualTo(expected.peopleCounts());
          assertThat(merged.episodeCounts()).isEqualTo(expected.episodeCounts());
          assertThat(merged.episodesOutsideSettings()).isEqualTo(expected.episodesOutsideSettings());

          TenureSummary.Tally tally = new TenureSummary.Tally();
          for (Part p : split) {
            if (p.batch() != null) {
              tally.merge(p.batch().people().stream().collect(TenureSummary.Tally::new, TenureSummary.Tally::add,
                  TenureSummary.Tally::merge));
            }
          }
          assertThat(tally.summary(merged.peopleCounts(), merged.episodeCounts(), merged.episodesOutsideSettings()))
              .isEqualTo(expected.summary());
          BedDayComparator comparator = BedDayComparator.ofBedDays(9.5, "test");
          assertThat(tally.bedDaysSaved(comparator)).isEqualTo(expected.bedDaysSaved(comparator));
        });
  }

  @Test
  void theTallysMedianAndBedDaysSavedAreThoseOfThePeopleCountedDirectly() {
    qt().withExamples(EXAMPLES)
        .forAll(QtGenerators.gen(TenureTables.generator(40)), integers().between(0, OPTIONS.size() - 1))
        .checkAssert((tables, o) -> {
          TenureResults results = whole(tables, OPTIONS.get(o));
          int[] days = results.people().stream().mapToInt(TenureResult::daysFollowed).sorted().toArray();
          int n = days.length;
          if (n == 0) {
            assertThat(results.summary().medianDaysFollowed()).isEmpty();
          } else {
            double median = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + (double) days[n / 2]) / 2;
            assertThat(results.summary().medianDaysFollowed()).hasValue(median);
          }
          List<TenureResult> included = results.people().stream().filter(TenureResult::included).toList();
          BedDaysSaved saved = results.bedDaysSaved(BedDayComparator.ofBedDays(20, "test"));
          assertThat(saved.people()).isEqualTo(included.size());
          assertThat(saved.excluded()).isEqualTo(n - included.size());
          assertThat(saved.personDays()).isEqualTo(included.stream().mapToLong(TenureResult::daysFollowed).sum());
          assertThat(saved.observedBedDays()).isEqualTo(included.stream().mapToLong(TenureResult::bedDays).sum());
        });
  }

  @Test
  void theDrawnTablesHoldEveryKindOfRow() {
    // the property above is only as good as its tables: check that a run draws each kind of rejection
    SplittableRandom random = new SplittableRandom(7);
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TenureTables tables = TenureTables.generator(40).next(random);
      whole(tables, OPTIONS.get(1)).rejected().forEach(r -> r.reasons().forEach(v -> messages.add(v.message())));
    }
    assertThat(messages).anyMatch(m -> m.startsWith("empty cell; a subject"))
        .anyMatch(m -> m.contains("a date in another form"))
        .anyMatch(m -> m.startsWith("not a real calendar date"))
        .anyMatch(m -> m.contains("rows of the people file"))
        .anyMatch(m -> m.equals("the subject is not in the people file"))
        .anyMatch(m -> m.contains("of the people file was rejected") || m.contains("of the people file were rejected"))
        .anyMatch(m -> m.startsWith("not a setting"))
        .anyMatch(m -> m.startsWith("empty cell; write psychiatric"));
  }

  @Test
  void rowsOutOfOrderOrPeopleAfterEpisodesAreRefused() {
    TenureBatch batch = TenureBatch.of(TenureOptions.withDefaults().withWindowDays(30));
    batch.person(2, "a", "2023-01-01", Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> batch.person(2, "b", "2023-01-01", Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    batch.episode(1, "a", "2023-01-05", "2023-01-07", Optional.empty());
    assertThatThrownBy(() -> batch.person(3, "b", "2023-01-01", Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> batch.peopleRow(0)).isInstanceOf(IllegalStateException.class);
    TenureResults results = batch.finish();
    assertThat(results.people()).singleElement().satisfies(r -> assertThat(r.time()).hasValue(4));
    assertThat(batch.peopleRow(0)).isEqualTo(2);
    assertThatThrownBy(batch::finish).isInstanceOf(IllegalStateException.class);
  }
}
