package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.outcome.api.OutcomeException;
import org.outcome.api.result.ResultText;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureFlag;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.MedianSurvival;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.RmstGroup;
import org.outcome.stats.survival.SurvivalAt;
import org.outcome.stats.survival.cox.CoxPh;

/**
 * Community tenure: do people stay out of hospital longer after discharge with peer support (Min
 * et al. 2007)? Derives time to the first psychiatric readmission within three years from the
 * people and hospital-episode files, then compares the groups with Kaplan-Meier curves (median
 * and one-year survival), the log-rank test, a Cox model and the restricted mean time in the
 * community up to three years.
 *
 * <pre>examples/run TenureSurvivalExample [people.csv] [episodes.csv]</pre>
 */
public final class TenureSurvivalExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));
  private static final String USUAL = "usual-care";
  private static final int WINDOW_DAYS = 1095;

  private TenureSurvivalExample() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (OutcomeException e) {                             // bad input: every problem, no stack trace
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args, PrintStream out) {
    Path people = args.length > 0 ? Path.of(args[0]) : DATA.resolve("people.csv");
    Path episodes = args.length > 1 ? Path.of(args[1]) : DATA.resolve("episodes.csv");
    TenureResults tenure = TenureCalculator.of(TenureOptions.withDefaults()
        .withWindowDays(WINDOW_DAYS).withExtractionDate(LocalDate.parse("2026-09-30"))).read(people, episodes);

    TenureSummary summary = tenure.summary();
    out.printf("Time to psychiatric readmission, up to %d days after discharge%n", WINDOW_DAYS);
    out.printf("people: %d rows read, %d rejected; episodes: %d rows read, %d rejected%n", summary.people().read(),
        summary.people().rejected(), summary.episodes().read(), summary.episodes().rejected());
    tenure.rejected().forEach(row -> out.println("  rejected: " + row));
    out.printf("included: %d; excluded: %d", summary.included(), summary.excluded());
    for (TenureFlag flag : TenureFlag.values()) {
      if (summary.excludedByFlag().getOrDefault(flag, 0) > 0) {
        out.printf(", %s: %d", flag.label(), summary.excludedByFlag().get(flag));
      }
    }
    out.printf("%nnot readmitted, follow-up ended by: %s%n%n", summary.censoredByReason().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).map(c -> c.getKey().label() + " " + c.getValue())
        .collect(Collectors.joining(", ")));

    SurvivalSample all = tenure.toSurvivalSample().sample();
    SurvivalSample sample = all.withGroup(all.group().map(g -> g.relevel(USUAL)));   // usual care: the reference

    KaplanMeier.Result km = KaplanMeier.withDefaults().withTimes(365).fit(sample);
    Rmst.Result rmst = Rmst.withDefaults().withTau(WINDOW_DAYS).compare(sample);
    out.printf("%-13s %4s %10s  %-20s  %-26s  %s%n", "group", "n", "readmitted", "median days [95% CI]",
        "survival at 365 d [95% CI]", "RMST " + WINDOW_DAYS + " d (se)");
    for (RmstGroup g : rmst.groups()) {
      KaplanMeierCurve curve = km.curve(g.group()).orElseThrow();
      MedianSurvival median = curve.median();
      SurvivalAt year = curve.at().get(0);
      out.printf("%-13s %4d %10d  %-20s  %-26s  %s (%s)%n", g.group(), g.n(), g.events(),
          orNa(median.median()) + " [" + orNa(median.lower()) + ", " + orNa(median.upper()) + "]",
          orNa(year.survival()) + " [" + orNa(year.lower()) + ", " + orNa(year.upper()) + "]",
          ResultText.number(g.rmean()), ResultText.number(g.stdErr()));
    }
    out.println();
    out.println("log-rank                  " + ResultText.oneLine(LogRank.withDefaults().test(sample)));
    out.println("Cox model (Efron ties)    " + ResultText.oneLine(CoxPh.withDefaults().fit(sample)));
    out.println("RMST up to " + WINDOW_DAYS + " days      " + ResultText.oneLine(rmst));
  }

  /** A value, or NA where R prints NA (a median never reached, a limit undefined). */
  private static String orNa(OptionalDouble value) {
    return value.isPresent() ? ResultText.number(value.getAsDouble()) : "NA";
  }
}
