package org.outcome.cli.tenure;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outcome.cli.io.CsvCells;
import org.outcome.cli.io.TextTable;
import org.outcome.tenure.BedDaysSaved;
import org.outcome.tenure.CensorReason;
import org.outcome.tenure.HorizonCounts;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureFlag;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;

/** The tenure command's output in its three formats. */
record TenureReport(TenureResults results, TenureSummary summary, Optional<BedDaysSaved> saved) {
  /** The per-person columns, in output order: the fields, then the group. */
  static final List<String> COLUMNS = List.of("subject", "time", "event", "censorReason", "daysFollowed",
      "daysInCommunity", "bedDays", "readmissions", "readmitted30", "readmitted90", "mergedStays", "flags", "group");

  // ------------------------------------------------------------------ JSON documents

  record OptionsJson(Integer windowDays, int gapDays, String extractionDate, List<String> settings) {}

  record Counts(long read, long accepted, long rejected) {}

  record EpisodeCounts(long read, long accepted, long rejected, long outsideSettings) {}

  record Horizon(int readmitted, int notReadmitted, int unknown) {
    static Horizon of(HorizonCounts c) {
      return new Horizon(c.readmitted(), c.notReadmitted(), c.unknown());
    }
  }

  record SummaryJson(Counts people, EpisodeCounts episodes, int included, int excluded,
      Map<String, Integer> excludedByFlag, int events, Map<String, Integer> censoredByReason,
      Double medianDaysFollowed, long totalDaysFollowed, long totalBedDays, long totalDaysInCommunity,
      long totalReadmissions, Horizon readmitted30, Horizon readmitted90) {}

  record PersonJson(String subject, Integer time, Integer event, String censorReason, int daysFollowed,
      int daysInCommunity, int bedDays, int readmissions, Integer readmitted30, Integer readmitted90,
      int mergedStays, List<String> flags, String group) {}

  record ReasonJson(String location, String message) {}

  record RejectedJson(String file, long row, List<ReasonJson> reasons) {}

  record SavedJson(double comparatorBedDaysPerPersonYear, Double comparatorAdmissionsPerPersonYear,
      Double comparatorMeanLengthOfStayDays, String comparatorSource, int people, int excluded, long personDays,
      double personYears, long observedBedDays, double expectedBedDays, double bedDaysSaved) {}

  record Document(OptionsJson options, SummaryJson summary, SavedJson bedDaysSaved, List<PersonJson> people,
      List<RejectedJson> rejected) {}

  Document json() {
    TenureOptions o = results.options();
    OptionsJson options = new OptionsJson(o.windowDays().isPresent() ? o.windowDays().getAsInt() : null, o.gapDays(),
        o.extractionDate().map(LocalDate::toString).orElse(null), o.settings().stream().map(Setting::label).toList());
    Map<String, Integer> byFlag = new LinkedHashMap<>();
    for (TenureFlag f : TenureFlag.values()) {
      if (summary.excludedByFlag().containsKey(f)) {
        byFlag.put(f.label(), summary.excludedByFlag().get(f));
      }
    }
    Map<String, Integer> byReason = new LinkedHashMap<>();
    for (CensorReason c : CensorReason.values()) {
      byReason.put(c.label(), summary.censoredByReason().getOrDefault(c, 0));
    }
    SummaryJson s = new SummaryJson(
        new Counts(summary.people().read(), summary.people().accepted(), summary.people().rejected()),
        new EpisodeCounts(summary.episodes().read(), summary.episodes().accepted(), summary.episodes().rejected(),
            summary.episodesOutsideSettings()),
        summary.included(), summary.excluded(), byFlag, summary.events(), byReason,
        summary.medianDaysFollowed().isPresent() ? summary.medianDaysFollowed().getAsDouble() : null,
        summary.totalDaysFollowed(), summary.totalBedDays(), summary.totalDaysInCommunity(), summary.totalReadmissions(),
        Horizon.of(summary.readmitted30()), Horizon.of(summary.readmitted90()));
    SavedJson savedJson = saved.map(b -> new SavedJson(b.comparator().bedDaysPerPersonYear(),
        b.comparator().admissionsPerPersonYear().isPresent() ? b.comparator().admissionsPerPersonYear().getAsDouble() : null,
        b.comparator().meanLengthOfStayDays().isPresent() ? b.comparator().meanLengthOfStayDays().getAsDouble() : null,
        b.comparator().source(), b.people(), b.excluded(), b.personDays(), b.personYears(), b.observedBedDays(),
        b.expectedBedDays(), b.saved())).orElse(null);
    List<PersonJson> people = results.people().stream().map(TenureReport::person).toList();
    List<RejectedJson> rejected = results.rejected().stream().map(TenureReport::rejected).toList();
    return new Document(options, s, savedJson, people, rejected);
  }

  static PersonJson person(TenureResult r) {
    return new PersonJson(r.subject().value(),
        r.time().isPresent() ? r.time().getAsInt() : null,
        r.event().map(e -> e ? 1 : 0).orElse(null),
        r.censorReason().map(CensorReason::label).orElse(null),
        r.daysFollowed(), r.daysInCommunity(), r.bedDays(), r.readmissions(),
        r.readmitted30().map(b -> b ? 1 : 0).orElse(null),
        r.readmitted90().map(b -> b ? 1 : 0).orElse(null),
        r.mergedStays(), r.flags().stream().map(TenureFlag::label).toList(), r.group().orElse(null));
  }

  static RejectedJson rejected(Rejection r) {
    return new RejectedJson(r.file().label(), r.row(),
        r.reasons().stream().map(v -> new ReasonJson(v.location(), v.message())).toList());
  }

  // ------------------------------------------------------------------ CSV

  void csv(PrintWriter out) {
    out.println(String.join(",", COLUMNS));
    for (TenureResult r : results.people()) {
      PersonJson p = person(r);
      out.println(String.join(",", cell(p.subject()), text(p.time()), text(p.event()), text(p.censorReason()),
          text(p.daysFollowed()), text(p.daysInCommunity()), text(p.bedDays()), text(p.readmissions()),
          text(p.readmitted30()), text(p.readmitted90()), text(p.mergedStays()), cell(String.join(";", p.flags())),
          cell(p.group() == null ? "" : p.group())));
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** A text cell: formulas neutralised, quoted as RFC 4180 asks ({@link CsvCells}). */
  static String cell(String value) {
    return CsvCells.cell(value);
  }

  // ------------------------------------------------------------------ text

  void text(PrintWriter out, int maxRows) {
    TenureOptions o = results.options();
    out.println("Community tenure (window " + (o.windowDays().isPresent() ? o.windowDays().getAsInt() + " days" : "none")
        + ", gap " + o.gapDays() + (o.gapDays() == 1 ? " day" : " days")
        + ", extraction date " + o.extractionDate().map(LocalDate::toString).orElse("none")
        + ", settings " + o.settings().stream().map(Setting::label).collect(Collectors.joining(", ")) + ")");
    out.println();
    TextTable input = new TextTable("input", "read", "accepted", "rejected");
    input.row("people", summary.people().read(), summary.people().accepted(), summary.people().rejected());
    input.row("episodes", summary.episodes().read(), summary.episodes().accepted(), summary.episodes().rejected());
    input.print(out);
    if (summary.episodesOutsideSettings() > 0) {
      long n = summary.episodesOutsideSettings();
      out.println(n + (n == 1 ? " accepted episode is in a setting" : " accepted episodes are in settings")
          + " not counted, and ignored.");
    }
    out.println();
    TextTable t = new TextTable("measure", "value");
    t.row("people in time to readmission", summary.included());
    summary.excludedByFlag().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> t.row("  excluded: " + phrase(e.getKey()), e.getValue()));
    t.row("readmitted (events)", summary.events());
    for (CensorReason c : CensorReason.values()) {
      t.row("  censored: " + c.label().replace('_', ' '), summary.censoredByReason().getOrDefault(c, 0));
    }
    t.row("readmitted within 30 days: yes / no / unknown", horizon(summary.readmitted30()));
    t.row("readmitted within 90 days: yes / no / unknown", horizon(summary.readmitted90()));
    t.row("median days followed", summary.medianDaysFollowed().isPresent()
        ? TextTable.number(summary.medianDaysFollowed().getAsDouble()) : "NA");
    t.row("total days followed", summary.totalDaysFollowed());
    t.row("total bed-days", summary.totalBedDays());
    t.row("total days in the community", summary.totalDaysInCommunity());
    t.row("total readmissions (stays)", summary.totalReadmissions());
    t.print(out);
    saved.ifPresent(b -> {
      out.println();
      out.println("Bed-days saved against the comparator" + (b.comparator().source().isEmpty() ? ""
          : " (" + b.comparator().source() + ")") + ": expected − observed over the included people");
      TextTable s = new TextTable("people", "person-years", "expected per person-year", "expected", "observed", "saved");
      s.row(b.people(), b.personYears(), b.comparator().bedDaysPerPersonYear(), b.expectedBedDays(),
          b.observedBedDays(), b.saved());
      s.print(out);
    });
    out.println();
    if (results.people().size() > maxRows) {
      out.println(results.people().size() + " people: use --format csv or --format json for one row per person.");
      return;
    }
    TextTable p = new TextTable(COLUMNS.toArray(String[]::new));
    for (TenureResult r : results.people()) {
      PersonJson j = person(r);
      p.row(j.subject(), orBlank(j.time()), orBlank(j.event()), text(j.censorReason()), j.daysFollowed(),
          j.daysInCommunity(), j.bedDays(), j.readmissions(), orBlank(j.readmitted30()), orBlank(j.readmitted90()),
          j.mergedStays(), String.join(";", j.flags()), text(j.group()));
    }
    p.print(out);
  }

  /** A number, or a blank cell (the column stays right-aligned as a number column). */
  private static Object orBlank(Integer value) {
    return value == null ? "" : value;
  }

  private static String phrase(TenureFlag flag) {
    return switch (flag) {
      case IN_HOSPITAL_ON_INDEX_DATE -> "in hospital on the index date";
      case NO_FOLLOW_UP -> "no follow-up";
      case REJECTED_EPISODES -> "rejected episodes";
      default -> flag.label().replace('_', ' ');
    };
  }

  private static String horizon(HorizonCounts c) {
    return c.readmitted() + " / " + c.notReadmitted() + " / " + c.unknown();
  }
}
