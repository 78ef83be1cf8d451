package org.outcome.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.api.SubjectId;
import org.outcome.tenure.Episode;
import org.outcome.tenure.Person;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureSummary;

/**
 * Community tenure for a synthetic cohort: {@code people} people with 0 to 6 episodes each (3 on
 * average, one in ten in another setting, one in twenty open), over a three-year window. Measures
 * the whole batch, from lists and from CSV files (reading, validation, grouping, results).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TenureBenchmark {
  @Param({"100000"})
  int people;

  private List<Person> persons;
  private List<Episode> episodes;
  private Path peopleFile;
  private Path episodesFile;
  private final TenureCalculator calculator = TenureCalculator.of(TenureOptions.withDefaults()
      .withWindowDays(1095).withExtractionDate(LocalDate.parse("2024-12-31")));

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(20240601);
    LocalDate start = LocalDate.parse("2020-01-01");
    persons = new ArrayList<>(people);
    episodes = new ArrayList<>(people * 3);
    for (int i = 0; i < people; i++) {
      SubjectId id = SubjectId.of(String.format("%010d", 4_000_000_000L + i));
      LocalDate index = start.plusDays(random.nextInt(700));
      Optional<LocalDate> death = random.nextInt(20) == 0 ? Optional.of(index.plusDays(random.nextInt(1000))) : Optional.empty();
      persons.add(new Person(id, index, Optional.empty(), death, Optional.of(i % 2 == 0 ? "peer" : "usual")));
      int n = random.nextInt(7);
      LocalDate admission = index.minusDays(40);
      for (int e = 0; e < n; e++) {
        admission = admission.plusDays(random.nextInt(300));
        LocalDate discharge = admission.plusDays(random.nextInt(40));
        boolean open = e == n - 1 && random.nextInt(20) == 0;
        if (discharge.isAfter(LocalDate.parse("2024-12-31")) || admission.isAfter(LocalDate.parse("2024-12-31"))) {
          break;
        }
        episodes.add(new Episode(id, admission, open ? Optional.empty() : Optional.of(discharge),
            random.nextInt(10) == 0 ? Setting.OTHER : Setting.PSYCHIATRIC));
      }
    }
    peopleFile = Files.createTempFile("tenure-people", ".csv");
    episodesFile = Files.createTempFile("tenure-episodes", ".csv");
    try (Writer w = Files.newBufferedWriter(peopleFile, StandardCharsets.UTF_8)) {
      w.write("subject,index_date,end_date,death_date,group\n");
      for (Person p : persons) {
        w.write(p.subject().value() + "," + p.indexDate() + ",," + p.death().map(LocalDate::toString).orElse("")
            + "," + p.group().orElse("") + "\n");
      }
    }
    try (Writer w = Files.newBufferedWriter(episodesFile, StandardCharsets.UTF_8)) {
      w.write("subject,admission_date,discharge_date,setting\n");
      for (Episode e : episodes) {
        w.write(e.subject().value() + "," + e.admission() + "," + e.discharge().map(LocalDate::toString).orElse("")
            + "," + e.setting().label() + "\n");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      Files.deleteIfExists(peopleFile);
      Files.deleteIfExists(episodesFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The batch from lists of people and episodes already in memory, with its summary, which reads
   * every result once (a batch computes its results as they are read).
   */
  @Benchmark
  public TenureSummary fromLists() {
    return calculator.compute(persons, episodes).summary();
  }

  /** The batch from the two CSV files, reading included, with its summary. */
  @Benchmark
  public TenureSummary fromCsvFiles() {
    return calculator.read(peopleFile, episodesFile).summary();
  }
}
