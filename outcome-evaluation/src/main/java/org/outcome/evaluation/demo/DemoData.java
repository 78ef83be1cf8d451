package org.outcome.evaluation.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.InstrumentId;

/**
 * Writes the synthetic demonstration data described by a {@link DemoSpec}: {@code people.csv},
 * {@code episodes.csv}, {@code sessions.csv} and one answers file per instrument
 * ({@code empowerment-scale.csv}, {@code mhcs.csv}, {@code swemwbs.csv}) in the formats the
 * {@code tenure} and {@code score} commands read. Nothing in them describes a real person.
 *
 * <p>A few deliberate data-entry faults are planted so that the report shows its accounting:
 * answers outside the scale (rejected rows) and a skipped item on an instrument that needs every item
 * (not scored).
 */
public final class DemoData {
  /** The instruments the demo uses, with the item-level model for each. */
  private record Model(String id, double centre, double spread, double drift, double itemNoise, double personNoise) {}

  private static final List<Model> MODELS = List.of(
      new Model("empowerment-scale", 2.55, 0.30, 0.03, 0.45, 0.15),
      new Model("mhcs", 3.50, 0.60, 0.05, 0.60, 0.30),
      new Model("swemwbs", 3.00, 0.50, 0.05, 0.60, 0.25));

  /** The timepoint labels used in the answers files. */
  public static final String BASELINE = "baseline";
  /** The follow-up timepoint label. */
  public static final String FOLLOW_UP = "follow-up";
  /** The group labels. */
  public static final String PEER = "peer-support";
  /** The comparison group label. */
  public static final String USUAL = "usual-care";
  /** The demonstration's sites (column {@code site} of the people file), pooled by meta-analysis. */
  public static final List<String> SITES = List.of("north", "central", "south");

  private final DemoSpec spec;
  private final InstrumentRegistry instruments;

  private DemoData(DemoSpec spec, InstrumentRegistry instruments) {
    this.spec = spec;
    this.instruments = instruments;
  }

  /**
   * Writes the demo files into {@code directory} (created if needed).
   *
   * @return the paths written
   */
  public static DemoFiles write(DemoSpec spec, InstrumentRegistry instruments, Path directory) {
    try {
      Files.createDirectories(directory);
      return new DemoData(spec, instruments).writeAll(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo data to " + directory, e);
    }
  }

  /** A synthetic person. */
  private record Person(String id, String group, LocalDate index, int sessions, double latent, boolean followedUp,
      LocalDate death, LocalDate endOfObservation) {}

  private DemoFiles writeAll(Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(spec.seed());
    List<Person> people = people(random);
    Path peopleFile = dir.resolve("people.csv");
    Path sessionsFile = dir.resolve("sessions.csv");
    Path episodesFile = dir.resolve("episodes.csv");
    // the covariates of the propensity adjustment from a stream of their own, so that adding them
    // changed no other number of the demonstration
    SplittableRandom covariates = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
    try (Writer p = writer(peopleFile); Writer s = writer(sessionsFile)) {
      p.write("subject,index_date,end_date,death_date,group,age,female,prior_admissions,site\n");
      s.write("subject,sessions\n");
      for (Person person : people) {
        // the peer-support cohort a little younger, more often female and with fewer earlier
        // admissions than the usual-care cohort: differences the adjustment should remove
        boolean peer = person.group().equals(PEER);
        long age = Math.max(18, Math.min(80, Math.round((peer ? 38 : 42) + 12 * normal(covariates))));
        int female = covariates.nextDouble() < (peer ? 0.58 : 0.5) ? 1 : 0;
        int prior = poisson(covariates, peer ? 1.1 : 1.5);
        String site = SITES.get(covariates.nextInt(SITES.size()));
        p.write(person.id() + "," + person.index() + "," + date(person.endOfObservation()) + ","
            + date(person.death()) + "," + person.group() + "," + age + "," + female + "," + prior + "," + site + "\n");
        s.write(person.id() + "," + person.sessions() + "\n");
      }
    }
    try (Writer e = writer(episodesFile)) {
      e.write("subject,admission_date,discharge_date,setting\n");
      for (Person person : people) {
        for (String row : episodes(person, random.split())) {
          e.write(row);
        }
      }
    }
    List<Path> answers = new ArrayList<>();
    for (Model model : MODELS) {
      Path file = dir.resolve(model.id() + ".csv");
      writeAnswers(file, model, people, random.split());
      answers.add(file);
    }
    return new DemoFiles(dir, peopleFile, episodesFile, sessionsFile, answers);
  }

  private List<Person> people(SplittableRandom random) {
    List<Person> people = new ArrayList<>();
    int n = 0;
    for (String group : List.of(USUAL, PEER)) {
      int year = group.equals(USUAL) ? 2022 : 2023;
      for (int k = 0; k < spec.perGroup(); k++) {
        n++;
        LocalDate index = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        int sessions = group.equals(PEER) ? poissonGamma(random, spec.meanSessions()) : 0;
        double latent = normal(random);
        boolean followedUp = random.nextDouble() < spec.followUpRate();
        double yearsToDeath = -Math.log(1 - random.nextDouble()) / 0.01;
        LocalDate death = yearsToDeath < 4 ? index.plusDays(1 + (long) (yearsToDeath * 365)) : null;
        LocalDate end = random.nextDouble() < 0.05 ? index.plusDays(30 + random.nextInt(900)) : null;
        people.add(new Person(String.format(Locale.ROOT, "DEMO%04d", n), group, index, sessions, latent,
            followedUp, death, end));
      }
    }
    return people;
  }

  /** Psychiatric readmissions as a renewal process from the index discharge, plus other stays. */
  private List<String> episodes(Person person, SplittableRandom random) {
    List<String> rows = new ArrayList<>();
    double hazard = spec.usualCareHazardPerDay() * (person.group().equals(PEER) ? spec.hazardRatio() : 1);
    int indexStay = stayLength(random);
    rows.add(row(person, person.index().minusDays(indexStay), person.index(), "psychiatric"));
    LocalDate limit = person.index().plusDays(1095 + 60);
    LocalDate discharge = person.index();
    while (true) {
      long gap = 1 + (long) (-Math.log(1 - random.nextDouble()) / hazard);
      LocalDate admission = discharge.plusDays(gap);
      if (admission.isAfter(limit) || admission.isAfter(spec.extractionDate())
          || (person.death() != null && !admission.isBefore(person.death()))) {
        break;
      }
      LocalDate out = admission.plusDays(stayLength(random));
      if (random.nextDouble() < 0.08 && out.isBefore(spec.extractionDate().minusDays(1))) {
        // a transfer: the stay continues in another ward the same day or the next
        rows.add(row(person, admission, out, "psychiatric"));
        admission = out.plusDays(random.nextInt(2));
        out = admission.plusDays(1 + random.nextInt(10));
      }
      // still in hospital when the data were extracted: no discharge date yet
      boolean open = !out.isBefore(spec.extractionDate());
      rows.add(row(person, admission, open ? null : out, "psychiatric"));
      if (open) {
        break;
      }
      discharge = out;
    }
    if (random.nextDouble() < 0.10) {
      LocalDate admission = person.index().plusDays(30 + random.nextInt(700));
      if (admission.isBefore(spec.extractionDate())) {
        rows.add(row(person, admission, admission.plusDays(1 + random.nextInt(5)), "other"));
      }
    }
    return rows;
  }

  private int stayLength(SplittableRandom random) {
    return Math.max(1, (int) Math.round(spec.medianStayDays() * Math.exp(0.7 * normal(random))));
  }

  private static String row(Person person, LocalDate admission, LocalDate discharge, String setting) {
    return person.id() + "," + admission + "," + date(discharge) + "," + setting + "\n";
  }

  private void writeAnswers(Path file, Model model, List<Person> people, SplittableRandom random) throws IOException {
    InstrumentDefinition definition = instruments.require(InstrumentId.of(model.id())).definition();
    List<Item> items = definition.items();
    try (Writer w = writer(file)) {
      StringBuilder header = new StringBuilder("subject,timepoint");
      items.forEach(i -> header.append(",q").append(i.number()));
      w.write(header.append('\n').toString());
      int row = 0;
      for (Person person : people) {
        double base = model.centre() + model.spread() * person.latent();
        double effect = person.group().equals(PEER) ? itt(model) + (person.sessions() > 10 ? extra(model) : 0) : 0;
        double follow = base + model.drift() + effect + model.personNoise() * normal(random);
        for (String timepoint : List.of(BASELINE, FOLLOW_UP)) {
          if (timepoint.equals(FOLLOW_UP) && !person.followedUp()) {
            continue;
          }
          double target = timepoint.equals(BASELINE) ? base : follow;
          StringBuilder line = new StringBuilder(person.id()).append(',').append(timepoint);
          row++;
          for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            int keyed = (int) Math.max(item.scale().min(), Math.min(item.scale().max(),
                Math.round(target + model.itemNoise() * normal(random))));
            int answer = item.keying() == Keying.REVERSE ? item.scale().reverse(keyed) : keyed;
            line.append(',');
            if (row % 97 == 0 && k == 2) {
              line.append(item.scale().max() + 2); // a data-entry fault: outside the scale
            } else if (row % 89 == 0 && k == 4) {
              line.append(""); // a skipped item
            } else {
              line.append(answer);
            }
          }
          w.write(line.append('\n').toString());
        }
      }
    }
  }

  private double itt(Model model) {
    return switch (model.id()) {
      case "empowerment-scale" -> spec.esItt();
      case "mhcs" -> spec.mhcsItt();
      default -> spec.swemwbsItt();
    };
  }

  private double extra(Model model) {
    return switch (model.id()) {
      case "empowerment-scale" -> spec.esExtra();
      case "mhcs" -> spec.mhcsExtra();
      default -> spec.swemwbsExtra();
    };
  }

  /** A gamma(2)-Poisson mixture with the given mean: overdispersed session counts. */
  private static int poissonGamma(SplittableRandom random, double mean) {
    return poisson(random, (-Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble())) / 2 * mean);
  }

  /** A Poisson draw by inversion. */
  private static int poisson(SplittableRandom random, double rate) {
    int k = 0;
    double p = Math.exp(-rate);
    double s = p;
    double u = random.nextDouble();
    while (u > s && k < 1000) {
      k++;
      p *= rate / k;
      s += p;
    }
    return k;
  }

  private static double normal(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static Writer writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }
}
