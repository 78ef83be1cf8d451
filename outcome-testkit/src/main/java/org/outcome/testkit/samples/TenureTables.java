package org.outcome.testkit.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.outcome.testkit.Generator;

/**
 * People and episodes tables as the tenure files hold them (text cells, a header row), drawn with
 * every kind of row a real extract has: good rows, and rows with an empty subject, a date in
 * another form or impossible, an end or death before the index date, a subject given twice, an
 * episode of an unknown or rejected person, a discharge before the admission, an open episode, an
 * unknown or empty setting, episodes in another setting, overlapping and back-to-back stays.
 * Subjects look like NHS numbers (ten digits), so that a message that leaks one shows.
 *
 * <p>For checking that every way of computing community tenure (files, lists, row batches, Spark)
 * gives the same results, rejections and counts.
 *
 * @param people the people table: header {@code subject,index_date,end_date,death_date,group},
 *     then one row per person; an empty string is an empty cell
 * @param episodes the episodes table: header {@code subject,admission_date,discharge_date,setting}
 */
public record TenureTables(List<List<String>> people, List<List<String>> episodes) {
  /** The header of the people table. */
  public static final List<String> PEOPLE_HEADER = List.of("subject", "index_date", "end_date", "death_date", "group");
  /** The header of the episodes table. */
  public static final List<String> EPISODES_HEADER = List.of("subject", "admission_date", "discharge_date", "setting");

  private static final LocalDate BASE = LocalDate.of(2022, 1, 1);

  public TenureTables {
    people = people.stream().map(List::copyOf).toList();
    episodes = episodes.stream().map(List::copyOf).toList();
  }

  /**
   * Tables of 1 to {@code maxPeople} people, most of them good; about one row in eight is bad in
   * some way.
   */
  public static Generator<TenureTables> generator(int maxPeople) {
    if (maxPeople < 1) {
      throw new IllegalArgumentException("maxPeople must be at least 1");
    }
    return random -> draw(random, Draw.between(random, 1, maxPeople));
  }

  /** The people table as CSV text (no quoting is needed: no cell holds a comma or a quote). */
  public String peopleCsv() {
    return csv(people);
  }

  /** The episodes table as CSV text. */
  public String episodesCsv() {
    return csv(episodes);
  }

  private static String csv(List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    for (List<String> row : rows) {
      b.append(String.join(",", row)).append('\n');
    }
    return b.toString();
  }

  private static TenureTables draw(RandomGenerator random, int n) {
    List<List<String>> people = new ArrayList<>();
    List<List<String>> episodes = new ArrayList<>();
    people.add(PEOPLE_HEADER);
    episodes.add(EPISODES_HEADER);
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String subject = subjects.isEmpty() || Draw.between(random, 0, 19) != 0
          ? String.valueOf(9_000_000_000L + random.nextInt(0, 999_999_999))
          : Draw.oneOf(random, subjects); // a subject given twice
      subjects.add(subject);
      LocalDate index = BASE.plusDays(Draw.between(random, 0, 400));
      String end = Draw.between(random, 0, 2) == 0 ? date(index.plusDays(Draw.between(random, -5, 200))) : "";
      String death = Draw.between(random, 0, 9) == 0 ? date(index.plusDays(Draw.between(random, -5, 300))) : "";
      String group = Draw.oneOf(random, List.of("peer", "usual", "peer", "usual", ""));
      people.add(List.of(maybeEmpty(random, subject), dateCell(random, index), end, death, group));
      int count = Draw.between(random, 0, 4);
      LocalDate admission = index.plusDays(Draw.between(random, -20, 60));
      for (int e = 0; e < count; e++) {
        LocalDate discharge = admission.plusDays(Draw.between(random, -1, 30));
        String dischargeCell = Draw.between(random, 0, 14) == 0 ? "" : dateCell(random, discharge);
        String setting = Draw.oneOf(random, List.of("psychiatric", "psychiatric", "psychiatric", "other",
            "Psychiatric", "", "ward 7"));
        episodes.add(List.of(maybeEmpty(random, subject), dateCell(random, admission), dischargeCell, setting));
        admission = discharge.plusDays(Draw.between(random, -3, 90));
      }
    }
    int unknown = Draw.between(random, 0, 2);
    for (int u = 0; u < unknown; u++) {
      LocalDate admission = BASE.plusDays(Draw.between(random, 0, 400));
      episodes.add(List.of("8" + random.nextInt(100_000_000, 999_999_999), date(admission),
          date(admission.plusDays(3)), "psychiatric"));
    }
    return new TenureTables(people, episodes);
  }

  private static String maybeEmpty(RandomGenerator random, String subject) {
    return Draw.between(random, 0, 39) == 0 ? "" : subject;
  }

  /** Mostly ISO, sometimes in another form, impossible, or not a date. */
  private static String dateCell(RandomGenerator random, LocalDate date) {
    return switch (Draw.between(random, 0, 59)) {
      case 0 -> date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
      case 1 -> date.getYear() + "-02-30";
      case 2 -> "unknown";
      default -> date(date);
    };
  }

  private static String date(LocalDate date) {
    return date.toString();
  }
}
