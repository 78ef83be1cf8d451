package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.instruments.batch.ScoredRow;
import org.outcome.instruments.io.CsvRecord;
import org.outcome.instruments.io.CsvRecords;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.Coefficient;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;

/**
 * Comparison group: did empowerment improve more with peer support than with usual care? Scores
 * the Empowerment Scale answers of both groups, keeps the people with both scores, and compares
 * the groups with ANCOVA on baseline ({@code follow-up ~ baseline + group}), the change-score
 * model beside it, Welch's t-test and the Mann-Whitney test on the change, and Hedges' g.
 *
 * <pre>examples/run ComparisonGroupExample [answers.csv] [people.csv]</pre>
 */
public final class ComparisonGroupExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));
  private static final String PEER = "peer-support";
  private static final String USUAL = "usual-care";

  private ComparisonGroupExample() {}

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
    Map<String, String> group = column(peopleFile, "group");

    Instrument scale = InstrumentRegistry.load().require(InstrumentId.of("empowerment-scale"));
    out.printf("%s: %s against %s, people with both scores%n", scale.definition().name(), PEER, USUAL);
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

    List<double[]> pairs = new ArrayList<>();
    List<String> arms = new ArrayList<>();
    group.forEach((subject, arm) -> {
      double[] pair = scores.get(subject);
      if ((arm.equals(PEER) || arm.equals(USUAL)) && pair != null && !Double.isNaN(pair[0] + pair[1])) {
        pairs.add(pair);
        arms.add(arm);
      }
    });
    double[] pre = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] post = pairs.stream().mapToDouble(p -> p[1]).toArray();
    double[] change = pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray();
    Factor arm = Factor.withLevels(arms.toArray(String[]::new), List.of(USUAL, PEER));   // usual care: the reference

    Ancova.Result ancova = Ancova.withDefaults().withReference(USUAL).fit(GroupedPrePostSample.of(pre, post, arm));
    GroupedSample changes = GroupedSample.of(change, arm);
    TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().withGroups(GroupChoice.of(PEER, USUAL)).test(changes);

    out.printf("%-14s %4s %9s %10s %8s %8s%n", "group", "n", "baseline", "follow-up", "change", "SD");
    for (Ancova.GroupPrePost level : ancova.groups()) {
      double sd = (level.level().equals(PEER) ? welch.first() : welch.second()).sd();
      out.printf(Locale.ROOT, "%-14s %4d %9.4f %10.4f %8.4f %8.4f%n", level.level(), level.n(), level.meanPre(),
          level.meanPost(), level.meanPost() - level.meanPre(), sd);
    }
    out.printf("%n%-36s %9s  %-18s  %-26s %s%n", "analysis (" + PEER + " - " + USUAL + ")", "estimate", "95% CI",
        "statistic", "p");
    row(out, "ANCOVA: follow-up ~ baseline + group", ancova);   // the baseline-adjusted difference and the group's F
    Coefficient changeScore = ancova.changeScore().coefficient("group" + PEER).orElseThrow();   // the model beside it
    out.printf(Locale.ROOT, "%-36s %9.4f  %-18s  %-26s %.4g%n", "change score: change ~ group", changeScore.estimate(),
        String.format(Locale.ROOT, "[%.4f, %.4f]", changeScore.interval().lower(), changeScore.interval().upper()),
        String.format(Locale.ROOT, "t = %.4f, df = %d", changeScore.t(), ancova.changeScore().residualDf()),
        changeScore.pValue());
    row(out, "Welch t on change", welch);
    row(out, "Mann-Whitney on change",
        MannWhitneyTest.withDefaults().withGroups(GroupChoice.of(PEER, USUAL)).test(changes));
    row(out, "Hedges' g on change",
        StandardizedMeanDifference.withDefaults().withGroups(GroupChoice.of(PEER, USUAL)).compute(changes));
    ancova.warnings().forEach(w -> out.println("warning: " + w.message()));
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
    out.println(String.format("%-36s %9s  %-18s  %-26s %s", analysis, estimate, interval, test, p).stripTrailing());
  }

  /** One column of a CSV file, by subject, in file order. */
  static Map<String, String> column(Path csv, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    try (CsvRecords records = CsvRecords.open(csv).requireColumns("subject", name)) {
      records.forEach((CsvRecord record) -> values.put(record.get("subject"), record.get(name)));
    }
    return values;
  }
}
