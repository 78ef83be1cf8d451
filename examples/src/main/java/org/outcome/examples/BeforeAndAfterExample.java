package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outcome.api.InstrumentId;
import org.outcome.api.OutcomeException;
import org.outcome.api.RejectedRow;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.sample.PairedSample;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.instruments.batch.ScoredRow;
import org.outcome.instruments.io.CsvRecord;
import org.outcome.instruments.io.CsvRecords;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.AnalysisSet.DoseRule;
import org.outcome.stats.paired.AnalysisSet.Exclusion;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

/**
 * Before-and-after: did empowerment change from baseline to follow-up in the peer-support group?
 * Scores the Empowerment Scale answers, pairs each person's baseline and follow-up scores, and
 * runs the paired t-test, the Wilcoxon signed-rank test and Cohen's d_z, for everyone enrolled
 * (intention-to-treat, complete cases) and for those who attended more than 10 sessions
 * (as-treated, as in Resnick and Rosenheck 2008).
 *
 * <pre>examples/run BeforeAndAfterExample [answers.csv] [people.csv] [sessions.csv]</pre>
 */
public final class BeforeAndAfterExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));

  private BeforeAndAfterExample() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (OutcomeException e) {                             // bad input: every problem, no stack trace
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args, PrintStream out) {
    Path answersFile = args.length > 0 ? Path.of(args[0]) : DATA.resolve("empowerment-scale.csv");
    Path peopleFile = args.length > 1 ? Path.of(args[1]) : DATA.resolve("people.csv");
    Path sessionsFile = args.length > 2 ? Path.of(args[2]) : DATA.resolve("sessions.csv");
    Map<String, String> group = column(peopleFile, "group");
    Map<String, String> sessions = column(sessionsFile, "sessions");

    Instrument scale = InstrumentRegistry.load().require(InstrumentId.of("empowerment-scale"));
    out.printf("%s, peer-support group, baseline to follow-up%n", scale.definition().name());
    Map<String, double[]> scores = new HashMap<>();            // subject -> {baseline, follow-up}; NaN = none
    BatchSummary read = BatchScorer.of(scale).score(answersFile, new BatchSink() {
      @Override
      public void scored(ScoredRow row) {
        int time = List.of("baseline", "follow-up").indexOf(row.timepoint());
        if (time >= 0) {
          scores.computeIfAbsent(row.subject().value(), s -> new double[] {Double.NaN, Double.NaN})[time] =
              row.score().primaryScore().value().orElse(Double.NaN);    // too many items missing: no score
        }
      }

      @Override
      public void rejected(RejectedRow row) {
        row.reasons().forEach(reason -> out.println("  rejected: " + reason));
      }
    });
    out.printf("answers: %d rows read, %d scored, %d rejected%n%n", read.read(), read.scored(), read.rejected());

    List<String> enrolled = group.keySet().stream().filter(s -> group.get(s).equals("peer-support")).toList();
    double[] none = {Double.NaN, Double.NaN};
    PairedCohort cohort = PairedCohort.of(
        enrolled.stream().mapToDouble(s -> scores.getOrDefault(s, none)[0]).toArray(),
        enrolled.stream().mapToDouble(s -> scores.getOrDefault(s, none)[1]).toArray())
        .withDose(enrolled.stream().mapToDouble(s -> number(sessions.getOrDefault(s, ""))).toArray());

    for (AnalysisSet set : List.of(AnalysisSet.intentionToTreat(), AnalysisSet.asTreated(DoseRule.moreThan(10).withUnit("sessions")))) {
      AnalysisSet.Selection selection = set.select(cohort);
      PairedSample pairs = selection.sample();
      out.printf("%s: %d of %d enrolled%n", set.description(), selection.included(), selection.enrolled());
      for (Exclusion reason : Exclusion.values()) {
        if (selection.excluded(reason) > 0) {
          out.printf("  excluded, %s: %d%n", reason.label(), selection.excluded(reason));
        }
      }
      out.printf(Locale.ROOT, "  mean before %.4f, after %.4f%n",
          Arrays.stream(pairs.beforeValues()).average().orElseThrow(),
          Arrays.stream(pairs.afterValues()).average().orElseThrow());
      out.printf("  %-22s %9s  %-18s  %-22s %s%n", "analysis", "estimate", "95% CI", "statistic", "p");
      row(out, "paired t (mean change)", PairedTTest.withDefaults().test(pairs));
      row(out, "Wilcoxon signed-rank", WilcoxonSignedRankTest.withDefaults().test(pairs));
      row(out, "Cohen's d_z", PairedEffectSize.withDefaults().compute(pairs));
      out.println();
    }
  }

  /** One line per analysis, from the parts every result has: estimate, interval, test, p. */
  static void row(PrintStream out, String analysis, AnalysisResult result) {
    String estimate = result.estimate().map(e -> String.format(Locale.ROOT, "%.4f", e.value())).orElse("");
    String interval = result.estimate().flatMap(Estimate::interval)
        .map(ci -> String.format(Locale.ROOT, "[%.4f, %.4f]", ci.lower(), ci.upper())).orElse("");
    String test = "";
    String p = "";
    if (result.test().isPresent()) {
      HypothesisTest t = result.test().get();
      double df = t.df().orElse(Double.NaN);
      test = String.format(Locale.ROOT, "%s = %.4f", t.statisticName(), t.statistic())
          + (Double.isNaN(df) ? "" : String.format(Locale.ROOT, df % 1 == 0 ? ", df = %.0f" : ", df = %.4f", df));
      p = String.format(Locale.ROOT, "%.4g", t.pValue());       // four significant digits, as R prints p
    }
    out.println(String.format("  %-22s %9s  %-18s  %-22s %s", analysis, estimate, interval, test, p).stripTrailing());
  }

  /** One column of a CSV file, by subject, in file order. */
  static Map<String, String> column(Path csv, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    try (CsvRecords records = CsvRecords.open(csv).requireColumns("subject", name)) {
      records.forEach((CsvRecord record) -> values.put(record.get("subject"), record.get(name)));
    }
    return values;
  }

  /** A number, or NaN (unknown, and counted as such) for an empty cell or no row. */
  private static double number(String cell) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
